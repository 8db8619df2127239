import { z } from 'zod';
import { WORKSPACE_ROLES } from '../roles.js';
import { IsoDateSchema, UuidSchema, lineText, multilineText } from './common.js';

export const WorkspaceRoleSchema = z.enum(WORKSPACE_ROLES);

export const WORKSPACE_NAME_MAX = 120;
export const WORKSPACE_DESCRIPTION_MAX = 2000;

export const CreateWorkspaceBodySchema = z.strictObject({
  name: lineText().min(1, 'must not be empty').max(WORKSPACE_NAME_MAX),
  description: multilineText().trim().max(WORKSPACE_DESCRIPTION_MAX).optional(),
});
export type CreateWorkspaceBody = z.input<typeof CreateWorkspaceBodySchema>;

export const UpdateWorkspaceBodySchema = z
  .strictObject({
    name: lineText().min(1, 'must not be empty').max(WORKSPACE_NAME_MAX).optional(),
    description: multilineText().trim().max(WORKSPACE_DESCRIPTION_MAX).optional(),
  })
  .refine((body) => body.name !== undefined || body.description !== undefined, {
    message: 'give at least one of name, description',
  });
export type UpdateWorkspaceBody = z.input<typeof UpdateWorkspaceBodySchema>;

export const TransferOwnershipBodySchema = z.strictObject({
  userId: UuidSchema,
});
export type TransferOwnershipBody = z.input<typeof TransferOwnershipBodySchema>;

export const WorkspaceSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  description: z.string(),
  archivedAt: IsoDateSchema.nullable(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  /** The caller's role in this workspace. */
  myRole: WorkspaceRoleSchema,
  memberCount: z.number().int(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspaceListSchema = z.object({ workspaces: z.array(WorkspaceSchema) });
export type WorkspaceList = z.infer<typeof WorkspaceListSchema>;
