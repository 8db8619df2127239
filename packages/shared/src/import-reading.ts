/**
 * What the API's import read worker needs, and nothing more: that worker runs under a small
 * heap cap (IMPORT_READ_MAX_HEAP_MB) so a hostile file exhausts it quickly, and loading the
 * whole package (Yjs, every schema) would spend that heap before the file is even read.
 */
export { IMPORT_LIMITS, PasteDocumentBodySchema, type ImportRejectionReason, type PasteDocumentBody } from './schemas/imports.js';
export { LanguageTagSchema, METADATA_LIMITS } from './schemas/documents.js';
export { codePointLength, OffsetMap } from './text/code-points.js';
export { normalizeText, segmentPassages, type PassageSegment, type Span } from './text/segment.js';
export { detectLanguage } from './text/detect-language.js';
