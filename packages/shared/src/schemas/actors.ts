import { z } from 'zod';
import { IsoDateSchema, UuidSchema, lineText, multilineText } from './common.js';

/** People and organisations quoted in the corpus. */
export const ActorSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  affiliation: z.string().nullable(),
  description: z.string().nullable(),
  attributionCount: z.number().int(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type Actor = z.infer<typeof ActorSchema>;
export const ActorListSchema = z.object({ actors: z.array(ActorSchema) });
export type ActorList = z.infer<typeof ActorListSchema>;

export const CreateActorBodySchema = z.strictObject({
  name: lineText().min(1, 'must not be empty').max(200),
  affiliation: lineText().max(300).nullable().optional(),
  description: multilineText().trim().max(2000).nullable().optional(),
});
export type CreateActorBody = z.input<typeof CreateActorBodySchema>;

export const UpdateActorBodySchema = CreateActorBodySchema.partial().refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });
export type UpdateActorBody = z.input<typeof UpdateActorBodySchema>;

/** Where a candidate was seen: a span in a passage (code points). */
export const ActorEvidenceSchema = z.object({
  documentId: UuidSchema,
  passageId: UuidSchema,
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
});

/** Proposed from the text ("said X", "X told", titles and affiliations); a person decides. */
export const ActorCandidateSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  affiliation: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'dismissed']),
  evidence: z.array(ActorEvidenceSchema),
  actorId: UuidSchema.nullable(),
});
export type ActorCandidate = z.infer<typeof ActorCandidateSchema>;
export const ActorCandidateListSchema = z.object({ candidates: z.array(ActorCandidateSchema) });
export type ActorCandidateList = z.infer<typeof ActorCandidateListSchema>;

export const AcceptCandidateBodySchema = z.strictObject({
  /** Edit before accepting. */
  name: lineText().min(1).max(200).optional(),
  affiliation: lineText().max(300).nullable().optional(),
  /** Also attribute the evidence spans to the new actor (default true). */
  attributeEvidence: z.boolean().default(true),
});
export type AcceptCandidateBody = z.input<typeof AcceptCandidateBodySchema>;

/** A span of a document attributed to an actor (a quote, a claim). */
export const AttributionSchema = z.object({
  id: UuidSchema,
  actorId: UuidSchema,
  documentId: UuidSchema,
  passageId: UuidSchema.nullable(),
  start: z.number().int(),
  end: z.number().int(),
  createdAt: IsoDateSchema,
});
export type Attribution = z.infer<typeof AttributionSchema>;
export const AttributionListSchema = z.object({ attributions: z.array(AttributionSchema) });
export type AttributionList = z.infer<typeof AttributionListSchema>;

export const CreateAttributionBodySchema = z.strictObject({
  actorId: UuidSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});
export type CreateAttributionBody = z.input<typeof CreateAttributionBodySchema>;

export const ActorCandidateQuerySchema = z.strictObject({
  status: z.enum(['pending', 'accepted', 'dismissed']).optional(),
});
export type ActorCandidateQuery = z.input<typeof ActorCandidateQuerySchema>;
