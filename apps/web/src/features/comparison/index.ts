/** Public surface of the analyst comparison. */
export { ComparisonPanel } from './components/ComparisonPanel';
