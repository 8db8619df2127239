/**
 * Typed events the server sends to a workspace's subscribers after a change to relational
 * data has committed. They say what changed, not the new data: a client refetches what it
 * shows (the web client invalidates the matching queries), so an event can never disagree
 * with what the REST API returns.
 */
export const WORKSPACE_EVENT_TYPES = [
  'workspace.updated',
  'workspace.deleted',
  'members.changed',
  'documents.changed',
  'imports.changed',
  'actors.changed',
  'attributions.changed',
  /** Tags or coding settings (a reveal changes which annotations each member gets). */
  'codebook.changed',
  'annotations.changed',
  /** Maps listed, renamed, archived, deleted, or their projected facts (counts, citations). */
  'maps.changed',
  /** Threads or comments created, edited, deleted, resolved, reopened (ids: thread ids). */
  'discussion.changed',
  /** Background exports queued, progressing, finished or deleted (ids: export job ids). */
  'exports.changed',
  /** Notifications for some members changed (ids: their user ids); each refetches their own. */
  'notifications.changed',
] as const;
export type WorkspaceEventType = (typeof WORKSPACE_EVENT_TYPES)[number];

export interface WorkspaceEvent {
  type: WorkspaceEventType;
  workspaceId: string;
  /** Ids of the changed records when the change has them (document ids, import job id...). */
  ids: string[];
  /** Who made the change; null for background work such as an import job finishing. */
  byUserId: string | null;
  /** ISO timestamp of the commit, as seen by the server. */
  at: string;
}
