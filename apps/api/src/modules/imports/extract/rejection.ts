/**
 * Why a file is not imported. Extractors throw it; the job records the reason and a sentence a
 * person can act on, prefixed with the file name.
 */
import type { ImportRejectionReason } from '@marginalia/shared/import-reading';

export const SUPPORTED_TYPES_SENTENCE = 'Marginalia imports .txt, .md, .html, .pdf, .docx and .zip';

export class ImportRejection extends Error {
  constructor(
    readonly reason: ImportRejectionReason,
    /** Without the file name, e.g. "unsupported file type (.exe); Marginalia imports ...". */
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ImportRejection';
  }
}

export function rejectUnsupported(what: string): ImportRejection {
  return new ImportRejection('unsupported_type', `${what}; ${SUPPORTED_TYPES_SENTENCE}`);
}
