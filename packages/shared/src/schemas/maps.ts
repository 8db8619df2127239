/** Argument maps as REST sees them: the list of maps (each one Yjs document) and where passages are cited. */
import { z } from 'zod';
import { MAP_LIMITS, MAP_NODE_KINDS } from '../maps/map-vocabulary.js';
import { IsoDateSchema, lineText, UuidSchema } from './common.js';

const MapTitleSchema = lineText().min(1, 'must not be empty').max(MAP_LIMITS.titleChars);

export const ArgumentMapSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  /** The Yjs document to join on the /collab socket. */
  docName: z.string(),
  createdBy: UuidSchema.nullable(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  archived: z.boolean(),
  /** Projected from the document after each committed change. */
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
});
export type ArgumentMap = z.infer<typeof ArgumentMapSchema>;

export const ArgumentMapListSchema = z.object({ maps: z.array(ArgumentMapSchema) });
export type ArgumentMapList = z.infer<typeof ArgumentMapListSchema>;

export const ArgumentMapListQuerySchema = z.object({
  archived: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});

export const CreateArgumentMapBodySchema = z.strictObject({ title: MapTitleSchema });
export type CreateArgumentMapBody = z.input<typeof CreateArgumentMapBodySchema>;

export const UpdateArgumentMapBodySchema = z
  .strictObject({ title: MapTitleSchema.optional(), archived: z.boolean().optional() })
  .refine((body) => body.title !== undefined || body.archived !== undefined, { message: 'give a title or archived' });
export type UpdateArgumentMapBody = z.input<typeof UpdateArgumentMapBodySchema>;

export const DuplicateArgumentMapBodySchema = z.strictObject({ title: MapTitleSchema.optional() });
export type DuplicateArgumentMapBody = z.input<typeof DuplicateArgumentMapBodySchema>;

/** One map node citing a span of a document (projected from the maps' evidence links). */
export const MapCitationSchema = z.object({
  mapId: UuidSchema,
  mapTitle: z.string(),
  nodeId: z.string(),
  nodeKind: z.enum(MAP_NODE_KINDS),
  nodeText: z.string(),
  linkId: z.string(),
  documentId: UuidSchema,
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  annotationId: UuidSchema.nullable(),
});
export type MapCitation = z.infer<typeof MapCitationSchema>;

export const MapCitationListSchema = z.object({ citations: z.array(MapCitationSchema) });
export type MapCitationList = z.infer<typeof MapCitationListSchema>;

export const MapCitationQuerySchema = z.object({
  documentId: UuidSchema.optional(),
  mapId: UuidSchema.optional(),
});
