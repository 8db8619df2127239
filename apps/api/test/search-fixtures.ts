/** Rows and requests the search tests need: documents with metadata, actors and attributions. */
import type { SearchResponse } from '@marginalia/shared';
import type { DataSource } from 'typeorm';
import { insertDocument, prepareDocument } from '../src/modules/documents/document-writer.js';
import type { ApiResponse, TestUser } from './api-client.js';

export interface CorpusDocumentInput {
  title: string;
  text: string;
  source?: string;
  author?: string;
  language?: string;
  publishedOn?: string;
}

/** Stores a document the way imports do (normalised, segmented: one passage per line here). */
export async function insertCorpusDocument(dataSource: DataSource, workspaceId: string, input: CorpusDocumentInput): Promise<string> {
  const prepared = prepareDocument({ workspaceId, titleProposed: false, sourceFilename: null, importedById: null, ...input });
  const saved = await dataSource.transaction((manager) => insertDocument(manager, prepared));
  return saved.id;
}

export async function passageOf(dataSource: DataSource, documentId: string, index: number): Promise<{ id: string; start: number; end: number }> {
  const rows = (await dataSource.query('SELECT id, start, "end" FROM passages WHERE document_id = $1 AND index = $2', [documentId, index])) as { id: string; start: number; end: number }[];
  if (!rows[0]) throw new Error(`no passage ${index} in ${documentId}`);
  return rows[0];
}

export async function addActor(dataSource: DataSource, workspaceId: string, name: string): Promise<string> {
  const rows = (await dataSource.query('INSERT INTO actors (workspace_id, name) VALUES ($1, $2) RETURNING id', [workspaceId, name])) as { id: string }[];
  return rows[0]!.id;
}

export async function attribute(
  dataSource: DataSource,
  span: { workspaceId: string; actorId: string; documentId: string; passageId: string; start: number; end: number },
): Promise<void> {
  await dataSource.query('INSERT INTO attributions (workspace_id, actor_id, document_id, passage_id, start, "end") VALUES ($1, $2, $3, $4, $5, $6)', [
    span.workspaceId,
    span.actorId,
    span.documentId,
    span.passageId,
    span.start,
    span.end,
  ]);
}

export async function searchAs(user: TestUser, workspaceId: string, params: Record<string, string | number>): Promise<ApiResponse<SearchResponse>> {
  const query = new URLSearchParams(Object.entries(params).map(([name, value]): [string, string] => [name, String(value)]));
  return await user.client.get<SearchResponse>(`/workspaces/${workspaceId}/search?${query.toString()}`);
}
