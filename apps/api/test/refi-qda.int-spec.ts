/**
 * REFI-QDA and AIF on the demo workspace, against real Postgres: golden files of project.qde,
 * the .qdc and the AIF JSON (UPDATE_GOLDEN=1 rewrites them); the demo's project.qde valid
 * against the REFI-QDA schema; export -> import as a new workspace -> export again keeps
 * sources, codebook, codings, memos and argument maps (GUIDs and users aside); .qdc import merges by name;
 * hostile or wrong uploads are refused with a reason and leave nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type QdcImportReport, type QdpxImportReport, type WorkspaceExport } from '@marginalia/shared';
import { ApiClient } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { aifStructureProblems } from './fixtures/exports/aif-structure.js';
import { expectGolden, stableSnapshot } from './export-golden.js';
import { REFI_CODEBOOK_XSD, schemaErrors } from './fixtures/exports/xmllint.js';
import { multipartFile } from './workspace-routes.js';
import { loadDemoSeed, seedDemoWorkspace } from '../src/seed/demo-seed.js';
import { WorkspaceExportLoader } from '../src/modules/exports/workspace-export.loader.js';
import { aifExportFormat, type AifDocument } from '../src/modules/exports/formats/aif.format.js';
import { collectOutput } from '../src/modules/exports/formats/collect-output.js';
import { writeProjectQde } from '../src/modules/exports/formats/qdpx/project-qde.js';
import { writeQdc } from '../src/modules/exports/formats/qdpx/qdc.format.js';
import { readQdpx } from '../src/modules/exports/refi-qda-import/qdpx-reader.js';
import type { QdeProject } from '../src/modules/exports/refi-qda-import/qde-model.js';

/** What must survive a round trip: sources, codebook, codings with their memos, graphs. Not GUIDs, users or times. */
function content(project: QdeProject) {
  const codes = new Map(project.codes.map((code) => [code.guid, code]));
  // A vertex stands for a coded selection: where that selection is, not its GUID.
  const selections = new Map(project.sources.flatMap((source) => source.selections.map((selection) => [selection.guid, `${source.name}@${selection.start}-${selection.end}`] as const)));
  const codePath = (guid: string | null): string => (guid === null ? '' : `${codePath(codes.get(guid)?.parentGuid ?? null)}/${codes.get(guid)?.name}`);
  const notes = new Map(project.notes.map((note) => [note.guid, note]));
  const variables = new Map(project.variables);
  return {
    name: project.name,
    description: project.description,
    codes: project.codes.map((code) => ({ path: codePath(code.guid), color: code.color, description: code.description })).sort((a, b) => a.path.localeCompare(b.path)),
    sources: project.sources
      .map((source) => ({
        name: source.name,
        text: source.content,
        variables: source.variables.map(([guid, value]) => `${variables.get(guid)}=${value}`).sort(),
        codings: source.selections
          .filter((selection) => selection.codeRefs.length > 0)
          .map((selection) => ({
            at: `${selection.start}-${selection.end}`,
            codes: selection.codeRefs.map(codePath).sort(),
            memos: selection.noteRefs.map((guid) => notes.get(guid)).filter((note) => note?.name.startsWith('Memo: ')).map((note) => note!.content),
            consensus: selection.description === 'Consensus',
          }))
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    graphs: project.graphs.map((graph) => {
      const names = new Map(graph.vertices.map((vertex) => [vertex.guid, vertex.name]));
      return {
        name: graph.name,
        vertices: graph.vertices.map((vertex) => ({ name: vertex.name, shape: vertex.shape, x: vertex.x, y: vertex.y, represents: vertex.representedGuid ? (selections.get(vertex.representedGuid) ?? 'unknown') : null })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        edges: graph.edges.map((edge) => ({ name: edge.name, from: names.get(edge.sourceGuid), to: names.get(edge.targetGuid), lineStyle: edge.lineStyle })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      };
    }),
  };
}

describe('REFI-QDA and AIF on the demo workspace', () => {
  let app: TestApp;
  let loader: WorkspaceExportLoader;
  let demoId: string;
  let mei: ApiClient;

  beforeAll(async () => {
    app = await createTestApp();
    demoId = (await seedDemoWorkspace(app.dataSource)).workspaceId;
    loader = app.get(WorkspaceExportLoader);
    const seed = await loadDemoSeed();
    mei = new ApiClient(app.baseUrl);
    expect((await mei.post('/auth/login', { email: 'mei@demo.marginalia.test', password: seed.password })).status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
  });

  /** One file as multipart/form-data, with the client's session and CSRF token. */
  const upload = async (client: ApiClient, url: string, filename: string, bytes: Buffer): Promise<{ status: number; body: any }> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), filename);
    const response = await fetch(`${app.baseUrl}/api${url}`, {
      method: 'POST',
      body: form,
      headers: { cookie: `${SESSION_COOKIE}=${client.sessionCookie ?? ''}; ${CSRF_COOKIE}=${client.csrfToken ?? ''}`, [CSRF_HEADER]: client.csrfToken ?? '' },
    });
    return { status: response.status, body: await response.json() };
  };

  /** An export downloaded through the exports route, as bytes. */
  const download = async (client: ApiClient, workspaceId: string, format: string): Promise<{ bytes: Buffer; type: string | null; disposition: string | null }> => {
    const response = await fetch(`${app.baseUrl}/api/workspaces/${workspaceId}/exports/${format}`, { headers: { cookie: `${SESSION_COOKIE}=${client.sessionCookie ?? ''}` } });
    expect(response.status).toBe(200);
    return { bytes: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition') };
  };

  it('matches the golden project.qde of the demo, valid against the REFI-QDA schema, its .qdc valid against the codebook schema, and its AIF has the structure OVA loads', async () => {
    const snapshot = stableSnapshot(await loader.load(demoId));
    const qde = [...writeProjectQde(snapshot)].join('');
    expect(await schemaErrors(qde)).toBe('');
    // The .qdc and AIF goldens are written by exports-golden.int-spec.ts with every text format; the .qdpx is a zip, its project.qde is compared here.
    await expectGolden('demo.qdpx.project.qde', qde);
    expect(await schemaErrors(writeQdc(snapshot), REFI_CODEBOOK_XSD)).toBe('');
    const aif = (await collectOutput(aifExportFormat.serialize(snapshot, {}))).toString('utf8');
    expect(aifStructureProblems(JSON.parse(aif) as AifDocument)).toEqual([]);
  });

  it('survives export, import as a new workspace, and export again with the same sources, codebook, codings, memos and maps', async () => {
    const exported = await download(mei, demoId, 'qdpx');
    expect(exported.type).toMatch(/^application\/vnd\.refi-qda\.qdpx/);
    expect(exported.disposition).toMatch(/attachment;.*\.qdpx/);
    const first = exported.bytes;
    const response = await upload(mei, '/workspaces/import/qdpx', 'demo.qdpx', first);
    expect(response.status).toBe(201);
    const report = response.body as QdpxImportReport;
    expect(report.imported.documents).toBeGreaterThan(0);
    expect(report.imported.annotations).toBeGreaterThan(0);
    // Argument maps go out as REFI graphs and come back as maps: nothing is left out.
    expect(report.skipped).toEqual([]);
    const demoMaps = (await mei.get<{ maps: { title: string; nodeCount: number }[] }>(`/workspaces/${demoId}/maps`)).body.maps;
    expect(report.imported.maps).toBe(demoMaps.length);
    const importedMaps = (await mei.get<{ maps: { title: string; nodeCount: number }[] }>(`/workspaces/${report.workspaceId}/maps`)).body.maps;
    expect(importedMaps.map(({ title, nodeCount }) => ({ title, nodeCount }))).toEqual(demoMaps.map(({ title, nodeCount }) => ({ title, nodeCount })));
    const workspaces = (await mei.get<{ workspaces: { id: string; myRole: string }[] }>('/workspaces')).body.workspaces;
    expect(workspaces.find((workspace) => workspace.id === report.workspaceId)?.myRole).toBe('owner');
    const second = (await download(mei, report.workspaceId, 'qdpx')).bytes;
    expect(content(await readQdpx(second))).toEqual(content(await readQdpx(first)));
  });

  it('imports a .qdc into a codebook once, then merges every code by name', async () => {
    const qdc = Buffer.from(writeQdc(await loader.load(demoId)), 'utf8');
    const created = await mei.post<{ id: string }>('/workspaces', { name: 'Codebook only' });
    const url = `/workspaces/${created.body.id}/codebook/import/qdc`;
    const firstImport = (await upload(mei, url, 'demo.qdc', qdc)).body as QdcImportReport;
    const tags = (snapshot: WorkspaceExport) =>
      snapshot.codebook.tags.map(({ name, color, definition, inclusion, exclusion, examples }) => ({ name, color, definition, inclusion, exclusion, examples })).sort((a, b) => a.name.localeCompare(b.name));
    const demo = await loader.load(demoId);
    expect(firstImport).toMatchObject({ added: demo.codebook.tags.length, merged: 0, skipped: [] });
    expect(tags(await loader.load(created.body.id))).toEqual(tags(demo));
    const again = (await upload(mei, url, 'demo.qdc', qdc)).body as QdcImportReport;
    expect(again).toMatchObject({ added: 0, merged: firstImport.added });
  });

  it('refuses uploads that are not REFI-QDA projects with the reason, creating nothing', async () => {
    const before = (await mei.get<{ workspaces: unknown[] }>('/workspaces')).body.workspaces.length;
    const notZip = await upload(mei, '/workspaces/import/qdpx', 'x.qdpx', Buffer.from('plain text, not a zip'));
    expect(notZip.status).toBe(422);
    expect(notZip.body.message).toMatch(/not a ZIP|damaged/);
    const qdc = Buffer.from(writeQdc(await loader.load(demoId)), 'utf8');
    expect((await upload(mei, '/workspaces/import/qdpx', 'codebook.qdpx', qdc)).status).toBe(422);
    const anonymous = new ApiClient(app.baseUrl);
    const { body, contentType } = multipartFile({ field: 'file', filename: 'x.qdpx', content: 'x' });
    expect((await anonymous.request('POST', '/workspaces/import/qdpx', body, { headers: { 'content-type': contentType } })).status).toBe(401);
    expect((await mei.get<{ workspaces: unknown[] }>('/workspaces')).body.workspaces.length).toBe(before);
  });
});
