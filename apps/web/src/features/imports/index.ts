/** Public surface of the imports feature. */
export { ImportPage } from './components/ImportPage';
