/**
 * Imports end to end over HTTP against real Postgres: every supported format and encoding,
 * each kind of refusal with its message, duplicates, and what the imported documents look
 * like through the documents API (text, metadata, passages in code points).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ImportJobSchema, OffsetMap, type DocumentDetail, type ImportJob } from '@marginalia/shared';
import { registerUser, type TestUser } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createWorkspace } from './fixtures.js';
import { fixtureFile, importFiles, outcomes, pollJob } from './fixtures/imports/import-client.js';

describe('imports: formats and outcomes', () => {
  let app: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    owner = await registerUser(app.baseUrl, 'importer');
  });
  afterAll(async () => {
    await app.close();
  });

  const documentOf = async (workspaceId: string, job: ImportJob, name: string): Promise<DocumentDetail> => {
    const id = job.files.find((file) => file.name === name)?.documentId;
    if (!id) throw new Error(`${name} was not imported: ${JSON.stringify(job.files)}`);
    const response = await owner.client.get<DocumentDetail>(`/workspaces/${workspaceId}/documents/${id}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('imports a mixed batch, rejecting what it cannot read with a reason and a message for each file', async () => {
    const workspaceId = await createWorkspace(owner, 'Mixed batch');
    const job = await importFiles(owner.client, app.baseUrl, workspaceId, [
      fixtureFile('utf8.txt'),
      fixtureFile('report.exe'),
      fixtureFile('empty.txt'),
      fixtureFile('blank.txt'),
      fixtureFile('scan.pdf'),
      fixtureFile('utf8.txt', 'utf8-again.txt'),
      fixtureFile('corrupt.zip'),
    ]);
    expect(ImportJobSchema.parse(job)).toEqual(job);
    expect(job).toMatchObject({ status: 'succeeded', totalFiles: 7, processedFiles: 7, acceptedCount: 1, rejectedCount: 6, error: null, finishedAt: expect.any(String) });
    expect(outcomes(job)).toEqual({
      'utf8.txt': 'accepted',
      'report.exe': 'rejected:unsupported_type',
      'empty.txt': 'rejected:empty',
      'blank.txt': 'rejected:empty',
      'scan.pdf': 'rejected:empty',
      'utf8-again.txt': 'rejected:duplicate',
      'corrupt.zip': 'rejected:unreadable',
    });
    const message = (name: string): string | null | undefined => job.files.find((file) => file.name === name)?.message;
    expect(message('report.exe')).toBe('report.exe: unsupported file type (.exe); Marginalia imports .txt, .md, .html, .pdf, .docx and .zip');
    expect(message('empty.txt')).toBe('empty.txt: the file contains no text');
    expect(message('scan.pdf')).toMatch(/^scan\.pdf: the PDF has no text layer .*no OCR/);
    expect(message('utf8-again.txt')).toBe('utf8-again.txt: the same text as utf8.txt, earlier in this batch');
    expect(message('corrupt.zip')).toMatch(/^corrupt\.zip: the archive is damaged or not a ZIP file/);
    const accepted = job.files.find((file) => file.name === 'utf8.txt')!;
    expect(accepted).toMatchObject({ status: 'accepted', format: 'text', reason: null, message: null, title: 'Harbour workers meet the council', documentId: expect.any(String) });

    const listed = await owner.client.get(`/workspaces/${workspaceId}/documents`);
    expect(listed.body.documents).toEqual([
      expect.objectContaining({ id: accepted.documentId, title: 'Harbour workers meet the council', titleProposed: true, sourceFilename: 'utf8.txt', passageCount: 3 }),
    ]);
  });

  it('refuses a file whose text is already in the workspace, naming the document (and keeps non-ASCII file names)', async () => {
    const workspaceId = await createWorkspace(owner, 'Duplicates');
    await importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('utf8.txt')]);
    const second = await importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('utf8.txt', 'Kopie – Übersicht 副本.txt')]);
    expect(second).toMatchObject({ status: 'succeeded', acceptedCount: 0, rejectedCount: 1 });
    expect(second.files[0]).toMatchObject({ reason: 'duplicate', name: 'Kopie – Übersicht 副本.txt', message: 'Kopie – Übersicht 副本.txt: the same text is already in this workspace as “Harbour workers meet the council”', documentId: null });
  });

  it('lets concurrent jobs share a text without failing: one stores it, the other reports the duplicate', async () => {
    const workspaceId = await createWorkspace(owner, 'Concurrent');
    const quote = (n: number): string => `Report ${n}\n\nAnalyst Mei Lin said the harbour plan was rushed. Professor Tomás Ruiz said it was overdue.`;
    const jobs = await Promise.all(
      [1, 2, 3].map((n) => importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('utf8.txt', `shared-${n}.txt`), { name: `own-${n}.txt`, content: quote(n) }])),
    );
    expect(jobs.map((job) => job.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const shared = jobs.map((job) => job.files[0]!);
    expect(shared.filter((file) => file.status === 'accepted')).toHaveLength(1);
    expect(shared.filter((file) => file.reason === 'duplicate')).toHaveLength(2);
    expect(jobs.every((job) => job.files[1]?.status === 'accepted')).toBe(true);
    expect((await owner.client.get(`/workspaces/${workspaceId}/documents`)).body.documents).toHaveLength(4);
  });

  it('reads every supported text encoding into the same kind of UTF-8 text', async () => {
    const workspaceId = await createWorkspace(owner, 'Encodings');
    const job = await importFiles(owner.client, app.baseUrl, workspaceId, ['utf8-bom.txt', 'utf16le.txt', 'windows-1252.txt', 'gbk.txt', 'invalid-utf8.txt'].map((name) => fixtureFile(name)));
    expect(outcomes(job)).toEqual({ 'utf8-bom.txt': 'accepted', 'utf16le.txt': 'accepted', 'windows-1252.txt': 'accepted', 'gbk.txt': 'accepted', 'invalid-utf8.txt': 'accepted' });
    const bom = await documentOf(workspaceId, job, 'utf8-bom.txt');
    expect(bom.text).toBe('Notes with a byte order mark\n\nThe file was saved by Notepad, with Windows line endings.');
    expect((await documentOf(workspaceId, job, 'utf16le.txt')).text).toContain('A: In Łódź, near the old textile mills — café on the corner.');
    expect((await documentOf(workspaceId, job, 'windows-1252.txt')).text).toContain('“This is the best crème brûlée in town — and it costs only 5 €.”');
    const gbk = await documentOf(workspaceId, job, 'gbk.txt');
    expect(gbk.title).toBe('国家安全部的新规定');
    expect(gbk.text).toContain('国家安全部周一公布了新的反间谍安全规定');
    expect((await documentOf(workspaceId, job, 'invalid-utf8.txt')).text).toMatch(/^Broken bytes follow: .+ and then plain text again\.$/);
  });

  it('counts passage offsets in code points, with emoji and CJK outside the Basic Multilingual Plane', async () => {
    const workspaceId = await createWorkspace(owner, 'Astral');
    const job = await importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('astral.txt')]);
    const document = await documentOf(workspaceId, job, 'astral.txt');
    const offsets = new OffsetMap(document.text);
    expect(document.characterCount).toBe([...document.text].length);
    expect(document.characterCount).toBeLessThan(document.text.length);
    expect(document.passages.map((passage) => offsets.slice(passage.start, passage.end))).toEqual([
      'Emoji 😀 and rare 𠮷 characters',
      'The 🐉 dragon boat 𠀋 festival began. Everyone cheered 🎉 loudly.',
      'A second 𡈽 paragraph follows here.',
    ]);
    const sentences = document.passages[1]!.sentences.map((sentence) => offsets.slice(sentence.start, sentence.end));
    expect(sentences).toEqual(['The 🐉 dragon boat 𠀋 festival began.', 'Everyone cheered 🎉 loudly.']);
  });

  it('imports Markdown, HTML, PDF and DOCX as readable text with their metadata', async () => {
    const workspaceId = await createWorkspace(owner, 'Formats');
    const job = await importFiles(owner.client, app.baseUrl, workspaceId, ['notes.md', 'article.html', 'report.pdf', 'memo.docx'].map((name) => fixtureFile(name)));
    expect(outcomes(job)).toEqual({ 'notes.md': 'accepted', 'article.html': 'accepted', 'report.pdf': 'accepted', 'memo.docx': 'accepted' });
    expect(job.files.map((file) => file.format)).toEqual(['markdown', 'html', 'pdf', 'docx']);

    const markdown = await documentOf(workspaceId, job, 'notes.md');
    expect(markdown.title).toBe('Interview plan');
    expect(markdown.text).toContain('Ask about the harbour and the council minutes.\n\nQuestions\n\nWho chairs the meeting?\nWhat changed in spring?');
    expect(markdown.text).not.toMatch(/[#*[\]`]|https:/);

    const html = await documentOf(workspaceId, job, 'article.html');
    expect(html).toMatchObject({
      title: 'Council votes on harbour plan',
      titleProposed: true,
      author: 'Ines Duarte',
      publishedOn: '2023-08-01',
      url: 'https://courier.example/news/harbour-plan',
      language: 'en-GB',
      source: 'The Coastal Courier',
    });
    expect(html.text).toContain('The town council voted on Tuesday to approve the harbour redevelopment plan');
    expect(html.text).not.toMatch(/SHOULD-NOT-APPEAR|font-family|trackingId|<\w+/);
    expect(html.passageCount).toBeGreaterThanOrEqual(3);

    const pdf = await documentOf(workspaceId, job, 'report.pdf');
    expect(pdf).toMatchObject({ title: 'Quarterly field report', author: 'Ana Souza', passageCount: 2 });
    expect(pdf.text).toContain('recorded the water supply of each household they could reach.');

    const docx = await documentOf(workspaceId, job, 'memo.docx');
    expect(docx).toMatchObject({ title: 'Harbour memo', author: 'Jonas Berg', text: 'Memo on the harbour plan\n\nThe council approved the plan on Tuesday.\n\nFishermen & traders were not consulted, according to the union.' });
  });

  it('imports the files of a ZIP as if uploaded, skipping folders and hidden files and refusing nested archives', async () => {
    const workspaceId = await createWorkspace(owner, 'Archive');
    const job = await importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('batch.zip', 'archive.zip')]);
    expect(outcomes(job)).toEqual({
      'archive.zip/letters/first.txt': 'accepted',
      'archive.zip/letters/second.md': 'accepted',
      'archive.zip/letters/ünïcode name.txt': 'accepted',
      'archive.zip/inner.zip': 'rejected:unsupported_type',
      'archive.zip/photo.png': 'rejected:unsupported_type',
      'archive.zip/memo.docx': 'accepted',
    });
    expect(job).toMatchObject({ totalFiles: 6, processedFiles: 6, acceptedCount: 4 });
    expect(job.files.find((file) => file.name === 'archive.zip/inner.zip')?.message).toBe('archive.zip/inner.zip: archives inside archives are not opened; unpack it and upload its files');
    const first = await documentOf(workspaceId, job, 'archive.zip/letters/first.txt');
    expect(first).toMatchObject({ title: 'First letter from the archive', sourceFilename: 'archive.zip/letters/first.txt' });
  });

  it('refuses encrypted and damaged archives as unreadable', async () => {
    const workspaceId = await createWorkspace(owner, 'Bad archives');
    const job = await importFiles(owner.client, app.baseUrl, workspaceId, [fixtureFile('encrypted.zip'), fixtureFile('corrupt.zip')]);
    expect(outcomes(job)).toEqual({ 'encrypted.zip/secret.txt': 'rejected:unreadable', 'corrupt.zip': 'rejected:unreadable' });
    expect(job.files[0]?.message).toMatch(/encrypted/);
    expect(job.status).toBe('succeeded');
  });

  it('imports pasted text as JSON, with the given title or a proposed one', async () => {
    const workspaceId = await createWorkspace(owner, 'Pasted');
    const titled = await owner.client.post<ImportJob>(`/workspaces/${workspaceId}/imports`, { text: 'Pasted from an e-mail.\r\n\r\nSecond paragraph.', title: 'E-mail from Ana' });
    expect(titled.status).toBe(202);
    expect(titled.body).toMatchObject({ status: 'queued', totalFiles: 1, processedFiles: 0, files: [{ name: 'Pasted text', status: 'pending' }] });
    const done = (await pollJob(owner.client, workspaceId, titled.body.id)).at(-1)!;
    expect(done.files[0]).toMatchObject({ status: 'accepted', format: 'pasted', title: 'E-mail from Ana' });
    const document = (await owner.client.get<DocumentDetail>(`/workspaces/${workspaceId}/documents/${done.files[0]!.documentId}`)).body;
    expect(document).toMatchObject({ title: 'E-mail from Ana', titleProposed: false, sourceFilename: null, text: 'Pasted from an e-mail.\n\nSecond paragraph.' });

    const untitled = await owner.client.post<ImportJob>(`/workspaces/${workspaceId}/imports`, { text: 'Notes without a title line.' });
    const untitledDone = (await pollJob(owner.client, workspaceId, untitled.body.id)).at(-1)!;
    expect(untitledDone.files[0]).toMatchObject({ status: 'accepted', title: 'Notes without a title line' });

    const blank = await owner.client.post<ImportJob>(`/workspaces/${workspaceId}/imports`, { text: '  \n\n ' });
    const blankDone = (await pollJob(owner.client, workspaceId, blank.body.id)).at(-1)!;
    expect(blankDone.files[0]).toMatchObject({ status: 'rejected', reason: 'empty', message: 'Pasted text: the pasted text is empty' });
  });
});
