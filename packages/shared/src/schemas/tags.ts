/** The codebook: hierarchical tags, and the workspace's coding settings. */
import { z } from 'zod';
import { TAG_COLOR_NAMES } from '../codebook/palette.js';
import { IsoDateSchema, UuidSchema } from './common.js';

export const TAG_LIMITS = {
  name: 120,
  text: 4000,
  examples: 20,
  example: 1000,
  /** Tags per workspace. */
  tags: 2000,
} as const;

export const TagColorSchema = z.enum(TAG_COLOR_NAMES as [string, ...string[]]);

const text = z.string().trim().max(TAG_LIMITS.text);

export const TagSchema = z.object({
  id: UuidSchema,
  parentId: UuidSchema.nullable(),
  /** Order among its siblings, from 0. */
  position: z.number().int(),
  name: z.string(),
  color: TagColorSchema,
  definition: z.string(),
  inclusion: z.string(),
  exclusion: z.string(),
  examples: z.array(z.string()),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type Tag = z.infer<typeof TagSchema>;
/** Every tag of the workspace, parents before children, siblings in order. */
export const TagListSchema = z.object({ tags: z.array(TagSchema) });
export type TagList = z.infer<typeof TagListSchema>;

const tagFields = {
  name: z.string().trim().min(1, 'must not be empty').max(TAG_LIMITS.name),
  color: TagColorSchema,
  definition: text,
  inclusion: text,
  exclusion: text,
  examples: z.array(z.string().trim().min(1).max(TAG_LIMITS.example)).max(TAG_LIMITS.examples),
};

export const CreateTagBodySchema = z.strictObject({
  ...tagFields,
  color: tagFields.color.optional(),
  definition: text.optional(),
  inclusion: text.optional(),
  exclusion: text.optional(),
  examples: tagFields.examples.optional(),
  parentId: UuidSchema.nullable().optional(),
});
export type CreateTagBody = z.input<typeof CreateTagBodySchema>;

export const UpdateTagBodySchema = z
  .strictObject({
    name: tagFields.name.optional(),
    color: tagFields.color.optional(),
    definition: text.optional(),
    inclusion: text.optional(),
    exclusion: text.optional(),
    examples: tagFields.examples.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });
export type UpdateTagBody = z.input<typeof UpdateTagBodySchema>;

/** Reparent and/or reorder: `position` among the new siblings (default: last). */
export const MoveTagBodySchema = z.strictObject({
  parentId: UuidSchema.nullable(),
  position: z.number().int().min(0).optional(),
});
export type MoveTagBody = z.input<typeof MoveTagBodySchema>;

/** Merges the route's tag into `intoTagId`: its annotations and sub-tags follow, it is deleted. */
export const MergeTagBodySchema = z.strictObject({ intoTagId: UuidSchema });
export type MergeTagBody = z.input<typeof MergeTagBodySchema>;

/** Deleting a tag: its annotations are deleted, or moved to another tag. Sub-tags move up a level. */
export const DeleteTagQuerySchema = z
  .strictObject({
    annotations: z.enum(['delete', 'move']),
    moveTo: UuidSchema.optional(),
  })
  .refine((query) => (query.annotations === 'move') === (query.moveTo !== undefined), { message: 'moveTo is needed with annotations=move, and only then', path: ['moveTo'] });
export type DeleteTagQuery = z.input<typeof DeleteTagQuerySchema>;

export const CodingSettingsSchema = z.object({
  /** Editors may add tags while coding (admins always may). */
  editorsCreateTags: z.boolean(),
  /** Each analyst gets only their own annotations until an admin reveals them. */
  blindCoding: z.boolean(),
  /** When an admin revealed the annotations of a blind round; null while hidden (or not blind). */
  revealedAt: IsoDateSchema.nullable(),
  /** Whether the caller currently gets only their own annotations. */
  othersHidden: z.boolean(),
});
export type CodingSettings = z.infer<typeof CodingSettingsSchema>;

export const UpdateCodingSettingsBodySchema = z
  .strictObject({
    editorsCreateTags: z.boolean().optional(),
    /** Turning it on (again) starts a new blind round: annotations are hidden until revealed. */
    blindCoding: z.boolean().optional(),
    /** true reveals everyone's annotations of the blind round. */
    revealed: z.literal(true).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one setting to change' });
export type UpdateCodingSettingsBody = z.input<typeof UpdateCodingSettingsBodySchema>;
