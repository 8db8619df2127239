/** Public surface of the search feature: the search page, and pieces the reader reuses. */
import './workspace-events';
export { searchKeys, searchPassages } from './api';
export { SearchPage } from './components/SearchPage';
export { SearchSyntaxHelp } from './components/SearchSyntaxHelp';
export { SnippetText } from './components/SnippetText';
export { normalizeRanges, splitByRanges, type Range, type TextPiece } from './highlight-ranges';
export { useSearch } from './hooks/useSearch';
