import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';

export const AdminUserSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  displayName: z.string(),
  isInstanceAdmin: z.boolean(),
  disabledAt: IsoDateSchema.nullable(),
  createdAt: IsoDateSchema,
  /** Latest use of any of their sessions; null: no session now. */
  lastSeenAt: IsoDateSchema.nullable(),
  workspaceCount: z.number().int(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const AdminUserListSchema = z.object({ users: z.array(AdminUserSchema) });
export type AdminUserList = z.infer<typeof AdminUserListSchema>;

export const UpdateUserStatusBodySchema = z.strictObject({
  disabled: z.boolean(),
});
export type UpdateUserStatusBody = z.input<typeof UpdateUserStatusBodySchema>;
