/**
 * The whole of a workspace as one JSON document: Marginalia's own export format, and the
 * snapshot every other export format is serialised from (each format is a pure function of
 * it). Its JSON Schema is published from this zod schema (`workspaceExportJsonSchema`); a
 * change that readers must know about bumps EXPORT_FORMAT_VERSION.
 *
 * Offsets are code points, end exclusive, like everywhere in Marginalia.
 */
import { z } from 'zod';
import { ACH_RATINGS, ACH_WEIGHT_LEVELS, ACTOR_STANCES, CONFIDENCE_LEVELS, MAP_EDGE_KINDS, MAP_NODE_KINDS } from '../maps/map-vocabulary.js';
import { WORKSPACE_ROLES } from '../roles.js';
import { ThreadAnchorSchema } from '../schemas/discussion.js';

export const EXPORT_FORMAT_VERSION = 1;

const Id = z.string().min(1);
const Time = z.string();

export const ExportMemberSchema = z.object({ id: Id, displayName: z.string(), role: z.enum(WORKSPACE_ROLES).nullable() });

export const ExportDocumentSchema = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  author: z.string().nullable(),
  publishedOn: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  sourceFilename: z.string().nullable(),
  createdAt: Time,
  text: z.string(),
  passages: z.array(z.object({ index: z.number().int(), start: z.number().int(), end: z.number().int() })),
});

export const ExportActorSchema = z.object({ id: Id, name: z.string(), affiliation: z.string().nullable(), description: z.string().nullable() });
export const ExportAttributionSchema = z.object({ id: Id, actorId: Id, documentId: Id, start: z.number().int(), end: z.number().int() });

export const ExportTagSchema = z.object({
  id: Id,
  parentId: Id.nullable(),
  position: z.number().int(),
  name: z.string(),
  color: z.string(),
  definition: z.string(),
  inclusion: z.string(),
  exclusion: z.string(),
  examples: z.array(z.string()),
});

export const ExportAnnotationSchema = z.object({
  id: Id,
  documentId: Id,
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  tagIds: z.array(Id),
  memo: z.string().nullable(),
  kind: z.enum(['analyst', 'consensus']),
  analystId: Id.nullable(),
  createdAt: Time,
  updatedAt: Time,
});

const EvidenceLinkSchema = z.object({ id: Id, documentId: Id, start: z.number().int(), end: z.number().int(), exact: z.string(), annotationId: Id.optional() });

export const ExportMapSchema = z.object({
  id: Id,
  title: z.string(),
  archived: z.boolean(),
  createdBy: Id.nullable(),
  createdAt: Time,
  nodes: z.array(
    z.object({
      id: Id,
      kind: z.enum(MAP_NODE_KINDS),
      text: z.string(),
      details: z.string(),
      x: z.number(),
      y: z.number(),
      confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
      createdBy: z.string(),
      createdAt: z.string(),
      actors: z.record(z.string(), z.enum(ACTOR_STANCES)),
      evidence: z.array(EvidenceLinkSchema),
    }),
  ),
  edges: z.array(z.object({ id: Id, kind: z.enum(MAP_EDGE_KINDS), source: Id, target: Id, createdBy: z.string() })),
  ratings: z.array(z.object({ hypothesisId: Id, evidenceId: Id, userId: Id, rating: z.enum(ACH_RATINGS) })),
  weights: z.array(z.object({ evidenceId: Id, userId: Id, credibility: z.enum(ACH_WEIGHT_LEVELS), relevance: z.enum(ACH_WEIGHT_LEVELS) })),
  settings: z.object({ blindRatings: z.boolean(), ratingsRevealed: z.boolean() }),
});

export const ExportCommentSchema = z.object({ id: Id, authorId: Id.nullable(), body: z.string(), createdAt: Time, editedAt: Time.nullable(), deletedAt: Time.nullable() });

export const ExportThreadSchema = z.object({
  id: Id,
  anchor: ThreadAnchorSchema,
  orphaned: z.boolean(),
  createdBy: Id.nullable(),
  createdAt: Time,
  resolvedAt: Time.nullable(),
  resolvedBy: Id.nullable(),
  comments: z.array(ExportCommentSchema),
});

export const WorkspaceExportSchema = z.object({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  generator: z.string(),
  exportedAt: Time,
  workspace: z.object({ id: Id, name: z.string(), description: z.string(), createdAt: Time }),
  members: z.array(ExportMemberSchema),
  documents: z.array(ExportDocumentSchema),
  actors: z.array(ExportActorSchema),
  attributions: z.array(ExportAttributionSchema),
  codebook: z.object({ tags: z.array(ExportTagSchema) }),
  annotations: z.array(ExportAnnotationSchema),
  maps: z.array(ExportMapSchema),
  threads: z.array(ExportThreadSchema),
  notebook: z.object({ markdown: z.string() }),
});
export type WorkspaceExport = z.infer<typeof WorkspaceExportSchema>;
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;
export type ExportTag = z.infer<typeof ExportTagSchema>;
export type ExportAnnotation = z.infer<typeof ExportAnnotationSchema>;
export type ExportMap = z.infer<typeof ExportMapSchema>;
export type ExportThread = z.infer<typeof ExportThreadSchema>;

/** The published JSON Schema of the format (draft 2020-12). */
export function workspaceExportJsonSchema(): Record<string, unknown> {
  return { $id: `https://marginalia.dev/schemas/workspace-export-v${EXPORT_FORMAT_VERSION}.json`, title: 'Marginalia workspace export', ...z.toJSONSchema(WorkspaceExportSchema) };
}
