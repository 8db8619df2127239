/** Audit actions in words, and their details as short "key: value" facts a person can read. */
import type { AuditAction, AuditEntry } from '@marginalia/shared';

const ACTION_LABELS: Record<AuditAction, string> = {
  'workspace.created': 'Created the workspace',
  'workspace.updated': 'Updated workspace details',
  'workspace.archived': 'Archived the workspace',
  'workspace.unarchived': 'Unarchived the workspace',
  'workspace.ownershipTransferred': 'Transferred ownership',
  'member.added': 'Added a member',
  'member.roleChanged': 'Changed a role',
  'member.removed': 'Removed a member',
  'member.left': 'Left the workspace',
  'invite.created': 'Created an invite',
  'invite.revoked': 'Revoked an invite',
  'invite.declined': 'Declined an invite',
  'invite.accepted': 'Accepted an invite',
  'invite.resent': 'Sent an invite again',
  'tag.created': 'Created a tag',
  'tag.updated': 'Updated a tag',
  'tag.moved': 'Moved a tag',
  'tag.merged': 'Merged two tags',
  'tag.deleted': 'Deleted a tag',
  'coding.settingsChanged': 'Changed the coding settings',
  'import.finished': 'Imported documents',
  'document.updated': 'Edited a document',
  'document.deleted': 'Deleted a document',
  'attribution.created': 'Attributed text to an actor',
  'attribution.deleted': 'Removed an attribution',
  'map.created': 'Created an argument map',
  'map.renamed': 'Renamed an argument map',
  'map.archived': 'Archived an argument map',
  'map.unarchived': 'Unarchived an argument map',
  'map.duplicated': 'Duplicated an argument map',
  'map.deleted': 'Deleted an argument map',
  'thread.created': 'Started a discussion thread',
  'thread.resolved': 'Resolved a thread',
  'thread.reopened': 'Reopened a thread',
  'comment.created': 'Commented',
  'comment.edited': 'Edited a comment',
  'comment.deleted': 'Deleted a comment',
  'export.requested': 'Started a background export',
};

/** Keys whose ids name people; other ids (invites, documents, jobs) are not members. */
const PERSON_KEYS = new Set(['userId', 'from', 'to', 'newOwnerId']);
/** Facts in the order a person reads them (jsonb keeps keys shortest first: "to" before "from"). */
const KEY_ORDER = ['userId', 'email', 'role', 'from', 'to', 'title', 'actor', 'document'];

export function describeAction(action: AuditAction): string {
  return ACTION_LABELS[action];
}

/** Display names by user id, for turning ids in details into names. */
export type PeopleById = ReadonlyMap<string, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "previousRoleOfNewOwner" -> "previous role of new owner"; "userId" -> "user". */
function describeKey(key: string): string {
  return key
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function describeValue(key: string, value: unknown, people: PeopleById): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (!UUID.test(value)) return value;
    if (!PERSON_KEYS.has(key)) return value.slice(0, 8);
    // Former members are no longer listed; a short id still tells entries apart.
    return people.get(value) ?? `former member ${value.slice(0, 8)}`;
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function describeDetails(details: AuditEntry['details'], people: PeopleById): string[] {
  // Membership entries carry the person's name and email at the time, so former members stay readable.
  const { displayName, email, ...rest } = details;
  const knownPeople = new Map(people);
  if (typeof rest.userId === 'string' && typeof displayName === 'string' && !knownPeople.has(rest.userId)) {
    knownPeople.set(rest.userId, typeof email === 'string' ? `${displayName} <${email}>` : displayName);
  } else if (typeof email === 'string') {
    rest.email = email;
  }
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
  return Object.entries(rest)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, value]) => `${describeKey(key)}: ${describeValue(key, value, knownPeople)}`);
}
