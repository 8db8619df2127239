/**
 * REFI-QDA and AIF on the demo workspace, against real Postgres: golden files of project.qde,
 * the .qdc and the AIF JSON (UPDATE_GOLDEN=1 rewrites them); the demo's project.qde valid
 * against the REFI-QDA schema; export -> import as a new workspace -> export again keeps
 * sources, codebook, codings, memos and argument maps (GUIDs and users aside); a project written
 * as ATLAS.ti and MAXQDA write theirs imports, with a report of what it left out; .qdc import merges by name;
 * hostile or wrong uploads are refused with a reason and leave nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type QdcImportReport, type QdpxImportReport, type WorkspaceExport } from '@marginalia/shared';
import yazl from 'yazl';
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

  it('imports a project written the way other tools write it, and reports each thing it leaves out', async () => {
    // Modelled on ATLAS.ti's and MAXQDA's exports: a default namespace with a schema location,
    // upper-case GUIDs, a text kept in sources/ and one inline, nested codes with colours, a
    // memo on a coding, and the parts Marginalia does not hold (a PDF, cases, a coding of a whole
    // source, a selection past the end of its text).
    const interview = 'Interview with a retired official\n\nThe ministry now asks every citizen to report spies. Many see this as social control, not security.\n';
    const article = '国家安全部 says the campaign protects the nation.\n\nCritics call it a mobilisation of society.';
    /** Code-point positions of `words` in `text`, as REFI-QDA counts them. */
    const at = (text: string, words: string) => {
      const start = [...text.slice(0, text.indexOf(words))].length;
      return `startPosition="${start}" endPosition="${start + [...words].length}"`;
    };
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd" origin="ATLAS.ti for Windows 23.2.3.27778" name="Fieldwork 2023" creatingUserGUID="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" creationDateTime="2023-08-16T15:49:36Z" xmlns="urn:QDA-XML:project:1.0">
  <Users>
    <User guid="088B08AC-D5CD-4ADB-8B71-B4F3459C177F" name="Analyst One" />
    <User guid="C32A2BD5-537F-4838-8B17-DF9EFBAFDF4B" name="ATLAS.ti" />
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="A182CD3A-D83C-4D8C-BC80-26D9103EC6D6" name="State" isCodable="false" color="#1F77B4">
        <Code guid="2D2466F0-D77F-4F8C-BDF9-628966B6B74D" name="Social control" isCodable="true" color="#D62728">
          <Description>Surveillance and mobilisation presented as security.</Description>
        </Code>
      </Code>
      <Code guid="086AC733-7B1C-4749-A138-D7182F63A5C9" name="Mobilisation" isCodable="true" />
    </Codes>
  </CodeBook>
  <Cases>
    <Case guid="5C1F6E0A-9F7B-4C1E-8E51-0D2B7A4E9F10" name="Respondent 1" />
  </Cases>
  <Sources>
    <TextSource guid="B6E1D4F2-1C3A-4B5D-9E8F-7A6B5C4D3E2F" name="Interview 1" plainTextPath="internal://B6E1D4F2-1C3A-4B5D-9E8F-7A6B5C4D3E2F.txt" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">
      <PlainTextSelection guid="E1A2B3C4-D5E6-4F70-8192-A3B4C5D6E7F8" name="report spies" ${at(interview, 'report spies')} creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">
        <Coding guid="F1E2D3C4-B5A6-4978-8695-A4B3C2D1E0F9" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F"><CodeRef targetGUID="2D2466F0-D77F-4F8C-BDF9-628966B6B74D" /></Coding>
        <NoteRef targetGUID="9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D" />
      </PlainTextSelection>
      <PlainTextSelection guid="0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9" name="past the end" startPosition="5000" endPosition="5010">
        <Coding guid="1B2C3D4E-5F60-4172-8394-A5B6C7D8E9F0"><CodeRef targetGUID="086AC733-7B1C-4749-A138-D7182F63A5C9" /></Coding>
      </PlainTextSelection>
      <Coding guid="2C3D4E5F-6071-4283-94A5-B6C7D8E9F0A1"><CodeRef targetGUID="086AC733-7B1C-4749-A138-D7182F63A5C9" /></Coding>
    </TextSource>
    <TextSource guid="3D4E5F60-7182-4394-A5B6-C7D8E9F0A1B2" name="Article">
      <PlainTextContent>${article}</PlainTextContent>
      <PlainTextSelection guid="4E5F6071-8293-44A5-B6C7-D8E9F0A1B2C3" name="mobilisation" ${at(article, 'a mobilisation of society')}>
        <Coding guid="5F607182-93A4-45B6-C7D8-E9F0A1B2C3D4"><CodeRef targetGUID="086AC733-7B1C-4749-A138-D7182F63A5C9" /></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="60718293-A4B5-46C7-D8E9-F0A1B2C3D4E5" name="Scan of the notice" path="internal://60718293-A4B5-46C7-D8E9-F0A1B2C3D4E5.pdf" />
  </Sources>
  <Notes>
    <Note guid="9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D" name="Memo: spies" creatingUser="088B08AC-D5CD-4ADB-8B71-B4F3459C177F">
      <PlainTextContent>Echoes the campaigns of the 1950s.</PlainTextContent>
    </Note>
  </Notes>
</Project>`;
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(qde, 'utf8'), 'project.qde');
    zip.addBuffer(Buffer.from(interview, 'utf8'), 'sources/B6E1D4F2-1C3A-4B5D-9E8F-7A6B5C4D3E2F.txt');
    // The PDF's bytes are listed in the archive but never unpacked.
    zip.addBuffer(Buffer.from('%PDF-1.4 not read'), 'sources/60718293-A4B5-46C7-D8E9-F0A1B2C3D4E5.pdf');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);

    const response = await upload(mei, '/workspaces/import/qdpx', 'fieldwork.qdpx', bytes);
    expect(response.status).toBe(201);
    const report = response.body as QdpxImportReport;
    expect(report).toMatchObject({ workspaceName: 'Fieldwork 2023', origin: 'ATLAS.ti for Windows 23.2.3.27778', imported: { documents: 2, tags: 3, annotations: 2, maps: 0 }, moreSkipped: 0 });
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'PDF source', name: 'Scan of the notice' }),
        expect.objectContaining({ kind: 'case', name: 'Respondent 1' }),
        expect.objectContaining({ kind: 'coding', name: 'Interview 1', reason: expect.stringMatching(/whole source/) }),
        expect.objectContaining({ kind: 'selection', reason: expect.stringMatching(/outside the text/) }),
      ]),
    );
    expect(report.skipped).toHaveLength(4);

    const imported = await loader.load(report.workspaceId);
    expect(imported.documents.map((document) => ({ title: document.title, text: document.text })).sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      { title: 'Article', text: article },
      { title: 'Interview 1', text: interview.trimEnd() },
    ]);
    const tagPath = new Map(imported.codebook.tags.map((tag) => [tag.id, tag]));
    const pathOf = (id: string): string => {
      const tag = tagPath.get(id)!;
      return tag.parentId ? `${pathOf(tag.parentId)}/${tag.name}` : tag.name;
    };
    expect(imported.codebook.tags.map((tag) => ({ path: pathOf(tag.id), color: tag.color, definition: tag.definition })).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'Mobilisation', color: expect.any(String), definition: '' },
      // Colours become the codebook palette's nearest ones.
      { path: 'State', color: 'blue', definition: '' },
      { path: 'State/Social control', color: 'vermillion', definition: 'Surveillance and mobilisation presented as security.' },
    ]);
    expect(imported.annotations.map((annotation) => ({ exact: annotation.exact, tags: annotation.tagIds.map(pathOf) })).sort((a, b) => a.exact.localeCompare(b.exact))).toEqual([
      { exact: 'a mobilisation of society', tags: ['Mobilisation'] },
      { exact: 'report spies', tags: ['State/Social control'] },
    ]);
    // The memo on the coding comes along with it.
    expect(JSON.stringify(imported)).toContain('Echoes the campaigns of the 1950s.');
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
