/**
 * NUL (and other control characters where they make no sense) in text people type: every
 * field and filter that used to answer 500 (Postgres refuses NUL in text) now answers 400
 * naming the field, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiResponse, TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createWorkspace, expectApiError, insertDocument, registerCast, type Cast } from './fixtures.js';

const ONE_LINE = 'must not contain NUL, line breaks or other control characters';
const MULTILINE = 'must not contain NUL or control characters other than tabs and line breaks';

describe('control characters in text fields and filters', () => {
  let app: TestApp;
  let cast: Cast;
  let owner: TestUser;
  let workspaceId: string;
  let documentId: string;
  let actorId: string;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'nul-');
    owner = cast.owner;
    workspaceId = await createWorkspace(owner, 'Controls');
    documentId = await insertDocument(app.dataSource, workspaceId, 'A document');
    actorId = (await owner.client.post(`/workspaces/${workspaceId}/actors`, { name: 'Li Wei' })).body.id;
  });
  afterAll(async () => {
    await app.close();
  });

  async function state(): Promise<unknown> {
    return await Promise.all([
      app.dataSource.query('SELECT id, display_name FROM users ORDER BY id'),
      app.dataSource.query('SELECT id, name, description FROM workspaces ORDER BY id'),
      app.dataSource.query('SELECT id, name, affiliation, description FROM actors ORDER BY id'),
      app.dataSource.query('SELECT id, title, source, author, fields FROM documents ORDER BY id'),
      app.dataSource.query('SELECT id, name FROM personal_tokens ORDER BY id'),
    ]);
  }

  const CASES: { label: string; send: () => Promise<ApiResponse>; issue: string; message: string }[] = [
    { label: 'display name', send: () => owner.client.patch('/auth/me', { displayName: 'Mallory\u0000' }), issue: 'displayName', message: ONE_LINE },
    { label: 'display name with a line break', send: () => owner.client.patch('/auth/me', { displayName: 'Security notice:\nyour session expired' }), issue: 'displayName', message: ONE_LINE },
    { label: 'new workspace name', send: () => owner.client.post('/workspaces', { name: 'W\u0000' }), issue: 'name', message: ONE_LINE },
    { label: 'workspace name', send: () => owner.client.patch(`/workspaces/${workspaceId}`, { name: 'W\u0000' }), issue: 'name', message: ONE_LINE },
    { label: 'workspace description', send: () => owner.client.patch(`/workspaces/${workspaceId}`, { description: 'line one\n\u0000' }), issue: 'description', message: MULTILINE },
    { label: 'actor name', send: () => owner.client.post(`/workspaces/${workspaceId}/actors`, { name: 'Li\u0000Wei' }), issue: 'name', message: ONE_LINE },
    { label: 'actor rename', send: () => owner.client.patch(`/workspaces/${workspaceId}/actors/${actorId}`, { name: 'Li\u0007Wei' }), issue: 'name', message: ONE_LINE },
    { label: 'document title', send: () => owner.client.patch(`/workspaces/${workspaceId}/documents/${documentId}`, { title: 'T\u0000' }), issue: 'title', message: ONE_LINE },
    { label: 'document source', send: () => owner.client.patch(`/workspaces/${workspaceId}/documents/${documentId}`, { source: 'S\u0000' }), issue: 'source', message: ONE_LINE },
    { label: 'document field key', send: () => owner.client.patch(`/workspaces/${workspaceId}/documents/${documentId}`, { fields: { 'k\u0000': 'v' } }), issue: 'fields.k\u0000', message: `key ${ONE_LINE}` },
    { label: 'document field value', send: () => owner.client.patch(`/workspaces/${workspaceId}/documents/${documentId}`, { fields: { k: 'v\u0000' } }), issue: 'fields.k', message: MULTILINE },
    { label: 'token name', send: () => owner.client.post('/auth/tokens', { name: 'script\u0000' }), issue: 'name', message: ONE_LINE },
    { label: 'search source filter', send: () => owner.client.get(`/workspaces/${workspaceId}/search?q=spies&source=%00`), issue: 'source', message: ONE_LINE },
    { label: 'search author filter', send: () => owner.client.get(`/workspaces/${workspaceId}/search?q=spies&author=a%00`), issue: 'author', message: ONE_LINE },
    { label: 'search words', send: () => owner.client.get(`/workspaces/${workspaceId}/search?q=spies%00`), issue: 'q', message: ONE_LINE },
    { label: 'documents source filter', send: () => owner.client.get(`/workspaces/${workspaceId}/documents?source=%00`), issue: 'source', message: ONE_LINE },
    { label: 'documents author filter', send: () => owner.client.get(`/workspaces/${workspaceId}/documents?author=%00`), issue: 'author', message: ONE_LINE },
  ];

  it.each(CASES)('refuses a control character in the $label with 400, changing nothing', async ({ send, issue, message }) => {
    const before = await state();
    const response = await send();
    expectApiError(response, 400);
    expect(response.body.issues).toContainEqual({ path: issue, message: expect.stringContaining(message) });
    expect(await state()).toEqual(before);
  });

  it('keeps tabs and line breaks where text runs over lines', async () => {
    expect((await owner.client.patch(`/workspaces/${workspaceId}`, { description: 'First line\n\tSecond line' })).status).toBe(200);
    expect((await owner.client.patch(`/workspaces/${workspaceId}/documents/${documentId}`, { fields: { note: 'a\nb' } })).status).toBe(200);
  });
});
