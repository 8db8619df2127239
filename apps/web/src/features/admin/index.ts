/** Public surface of the instance administration feature. */
export { AdminUsersPage } from './components/AdminUsersPage';
export { AdminSetupPage } from './components/AdminSetupPage';
