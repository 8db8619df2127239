/**
 * Workspace roles and the one policy table that says which role each action needs.
 * The API enforces it (REST guard and, later, socket events); the web client reads the
 * same table only to hide controls a member cannot use.
 */
export const WORKSPACE_ROLES = ['owner', 'admin', 'editor', 'commenter', 'viewer'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** Higher rank = more rights. */
const ROLE_RANK: Record<WorkspaceRole, number> = {
  owner: 5,
  admin: 4,
  editor: 3,
  commenter: 2,
  viewer: 1,
};

export function roleRank(role: WorkspaceRole): number {
  return ROLE_RANK[role];
}

export function hasAtLeastRole(actual: WorkspaceRole, required: WorkspaceRole): boolean {
  return ROLE_RANK[actual] >= ROLE_RANK[required];
}

export const WORKSPACE_POLICY = {
  'workspace.read': 'viewer',
  'workspace.update': 'admin',
  'workspace.archive': 'owner',
  'workspace.delete': 'owner',
  'workspace.transferOwnership': 'owner',
  'members.read': 'viewer',
  'members.manage': 'admin',
  'invites.read': 'admin',
  'invites.manage': 'admin',
  'audit.read': 'admin',
  'codebook.manage': 'admin',
  'content.read': 'viewer',
  'content.edit': 'editor',
  /** Start threads, comment, edit and delete one's own comments, resolve and reopen threads. */
  'comments.create': 'commenter',
  /** Delete anyone's comment. */
  'comments.manage': 'admin',
  /** Annotate, and change or delete one's own annotations (editors may add tags if the workspace allows). */
  'annotations.create': 'editor',
  /** Change or delete anyone's annotations. */
  'annotations.manage': 'admin',
  /** Create argument maps, edit any map's content, rename, duplicate, archive; delete one's own. */
  'maps.edit': 'editor',
  /** Delete anyone's map. */
  'maps.manage': 'admin',
  /** Download the workspace in an export format (an archived workspace can still be exported). */
  'workspace.export': 'editor',
} as const satisfies Record<string, WorkspaceRole>;

export type WorkspaceAction = keyof typeof WORKSPACE_POLICY;

export function canPerform(role: WorkspaceRole, action: WorkspaceAction): boolean {
  return hasAtLeastRole(role, WORKSPACE_POLICY[action]);
}

/** What an archived workspace no longer allows: it stays readable until it is unarchived. */
export const ACTIONS_BLOCKED_WHEN_ARCHIVED: ReadonlySet<WorkspaceAction> = new Set<WorkspaceAction>([
  'workspace.update',
  'invites.manage',
  'codebook.manage',
  'content.edit',
  'comments.create',
  'comments.manage',
  'annotations.create',
  'annotations.manage',
  'maps.edit',
  'maps.manage',
]);
