import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';

/**
 * Import limits, enforced by the API and shown by the client. A ZIP counts by what it holds.
 */
export const IMPORT_LIMITS = {
  /** One uploaded file (a ZIP included). */
  maxFileBytes: 20 * 1024 * 1024,
  /** Files per batch, after opening ZIPs. */
  maxFilesPerBatch: 200,
  /** Total size of one batch as uploaded. */
  maxBatchBytes: 100 * 1024 * 1024,
  /** Extracted text of one document, in code points. */
  maxDocumentCharacters: 2_000_000,
  /** Extracted text of one batch, in code points. */
  maxBatchCharacters: 20_000_000,
  /** Uncompressed bytes a ZIP may expand to (ZIP bombs stop here). */
  maxZipUncompressedBytes: 200 * 1024 * 1024,
  /** Pasted text, in characters. */
  maxPastedCharacters: 2_000_000,
  /** Pages of one PDF (its page tree may not claim more). */
  maxPdfPages: 5_000,
  /**
   * Elements of one document: HTML tags, XML elements of a DOCX's body, text pieces of a PDF.
   * Counted before or while parsing, so a file built to be expensive to read is refused early.
   */
  maxDocumentElements: 500_000,
  /**
   * Longest passage, in code points: a longer paragraph is stored as several passages, split
   * at sentence ends (its search entry must stay under Postgres's 1 MB tsvector limit).
   */
  maxPassageCharacters: 100_000,
} as const;

export const IMPORT_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx', 'pasted'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_REJECTION_REASONS = ['unsupported_type', 'too_large', 'empty', 'unreadable', 'duplicate', 'too_many_files', 'limit_exceeded', 'too_complex', 'too_slow'] as const;
export type ImportRejectionReason = (typeof IMPORT_REJECTION_REASONS)[number];

export const ImportFileResultSchema = z.object({
  /** File name as uploaded; inside a ZIP, "archive.zip/folder/file.txt". */
  name: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  format: z.enum(IMPORT_FORMATS).nullable(),
  reason: z.enum(IMPORT_REJECTION_REASONS).nullable(),
  /** Human-readable explanation of a rejection. */
  message: z.string().nullable(),
  /** Set once the job has committed. */
  documentId: UuidSchema.nullable(),
  title: z.string().nullable(),
});
export type ImportFileResult = z.infer<typeof ImportFileResultSchema>;

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

export const ImportJobSchema = z.object({
  id: UuidSchema,
  status: z.enum(IMPORT_JOB_STATUSES),
  totalFiles: z.number().int(),
  processedFiles: z.number().int(),
  acceptedCount: z.number().int(),
  rejectedCount: z.number().int(),
  files: z.array(ImportFileResultSchema),
  /** Why a failed job failed (nothing was imported). */
  error: z.string().nullable(),
  createdAt: IsoDateSchema,
  finishedAt: IsoDateSchema.nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

/** Pasted text: one document, as JSON (files come as multipart on the same route). */
export const PasteDocumentBodySchema = z.strictObject({
  text: z.string().min(1, 'must not be empty').max(IMPORT_LIMITS.maxPastedCharacters),
  // eslint-disable-next-line no-control-regex -- a NUL cannot be stored, and no title needs a control character
  title: z.string().trim().min(1).max(300).regex(/^[^\u0000-\u001F\u007F]*$/, 'must not contain control characters').optional(),
});
export type PasteDocumentBody = z.input<typeof PasteDocumentBodySchema>;
