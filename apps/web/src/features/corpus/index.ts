/** Public surface of the corpus feature. */
export { CorpusPage } from './components/CorpusPage';
export { DocumentReader } from './components/DocumentReader';
