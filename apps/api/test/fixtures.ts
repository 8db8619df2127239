/**
 * Factories and assertions shared by the integration tests: a cast of users (one per role plus
 * an outsider), workspaces with that cast as members, documents inserted directly (there is no
 * import route yet), and a snapshot of a workspace's rows to prove a refused request changed
 * nothing.
 */
import { createHash } from 'node:crypto';
import { insertDocument as writeDocument, prepareDocument } from '../src/modules/documents/document-writer.js';
import { expect } from '@jest/globals';
import { ApiErrorSchema, type WorkspaceRole } from '@marginalia/shared';
import type { DataSource } from 'typeorm';
import { registerUser, uniqueEmail, type ApiResponse, type TestUser } from './api-client.js';

export const MEMBER_ROLES = ['owner', 'admin', 'editor', 'commenter', 'viewer'] as const satisfies readonly WorkspaceRole[];
export type Caller = WorkspaceRole | 'outsider';
export const CALLERS: readonly Caller[] = [...MEMBER_ROLES, 'outsider'];

/** One registered user per role, plus one who is never a member. */
export type Cast = Record<Caller, TestUser>;

export async function registerCast(baseUrl: string, label = ''): Promise<Cast> {
  const users = await Promise.all(CALLERS.map((caller) => registerUser(baseUrl, `${label}${caller}`)));
  return Object.fromEntries(CALLERS.map((caller, index) => [caller, users[index]])) as Cast;
}

export async function createWorkspace(owner: TestUser, name = 'Field notes'): Promise<string> {
  const response = await owner.client.post('/workspaces', { name });
  if (response.status !== 201) throw new Error(`create workspace failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** POST /members: invites an email (an account or not: the answer is the same invite). */
export async function inviteByEmail(by: TestUser, workspaceId: string, email: string, role: WorkspaceRole): Promise<ApiResponse> {
  const response = await by.client.post(`/workspaces/${workspaceId}/members`, { email, role });
  if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

/** Makes an account a member, as people do: invited by email, then accepting. */
export async function addMember(by: TestUser, workspaceId: string, member: TestUser, role: WorkspaceRole): Promise<ApiResponse> {
  const response = await inviteByEmail(by, workspaceId, member.email, role);
  const accepted = await member.client.post(`/invites/${response.body.inviteToken as string}/accept`);
  if (accepted.status !== 200) throw new Error(`accepting the invite failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return response;
}

/** A workspace owned by cast.owner with the admin, editor, commenter and viewer as members. */
export async function createCastWorkspace(cast: Cast, name = 'Interviews'): Promise<string> {
  const workspaceId = await createWorkspace(cast.owner, name);
  await Promise.all((['admin', 'editor', 'commenter', 'viewer'] as const).map((role) => addMember(cast.owner, workspaceId, cast[role], role)));
  return workspaceId;
}

/** Creates a pending invite for a fresh email; returns its id and link token. */
export async function createInvite(by: TestUser, workspaceId: string, role: WorkspaceRole = 'viewer', email = uniqueEmail('invitee')): Promise<{ id: string; token: string; email: string; url: string }> {
  const response = await inviteByEmail(by, workspaceId, email, role);
  if (response.body.kind !== 'invite') throw new Error(`expected an invite, got ${JSON.stringify(response.body)}`);
  return { id: response.body.invite.id, token: response.body.inviteToken, email, url: response.body.inviteUrl };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Stores a document the way imports do (normalised, segmented into passages). */
export async function insertDocument(dataSource: DataSource, workspaceId: string, title: string, text = `The text of ${title}.`): Promise<string> {
  const prepared = prepareDocument({ workspaceId, text, title, titleProposed: false, sourceFilename: `${title}.txt`, importedById: null });
  const saved = await dataSource.transaction((manager) => writeDocument(manager, prepared));
  return saved.id;
}

export async function roleIn(dataSource: DataSource, workspaceId: string, userId: string): Promise<WorkspaceRole | null> {
  const rows = (await dataSource.query('SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId])) as { role: WorkspaceRole }[];
  return rows[0]?.role ?? null;
}

export async function auditCount(dataSource: DataSource, workspaceId: string): Promise<number> {
  const rows = (await dataSource.query('SELECT count(*)::int AS n FROM audit_entries WHERE workspace_id = $1', [workspaceId])) as { n: number }[];
  return rows[0]?.n ?? 0;
}

/**
 * Everything a workspace route could change, read straight from the database: compare before
 * and after a request to prove it had an effect, or none.
 */
export async function workspaceSnapshot(dataSource: DataSource, workspaceId: string): Promise<unknown> {
  const [workspace, memberships, invites, documents, audit, actors, candidates, attributions, imports, tags, annotations, codingSettings, maps, threads, comments, threadReads, exportJobs] = await Promise.all([
    dataSource.query('SELECT name, description, archived_at FROM workspaces WHERE id = $1', [workspaceId]),
    dataSource.query('SELECT user_id, role FROM memberships WHERE workspace_id = $1 ORDER BY user_id', [workspaceId]),
    dataSource.query('SELECT id, email, role, accepted_at, revoked_at FROM invites WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT id, title, source, author, published_on, url, language, fields FROM documents WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT id FROM audit_entries WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT id, name, affiliation, description FROM actors WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT id, name, status, actor_id FROM actor_candidates WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT id, actor_id, document_id, start, "end" FROM attributions WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT id FROM import_jobs WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT id, parent_id, position, name, color, definition, examples FROM tags WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query(
      `SELECT a.id, a.document_id, a.analyst_id, a.start, a."end", a.memo, a.kind, ARRAY(SELECT tag_id::text FROM annotation_tags t WHERE t.annotation_id = a.id ORDER BY 1) AS tag_ids
         FROM annotations a WHERE a.workspace_id = $1 ORDER BY a.id`,
      [workspaceId],
    ),
    dataSource.query('SELECT editors_create_tags, blind_coding, revealed_at FROM coding_settings WHERE workspace_id = $1', [workspaceId]),
    dataSource.query('SELECT id, title, archived_at FROM argument_maps WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT id, anchor_kind, label, resolved_at FROM threads WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT id, body, edited_at, deleted_at FROM comments WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
    dataSource.query('SELECT r.thread_id, r.user_id, r.read_at FROM thread_reads r JOIN threads t ON t.id = r.thread_id WHERE t.workspace_id = $1 ORDER BY 1, 2', [workspaceId]),
    dataSource.query('SELECT id, created_by, format FROM export_jobs WHERE workspace_id = $1 ORDER BY id', [workspaceId]),
  ]);
  return { workspace, memberships, invites, documents, audit, actors, candidates, attributions, imports, tags, annotations, codingSettings, maps, threads, comments, threadReads, exportJobs };
}

/** Every error body has exactly { statusCode, error, message } (plus `issues` for validation). */
export function expectApiError(response: ApiResponse, status: number, message?: string | RegExp): void {
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { statusCode: status } });
  expect(ApiErrorSchema.safeParse(response.body).success).toBe(true);
  expect(Object.keys(response.body as object).filter((key) => !['statusCode', 'error', 'message', 'issues'].includes(key))).toEqual([]);
  if (typeof message === 'string') expect(response.body.message).toBe(message);
  else if (message) expect(response.body.message).toMatch(message);
}
