/** Public surface of the corpus feature: the corpus list and the reader. */
export { CorpusPage } from './components/CorpusPage';
export { DocumentReader } from './components/DocumentReader';
export { ReaderLayersContext, type LayerHighlight, type MarginItem, type ReaderLayer, type ReaderLayerContext, type ReaderLayerOutput, type SelectionAction } from './layers/reader-layer';
export { firstWords, passageIndexAt, type PassageSpan } from './reader-model';
export type { SelectedSpan } from './dom-offsets';
