/** Public surface of the imports feature. */
import './workspace-events';
export { importKeys } from './api';
export { ImportPage } from './components/ImportPage';
