/** Public surface of the corpus feature: the corpus list and the reader. */
export { CorpusPage } from './components/CorpusPage';
export { DocumentReader } from './components/DocumentReader';
