/** Public surface of the exports feature. */
export { ExportsPage } from './components/ExportsPage';
