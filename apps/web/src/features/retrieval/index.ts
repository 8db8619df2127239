/** Public surface of retrieval: coded segments per tag, and tag statistics. */
export { RetrievalPanel } from './components/RetrievalPanel';
export { TagOverview } from './components/TagOverview';
