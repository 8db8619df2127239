/**
 * Marginalia's own format: the WorkspaceExport itself, validated with its schema before it is
 * written so a file that leaves the instance always matches the published JSON Schema.
 * Streamed: each top-level field, and each item of the long lists (documents, annotations...),
 * is checked against its schema and printed on its own, exactly as JSON.stringify(parsed,
 * null, 2) would print the whole (the golden files hold that form).
 */
import { WorkspaceExportSchema, type WorkspaceExport } from '@marginalia/shared';
import { z } from 'zod';
import type { ExportFormat } from '../export-format.js';
import { inChunks, jsonArray, nestedJson } from './chunks.js';

function* workspaceJsonPieces(snapshot: WorkspaceExport): Generator<string> {
  let first = true;
  // The schema's key order is the order a parse of the whole would produce.
  for (const [key, schema] of Object.entries(WorkspaceExportSchema.shape) as [keyof WorkspaceExport, z.ZodType][]) {
    yield `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    const value = snapshot[key];
    if (schema instanceof z.ZodArray && Array.isArray(value)) {
      const element = schema.element as z.ZodType;
      yield* jsonArray(
        (function* () {
          for (const item of value as unknown[]) yield element.parse(item);
        })(),
        '  ',
      );
    } else {
      yield nestedJson(schema.parse(value), '  ');
    }
  }
  yield '\n}\n';
}

/** The JSON export as chunks; their concatenation is the whole file. */
export function workspaceJson(snapshot: WorkspaceExport): Iterable<string> {
  return inChunks(workspaceJsonPieces(snapshot));
}

export const jsonExportFormat: ExportFormat = {
  id: 'json',
  label: 'Marginalia JSON',
  description: 'The whole workspace, re-importable; described by /api/schemas/workspace-export.json.',
  mediaType: 'application/json; charset=utf-8',
  extension: 'json',
  serialize: (snapshot) => workspaceJson(snapshot),
};
