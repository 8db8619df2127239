/** Public surface of the documents data layer, shared by the corpus, search, imports and actors screens. */
import './workspace-events';
export { documentKeys } from './api';
export { useDeleteDocument, useDocument, useDocuments, useInvalidateDocumentLists, useUpdateDocument } from './hooks/useDocuments';
