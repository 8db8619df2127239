/**
 * The map page's own entry: the router loads it lazily, so React Flow and the canvas reach the
 * browser only when a map is opened (index.ts stays light enough for the reader layer).
 */
import '@xyflow/react/dist/style.css';
export { MapPage } from './components/MapPage';
