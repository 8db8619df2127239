import { z } from 'zod';
import { IsoDateSchema, UuidSchema, lineText, multilineText } from './common.js';

/** Offsets are Unicode code points, end exclusive (W3C Web Annotation, REFI-QDA). */
export const SpanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type SpanDto = z.infer<typeof SpanSchema>;

export const PassageSchema = z.object({
  id: UuidSchema,
  index: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  sentences: z.array(SpanSchema),
});
export type Passage = z.infer<typeof PassageSchema>;

export const METADATA_LIMITS = { title: 300, short: 300, url: 2048, fieldKey: 60, fieldValue: 1000, fields: 50 } as const;

const optionalText = (max: number) => lineText().max(max).nullable();

/** Free key/value metadata, e.g. { "section": "Politics", "translator": "..." }. */
export const MetadataFieldsSchema = z
  .record(lineText().min(1).max(METADATA_LIMITS.fieldKey), multilineText().max(METADATA_LIMITS.fieldValue))
  .refine((fields) => Object.keys(fields).length <= METADATA_LIMITS.fields, { message: `at most ${METADATA_LIMITS.fields} fields` });

/** A calendar date (publication dates rarely have a meaningful time). */
export const CalendarDateSchema = z.iso.date();

/** BCP 47-ish language tag: "en", "zh-Hant", "pt-BR". */
export const LanguageTagSchema = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as en or zh-Hant');

export const DocumentMetadataSchema = z.object({
  title: z.string(),
  source: z.string().nullable(),
  author: z.string().nullable(),
  publishedOn: CalendarDateSchema.nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadataSchema>;

export const UpdateDocumentBodySchema = z
  .strictObject({
    title: lineText().min(1, 'must not be empty').max(METADATA_LIMITS.title),
    source: optionalText(METADATA_LIMITS.short),
    author: optionalText(METADATA_LIMITS.short),
    publishedOn: CalendarDateSchema.nullable(),
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(METADATA_LIMITS.url).nullable(),
    language: LanguageTagSchema.nullable(),
    fields: MetadataFieldsSchema,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });
export type UpdateDocumentBody = z.input<typeof UpdateDocumentBodySchema>;

/** A document of the corpus as listed. */
export const DocumentSummarySchema = DocumentMetadataSchema.extend({
  id: UuidSchema,
  sourceFilename: z.string().nullable(),
  /** Length in code points. */
  characterCount: z.number().int(),
  passageCount: z.number().int(),
  /** True while the title is still the one proposed at import (nobody confirmed or edited it). */
  titleProposed: z.boolean(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const DOCUMENT_SORT_KEYS = ['title', 'publishedOn', 'createdAt', 'source', 'author', 'characterCount'] as const;

export const DocumentListQuerySchema = z.strictObject({
  sort: z.enum(DOCUMENT_SORT_KEYS).default('title'),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** Case-insensitive substring of the title. */
  title: lineText().max(200).optional(),
  source: lineText().max(METADATA_LIMITS.short).optional(),
  author: lineText().max(METADATA_LIMITS.short).optional(),
  language: lineText().max(35).optional(),
  publishedFrom: CalendarDateSchema.optional(),
  publishedTo: CalendarDateSchema.optional(),
  actorId: UuidSchema.optional(),
});
export type DocumentListQuery = z.input<typeof DocumentListQuerySchema>;

export const DocumentListSchema = z.object({ documents: z.array(DocumentSummarySchema) });
export type DocumentList = z.infer<typeof DocumentListSchema>;

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  text: z.string(),
  passages: z.array(PassageSchema),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;
