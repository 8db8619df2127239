/** Public surface of the account feature. */
export { AccountPage } from './components/AccountPage';
