import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';

/** A document of the corpus as listed; the corpus issue adds metadata and passages. */
export const DocumentSummarySchema = z.object({
  id: UuidSchema,
  title: z.string(),
  sourceFilename: z.string().nullable(),
  characterCount: z.number().int(),
  createdAt: IsoDateSchema,
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const DocumentListSchema = z.object({ documents: z.array(DocumentSummarySchema) });
export type DocumentList = z.infer<typeof DocumentListSchema>;

export const DocumentDetailSchema = DocumentSummarySchema.extend({ text: z.string() });
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;
