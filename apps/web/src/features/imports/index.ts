/** Public surface of the imports feature. */
export { importKeys } from './api';
export { ImportPage } from './components/ImportPage';
