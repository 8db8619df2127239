/**
 * Export downloads over HTTP on the demo workspace: the format listing and the public JSON
 * Schema, a download as an attachment with a session or a personal access token, filters,
 * refusals, and blind coding (a non-admin's export holds only their own annotations).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkspaceExportSchema, type ExportFormatList, type WorkspaceExport } from '@marginalia/shared';
import { ApiClient } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { loadDemoSeed, seedDemoWorkspace } from '../src/seed/demo-seed.js';

describe('exports over HTTP', () => {
  let app: TestApp;
  let workspaceId: string;
  let mei: ApiClient;
  let tomas: ApiClient;
  let tomasId: string;
  let priya: ApiClient;

  const login = async (email: string, password: string) => {
    const client = new ApiClient(app.baseUrl);
    expect((await client.post('/auth/login', { email, password })).status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    app = await createTestApp();
    ({ workspaceId } = await seedDemoWorkspace(app.dataSource));
    const { password } = await loadDemoSeed();
    mei = await login('mei@demo.marginalia.test', password);
    tomas = await login('tomas@demo.marginalia.test', password);
    priya = await login('priya@demo.marginalia.test', password);
    tomasId = (await tomas.get<{ id: string }>('/auth/me')).body.id;
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the registered formats and publishes the JSON Schema without sign-in', async () => {
    const list = await mei.get<ExportFormatList>('/export-formats');
    expect(list.body.formats.map((format) => format.id)).toEqual(expect.arrayContaining(['json', 'markdown', 'html', 'csv', 'web-annotation']));
    expect(list.body.formats.find((format) => format.id === 'markdown')!.options[0]!.choices!.map((choice) => choice.value)).toContain('agreement');
    const schema = await new ApiClient(app.baseUrl).get('/schemas/workspace-export.json');
    expect(schema.status).toBe(200);
    expect(schema.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(schema.body).toMatchObject({ $id: expect.stringMatching(/workspace-export-v1\.json$/), type: 'object' });
  });

  it('downloads an attachment with a session, and with a personal access token', async () => {
    const report = await mei.get<string>(`/workspaces/${workspaceId}/exports/markdown?sections=facts,codebook`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(report.headers.get('content-disposition')).toMatch(/^attachment; filename="MSS-counter-espionage-mobilisation-\d{4}-\d\d-\d\d\.md"; filename\*=UTF-8''/);
    expect(report.body).toMatch(/^# MSS counter-espionage mobilisation\n/);
    expect(report.body).toContain('## Codebook');
    expect(report.body).not.toContain('## Corpus');

    const { token } = (await mei.post<{ token: string }>('/auth/tokens', { name: 'export script' })).body;
    const script = new ApiClient(app.baseUrl);
    script.bearer = token;
    const json = await script.get<WorkspaceExport>(`/workspaces/${workspaceId}/exports/json`);
    expect(json.status).toBe(200);
    expect(WorkspaceExportSchema.parse(json.body).workspace.id).toBe(workspaceId);
  });

  it('narrows by documents, tags, analysts and maps, and refuses what it cannot do', async () => {
    const whole = (await mei.get<WorkspaceExport>(`/workspaces/${workspaceId}/exports/json`)).body;
    // One of Tomás's annotations with a sub-tag picks the document and the tag.
    const sample = whole.annotations.find((a) => a.analystId === tomasId && a.tagIds.some((id) => whole.codebook.tags.find((t) => t.id === id)?.parentId))!;
    const document = whole.documents.find((d) => d.id === sample.documentId)!;
    const tag = whole.codebook.tags.find((t) => sample.tagIds.includes(t.id) && t.parentId !== null)!;
    const narrowed = (await mei.get<WorkspaceExport>(`/workspaces/${workspaceId}/exports/json?documents=${document.id}&tags=${tag.id}&analysts=${tomasId}&maps=${whole.maps[0]!.id}`)).body;
    expect(narrowed.documents.map((d) => d.id)).toEqual([document.id]);
    expect(narrowed.annotations.length).toBeGreaterThan(0);
    expect(narrowed.annotations.every((a) => a.documentId === document.id && a.analystId === tomasId && a.tagIds.join() === tag.id)).toBe(true);
    expect(narrowed.codebook.tags.map((t) => t.id).sort()).toEqual([tag.id, tag.parentId].sort());
    expect(narrowed.maps).toHaveLength(1);
    // An empty list is no filter, as if left out.
    expect((await mei.get<WorkspaceExport>(`/workspaces/${workspaceId}/exports/json?documents=&maps=`)).body.documents).toHaveLength(whole.documents.length);

    expect((await mei.get(`/workspaces/${workspaceId}/exports/pdf`)).status).toBe(404);
    expect((await mei.get(`/workspaces/${workspaceId}/exports/json?documents=nope`)).status).toBe(400);
    expect((await priya.get(`/workspaces/${workspaceId}/exports/json`)).status).toBe(403);
  });

  it("under blind coding gives a non-admin only their own annotations, an admin everyone's", async () => {
    expect((await mei.patch(`/workspaces/${workspaceId}/coding-settings`, { blindCoding: true })).status).toBe(200);
    try {
      const own = (await tomas.get<string>(`/workspaces/${workspaceId}/exports/csv`)).body;
      const analysts = new Set(own.split('\r\n').slice(1, -1).map((line) => line.split(',').at(-6)));
      expect(analysts).toEqual(new Set(['Tomás Ruiz']));
      const all = (await mei.get<WorkspaceExport>(`/workspaces/${workspaceId}/exports/json`)).body;
      expect(new Set(all.annotations.map((a) => a.analystId)).size).toBeGreaterThan(1);
      const tomasJson = (await tomas.get<WorkspaceExport>(`/workspaces/${workspaceId}/exports/json`)).body;
      expect(tomasJson.annotations.length).toBeGreaterThan(0);
      expect(tomasJson.annotations.every((a) => a.analystId === tomasId)).toBe(true);
    } finally {
      await mei.patch(`/workspaces/${workspaceId}/coding-settings`, { blindCoding: false });
    }
  });
});
