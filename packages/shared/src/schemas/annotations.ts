/**
 * Annotations: a span of a document (a text anchor) tagged with one or more codebook tags by
 * one analyst, with an optional memo. Consensus annotations record what the team agreed after
 * comparing, kept apart from each analyst's own coding (agreement never counts them).
 */
import { z } from 'zod';
import { TextQuoteSchema } from '../anchors/text-anchor.js';
import { IsoDateSchema, UuidSchema } from './common.js';

export const ANNOTATION_LIMITS = {
  memo: 10_000,
  tagsPerAnnotation: 50,
  /** Longest span one annotation may cover, in code points. */
  span: 200_000,
} as const;

export const ANNOTATION_KINDS = ['analyst', 'consensus'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const AnnotationSchema = z.object({
  id: UuidSchema,
  documentId: UuidSchema,
  start: z.number().int(),
  end: z.number().int(),
  /** The W3C quote: in answers to writes, and in lists asked `quotes=true` (the reader has the text). */
  quote: TextQuoteSchema.optional(),
  tagIds: z.array(UuidSchema),
  memo: z.string().nullable(),
  kind: z.enum(ANNOTATION_KINDS),
  /** Who coded it (for a consensus annotation: who recorded the agreement); null if the account is gone. */
  analystId: UuidSchema.nullable(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type Annotation = z.infer<typeof AnnotationSchema>;

export const AnalystSchema = z.object({ id: UuidSchema, displayName: z.string() });
export type Analyst = z.infer<typeof AnalystSchema>;

/** Annotations in document order, with the analysts they name (once each). */
export const AnnotationListSchema = z.object({ annotations: z.array(AnnotationSchema), analysts: z.array(AnalystSchema) });
export type AnnotationList = z.infer<typeof AnnotationListSchema>;

const tagIds = z
  .array(UuidSchema)
  .min(1, 'give at least one tag')
  .max(ANNOTATION_LIMITS.tagsPerAnnotation)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a tag' });
const memo = z.string().trim().max(ANNOTATION_LIMITS.memo);

export const CreateAnnotationBodySchema = z.strictObject({
  documentId: UuidSchema,
  /** Code points, end exclusive; may cross passage boundaries. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** Optional check: the text the client selected; refused when the document says otherwise. */
  exact: z.string().max(ANNOTATION_LIMITS.span * 2).optional(),
  tagIds,
  memo: memo.nullable().optional(),
  /** Record a settled disagreement as the team's consensus (not while blind coding hides the others). */
  kind: z.enum(ANNOTATION_KINDS).default('analyst'),
});
export type CreateAnnotationBody = z.input<typeof CreateAnnotationBodySchema>;

export const UpdateAnnotationBodySchema = z
  .strictObject({
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    tagIds: tagIds.optional(),
    memo: memo.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' })
  .refine((body) => (body.start === undefined) === (body.end === undefined), { message: 'give start and end together', path: ['end'] });
export type UpdateAnnotationBody = z.input<typeof UpdateAnnotationBodySchema>;

const kindFilter = z.enum(['analyst', 'consensus', 'all']).default('all');

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const AnnotationListQuerySchema = z.strictObject({
  documentId: UuidSchema.optional(),
  tagId: UuidSchema.optional(),
  analystId: UuidSchema.optional(),
  kind: kindFilter,
  /** Include each annotation's quote (default false: the reader already has the text). */
  quotes: booleanFlag.default(false),
});
export type AnnotationListQuery = z.input<typeof AnnotationListQuerySchema>;

export const CODED_SEGMENTS_MAX = 2000;

export const CodedSegmentsQuerySchema = z.strictObject({
  tagId: UuidSchema,
  /** Also the spans coded with the tag's sub-tags, at any depth (default true). */
  includeSubtags: booleanFlag.default(true),
  documentId: UuidSchema.optional(),
  analystId: UuidSchema.optional(),
  /** Only spans that overlap a quote attributed to this actor. */
  actorId: UuidSchema.optional(),
  kind: kindFilter,
  limit: z.coerce.number().int().min(1).max(CODED_SEGMENTS_MAX).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CodedSegmentsQuery = z.input<typeof CodedSegmentsQuerySchema>;

/** One coded span with what a report needs to cite it. */
export const CodedSegmentSchema = z.object({
  annotationId: UuidSchema,
  documentId: UuidSchema,
  documentTitle: z.string(),
  /** Number of the passage where the span starts, from 1 (as the reader shows it). */
  passageNumber: z.number().int().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  /** Up to 200 characters of the text either side. */
  before: z.string(),
  after: z.string(),
  tagIds: z.array(UuidSchema),
  memo: z.string().nullable(),
  kind: z.enum(ANNOTATION_KINDS),
  analyst: AnalystSchema.nullable(),
  createdAt: IsoDateSchema,
});
export type CodedSegment = z.infer<typeof CodedSegmentSchema>;
export const CodedSegmentListSchema = z.object({ segments: z.array(CodedSegmentSchema), total: z.number().int() });
export type CodedSegmentList = z.infer<typeof CodedSegmentListSchema>;

export const TagStatisticsQuerySchema = z.strictObject({
  documentId: UuidSchema.optional(),
  analystId: UuidSchema.optional(),
  kind: z.enum(['analyst', 'consensus', 'all']).default('analyst'),
});
export type TagStatisticsQuery = z.input<typeof TagStatisticsQuerySchema>;

/** How often each tag was applied, per document and per analyst. */
export const TagFrequenciesSchema = z.object({
  byDocument: z.array(z.object({ tagId: UuidSchema, documentId: UuidSchema, annotations: z.number().int() })),
  byAnalyst: z.array(z.object({ tagId: UuidSchema, analystId: UuidSchema.nullable(), annotations: z.number().int() })),
  analysts: z.array(AnalystSchema),
});
export type TagFrequencies = z.infer<typeof TagFrequenciesSchema>;

/** Passages where tags occur (diagonal) and where two tags both occur (pairs, tagIdA < tagIdB). */
export const TagCoOccurrenceSchema = z.object({
  tags: z.array(z.object({ tagId: UuidSchema, passages: z.number().int() })),
  pairs: z.array(z.object({ tagIdA: UuidSchema, tagIdB: UuidSchema, passages: z.number().int() })),
});
export type TagCoOccurrence = z.infer<typeof TagCoOccurrenceSchema>;
