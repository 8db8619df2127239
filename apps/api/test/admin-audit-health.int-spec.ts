/**
 * Instance audit log (sign-ins, failures, sign-outs, password changes, registrations; filters,
 * cursor paging, a CSV export that is safe to open in a spreadsheet), health figures and the
 * Prometheus endpoint (parsed), and the settings the server obeys: who may create workspaces
 * and the upload limit.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, TEST_PASSWORD, registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createWorkspace, expectApiError, insertDocument } from './fixtures.js';
import { uploadFiles } from './fixtures/imports/import-client.js';
import { AdminSetupService } from '../src/modules/auth/admin-setup.service.js';

/** A small parser of the Prometheus text format: families with HELP and TYPE, samples with labels. */
function parsePrometheus(text: string): Map<string, { help?: string; type?: string; samples: { labels: Record<string, string>; value: number }[] }> {
  const families = new Map<string, { help?: string; type?: string; samples: { labels: Record<string, string>; value: number }[] }>();
  const family = (name: string) => {
    if (!families.has(name)) families.set(name, { samples: [] });
    return families.get(name)!;
  };
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      if (meta[1] === 'HELP') family(meta[2]!).help = meta[3];
      else family(meta[2]!).type = meta[3];
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.eE+]+|NaN)$/.exec(line);
    if (!sample) throw new Error(`not a Prometheus line: ${line}`);
    const labels: Record<string, string> = {};
    for (const match of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[match[1]!] = match[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    const known = families.get(sample[1]!);
    if (!known?.type || !known.help) throw new Error(`sample before its HELP and TYPE: ${line}`);
    known.samples.push({ labels, value: Number(sample[3]) });
  }
  return families;
}

/** RFC 4180 rows, quoted cells with doubled quotes and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

describe('admin console: audit log, health, metrics and obeyed settings', () => {
  let app: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await registerUser(app.baseUrl, 'chief');
    const setupToken = await app.get(AdminSetupService).issueTokenIfNeeded();
    expect((await admin.client.post('/auth/admin-setup', { token: setupToken })).status).toBe(204);
  });
  afterAll(async () => {
    await app.close();
  });

  it('records registrations, sign-ins, failures, password changes and sign-outs, filtered by person and action', async () => {
    const person = await registerUser(app.baseUrl, 'audited');
    const client = new ApiClient(app.baseUrl);
    expect((await client.post('/auth/login', { email: person.email, password: 'wrong password here' })).status).toBe(401);
    expect((await client.post('/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(200);
    expect((await client.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another horse battery' })).status).toBe(204);
    expect((await client.post('/auth/logout')).status).toBe(204);

    const page = await admin.client.get(`/admin/audit?person=${encodeURIComponent(person.email)}`);
    expect(page.status).toBe(200);
    expect(page.body.entries.map((entry: { action: string }) => entry.action)).toEqual(['auth.signedOut', 'auth.passwordChanged', 'auth.signedIn', 'auth.signInFailed', 'user.registered']);
    expect(page.body.entries[3]).toMatchObject({ actor: null, subject: { type: 'email', label: person.email }, details: { reason: 'email or password is incorrect' } });
    const byId = await admin.client.get(`/admin/audit?person=${person.id}&action=auth.signedIn`);
    expect(byId.body.entries).toHaveLength(1);
    expect(byId.body.entries[0].actor).toEqual({ id: person.id, displayName: person.displayName, email: person.email });
    const future = await admin.client.get(`/admin/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body).toEqual({ entries: [], nextCursor: null });
    expectApiError(await admin.client.get('/admin/audit?action=user.exploded'), 400);
    expectApiError(await admin.client.get('/admin/audit?cursor=bm9wZQ'), 400, 'cursor is not one this server gave out');
  });

  it('pages with a cursor without skipping or repeating entries that share a timestamp', async () => {
    await app.dataSource.query(
      `INSERT INTO instance_audit_entries (action, subject_type, subject_label, created_at) SELECT 'settings.changed', 'settings', 'paging-' || n, '2020-01-01T00:00:00Z' FROM generate_series(1, 7) n`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/admin/audit?person=paging-&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await admin.client.get(query);
      seen.push(...response.body.entries.map((entry: { subject: { label: string } }) => entry.subject.label));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('exports the filtered log as CSV with escaping and formula injection defused', async () => {
    await app.dataSource.query(`INSERT INTO instance_audit_entries (action, subject_type, subject_label, details) VALUES ('settings.changed', 'settings', $1, $2)`, [
      '=HYPERLINK("http://evil.example","click"), and more',
      JSON.stringify({ note: 'line one\nline "two"' }),
    ]);
    const response = await admin.client.get('/admin/audit.csv?action=settings.changed');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="marginalia-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(response.body as string);
    expect(rows[0]).toEqual(['time', 'action', 'actor_email', 'actor_name', 'subject_type', 'subject_id', 'subject_label', 'ip', 'details']);
    const hostile = rows.find((row) => row[6]?.includes('HYPERLINK'));
    expect(hostile?.[6]).toBe(`'=HYPERLINK("http://evil.example","click"), and more`);
    expect(JSON.parse(hostile![8]!)).toEqual({ note: 'line one\nline "two"' });
    expect(rows.slice(1).every((row) => row[1] === 'settings.changed' && row.length === 9)).toBe(true);
  });

  it('reports health: database size, accounts, workspaces, daily active users and the import queue', async () => {
    const owner = await registerUser(app.baseUrl, 'healthy');
    const workspaceId = await createWorkspace(owner, 'Measured');
    await insertDocument(app.dataSource, workspaceId, 'Weighed', 'x'.repeat(5000));
    const response = await admin.client.get('/admin/health');
    expect(response.status).toBe(200);
    expect(response.body.databaseBytes).toBeGreaterThan(1_000_000);
    expect(response.body.users.admins).toBe(1);
    expect(response.body.dailyActiveUsers).toHaveLength(30);
    expect(response.body.dailyActiveUsers.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), users: expect.any(Number) });
    expect(response.body.dailyActiveUsers.at(-1).users).toBeGreaterThanOrEqual(2);
    expect(response.body.collab).toEqual({ scope: 'node', connections: expect.any(Number), documentsInMemory: expect.any(Number) });
    expect(response.body.storageByWorkspace.find((entry: { id: string }) => entry.id === workspaceId).storageBytes).toBeGreaterThanOrEqual(5000);
  });

  it('serves Prometheus metrics with HELP and TYPE for every family, escaping label values', async () => {
    const owner = await registerUser(app.baseUrl, 'metered');
    const workspaceId = await createWorkspace(owner, 'Quote " and \\ backslash');
    const response = await admin.client.get('/admin/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const families = parsePrometheus(response.body as string);
    for (const name of ['marginalia_database_size_bytes', 'marginalia_users', 'marginalia_active_users', 'marginalia_workspaces', 'marginalia_import_jobs', 'marginalia_collab_connections', 'marginalia_collab_documents_in_memory']) {
      expect(families.get(name)).toMatchObject({ type: 'gauge', help: expect.any(String) });
    }
    expect(families.get('marginalia_database_size_bytes')!.samples[0]!.value).toBeGreaterThan(0);
    expect(families.get('marginalia_active_users')!.samples.map((sample) => sample.labels.window)).toEqual(['1d', '7d', '30d']);
    const storage = families.get('marginalia_workspace_storage_bytes')!.samples.find((sample) => sample.labels.workspace_id === workspaceId);
    expect(storage?.labels.workspace).toBe('Quote " and \\ backslash');
  });

  it('refuses workspace creation to non-admins when only admins may create workspaces', async () => {
    const member = await registerUser(app.baseUrl, 'creator');
    expect((await admin.client.patch('/admin/settings', { workspaceCreation: 'admins' })).status).toBe(200);
    expectApiError(await member.client.post('/workspaces', { name: 'Mine' }), 403, 'on this instance only instance administrators can create workspaces; ask one to create it for you');
    expect((await admin.client.post('/workspaces', { name: 'Admin made' })).status).toBe(201);
    expect((await new ApiClient(app.baseUrl).get('/instance')).body.workspaceCreation).toBe('admins');
    await admin.client.patch('/admin/settings', { workspaceCreation: 'everyone' });
    expect((await member.client.post('/workspaces', { name: 'Mine' })).status).toBe(201);
  });

  it('refuses an import file over the instance’s upload limit with 413 naming the limit', async () => {
    const owner = await registerUser(app.baseUrl, 'uploader');
    const workspaceId = await createWorkspace(owner, 'Uploads');
    expect((await admin.client.patch('/admin/settings', { maxUploadMegabytes: 1 })).status).toBe(200);
    const big = new Uint8Array(1024 * 1024 + 1).fill(0x61);
    expectApiError(await uploadFiles(owner.client, app.baseUrl, workspaceId, [{ name: 'big.txt', content: big }]), 413, 'big.txt is larger than 1 MB (the limit for one file)');
    const rows = (await app.dataSource.query('SELECT count(*)::int AS n FROM import_jobs WHERE workspace_id = $1', [workspaceId])) as { n: number }[];
    expect(rows[0]!.n).toBe(0);
    expect((await uploadFiles(owner.client, app.baseUrl, workspaceId, [{ name: 'small.txt', content: 'small enough' }])).status).toBe(202);
    await admin.client.patch('/admin/settings', { maxUploadMegabytes: 20 });
  });
});
