/** Public surface of the exports feature. */
import './workspace-events';
export { ExportsPage } from './components/ExportsPage';
