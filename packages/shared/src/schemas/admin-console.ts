/**
 * The instance admin console: users (filters, roles, removal), the workspaces overview, the
 * instance audit log query, and health and usage. The API validates with these schemas and the
 * web client infers its types from them.
 */
import { z } from 'zod';
import { WORKSPACE_ROLES } from '../roles.js';
import { IsoDateSchema, UuidSchema } from './common.js';
import { InstanceAuditActionSchema, InstanceAuditEntrySchema } from './instance-audit.js';

/** ?q=text&filter=admins|disabled|active */
export const AdminUserFilterSchema = z.enum(['all', 'admins', 'disabled', 'active']);
export type AdminUserFilter = z.infer<typeof AdminUserFilterSchema>;
export const AdminUserQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  filter: AdminUserFilterSchema.default('all'),
});
export type AdminUserQuery = z.infer<typeof AdminUserQuerySchema>;

export const UpdateUserRoleBodySchema = z.strictObject({ isInstanceAdmin: z.boolean() });
export type UpdateUserRoleBody = z.input<typeof UpdateUserRoleBodySchema>;

/** One workspace a user belongs to, and whether they are its only active owner. */
export const AdminUserMembershipSchema = z.object({
  workspaceId: UuidSchema,
  workspaceName: z.string(),
  role: z.enum(WORKSPACE_ROLES),
  archived: z.boolean(),
  /** They own it and no other active (not disabled) owner does: removing them needs a decision. */
  soleOwner: z.boolean(),
  memberCount: z.number().int(),
});
export type AdminUserMembership = z.infer<typeof AdminUserMembershipSchema>;
export const AdminUserMembershipsSchema = z.object({ memberships: z.array(AdminUserMembershipSchema) });
export type AdminUserMemberships = z.infer<typeof AdminUserMembershipsSchema>;

/**
 * Removing an account: for each workspace the user solely owns, what happens to it. Every such
 * workspace must be named. Their annotations, comments and documents stay (attributed to a
 * removed user).
 */
export const SoleOwnedDecisionSchema = z.discriminatedUnion('action', [
  z.strictObject({ workspaceId: UuidSchema, action: z.literal('transfer'), toUserId: UuidSchema }),
  z.strictObject({ workspaceId: UuidSchema, action: z.literal('delete') }),
]);
export type SoleOwnedDecision = z.infer<typeof SoleOwnedDecisionSchema>;
export const RemoveUserBodySchema = z.strictObject({
  /** The account's email, typed again to confirm. */
  confirmEmail: z.string().max(320),
  workspaces: z.array(SoleOwnedDecisionSchema).max(1000).default([]),
});
export type RemoveUserBody = z.input<typeof RemoveUserBodySchema>;

export const ADMIN_WORKSPACE_STATES = ['active', 'archived', 'orphaned'] as const;
export const AdminWorkspaceStateSchema = z.enum(ADMIN_WORKSPACE_STATES);
export type AdminWorkspaceState = z.infer<typeof AdminWorkspaceStateSchema>;

export const AdminWorkspaceSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  /** Every owner, disabled ones included (flagged). */
  owners: z.array(z.object({ id: UuidSchema, displayName: z.string(), email: z.string(), disabled: z.boolean() })),
  memberCount: z.number().int(),
  documentCount: z.number().int(),
  annotationCount: z.number().int(),
  /** Document text, pending uploads and collaborative documents, in bytes. */
  storageBytes: z.number().int(),
  lastActivityAt: IsoDateSchema,
  /** orphaned: no active (not disabled) owner; archived wins over orphaned. */
  state: AdminWorkspaceStateSchema,
  archivedAt: IsoDateSchema.nullable(),
  createdAt: IsoDateSchema,
  /** Whether the admin asking is a member (then "open" works), and with which role. */
  myRole: z.enum(WORKSPACE_ROLES).nullable(),
});
export type AdminWorkspace = z.infer<typeof AdminWorkspaceSchema>;
export const AdminWorkspaceListSchema = z.object({ workspaces: z.array(AdminWorkspaceSchema) });
export type AdminWorkspaceList = z.infer<typeof AdminWorkspaceListSchema>;

export const AdminWorkspaceSortSchema = z.enum(['name', 'lastActivity', 'storage', 'members', 'documents', 'created']);
export type AdminWorkspaceSort = z.infer<typeof AdminWorkspaceSortSchema>;
export const AdminWorkspaceQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  state: z.enum(['all', ...ADMIN_WORKSPACE_STATES]).default('all'),
  sort: AdminWorkspaceSortSchema.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type AdminWorkspaceQuery = z.infer<typeof AdminWorkspaceQuerySchema>;

/** Typing the workspace's name confirms, as for an owner deleting it in the workspace settings. */
export const AdminDeleteWorkspaceBodySchema = z.strictObject({ confirmName: z.string().max(500) });
export type AdminDeleteWorkspaceBody = z.input<typeof AdminDeleteWorkspaceBodySchema>;
export const AdminTransferWorkspaceBodySchema = z.strictObject({ userId: UuidSchema });
export type AdminTransferWorkspaceBody = z.input<typeof AdminTransferWorkspaceBodySchema>;

export const ADMIN_AUDIT_PAGE_SIZE = 50;
export const AdminAuditQuerySchema = z.object({
  /** Actor's or subject's email / name, or an id. */
  person: z.string().trim().max(320).optional(),
  action: InstanceAuditActionSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(ADMIN_AUDIT_PAGE_SIZE),
});
export type AdminAuditQuery = z.infer<typeof AdminAuditQuerySchema>;
export const AdminAuditPageSchema = z.object({ entries: z.array(InstanceAuditEntrySchema), nextCursor: z.string().nullable() });
export type AdminAuditPage = z.infer<typeof AdminAuditPageSchema>;

export const AdminHealthSchema = z.object({
  databaseBytes: z.number().int(),
  users: z.object({ total: z.number().int(), disabled: z.number().int(), admins: z.number().int() }),
  workspaces: z.object({ total: z.number().int(), archived: z.number().int(), orphaned: z.number().int() }),
  /** Daily active users for the last 30 days, oldest first (distinct people seen or signing in that day, UTC). */
  dailyActiveUsers: z.array(z.object({ day: z.string(), users: z.number().int() })),
  /** import_jobs by status. */
  importQueue: z.record(z.string(), z.number().int()),
  /** export jobs by status, when exports run as queued jobs (empty otherwise). */
  exportQueue: z.record(z.string(), z.number().int()),
  collab: z.object({
    /** 'node': these counts are this API process's only (no cross-node registry exists). */
    scope: z.enum(['node', 'cluster']),
    connections: z.number().int(),
    documentsInMemory: z.number().int(),
  }),
  storageByWorkspace: z.array(z.object({ id: UuidSchema, name: z.string(), storageBytes: z.number().int() })),
});
export type AdminHealth = z.infer<typeof AdminHealthSchema>;
