/** Public surface of annotations: the reader layer's query, the tag picker, statistics and agreement queries. */
import './workspace-events';
export { annotationKeys, type AgreementParams, type SegmentsQuery } from './api';
export { TagPicker, type TagPickerResult } from './components/TagPicker';
export { annotationsLayer } from './reader-layer';
export {
  useAgreement,
  useCodedSegments,
  useCreateAnnotation,
  useDeleteAnnotation,
  useDocumentAnnotations,
  useTagCoOccurrence,
  useTagFrequencies,
  useUpdateAnnotation,
} from './hooks/useAnnotations';
