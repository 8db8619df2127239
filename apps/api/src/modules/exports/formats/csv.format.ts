/**
 * Coded segments as CSV (RFC 4180) for R, pandas and spreadsheets: one row per annotation and
 * tag. Offsets are code points, end exclusive. `bom=1` prefixes a UTF-8 byte order mark, which
 * Excel needs to read UTF-8; R and pandas do not want it, so it is off by default. Rows are
 * yielded in chunks so a big workspace is streamed.
 */
import type { WorkspaceExport } from '@marginalia/shared';
import { optionFlag, type ExportFormat, type ExportOptions } from '../export-format.js';
import { indexSnapshot } from './snapshot-index.js';

export const CSV_COLUMNS = ['document_title', 'document_id', 'start', 'end', 'quote', 'tag_path', 'tag_id', 'analyst', 'kind', 'memo', 'created_at', 'updated_at', 'annotation_id'] as const;

/** RFC 4180: quote a field containing a comma, quote, CR or LF; double the quotes inside. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const row = (fields: readonly (string | number | null)[]) => `${fields.map(csvField).join(',')}\r\n`;

export function* codedSegmentsCsv(snapshot: WorkspaceExport, options: ExportOptions): Generator<string> {
  const index = indexSnapshot(snapshot);
  let chunk = (optionFlag(options, 'bom') ? '\uFEFF' : '') + row(CSV_COLUMNS);
  for (const annotation of snapshot.annotations) {
    const title = index.document(annotation.documentId)?.title ?? '';
    const tagIds = [...annotation.tagIds].sort((a, b) => index.tagPath(a).localeCompare(index.tagPath(b)) || a.localeCompare(b));
    for (const tagId of tagIds) {
      chunk += row([title, annotation.documentId, annotation.start, annotation.end, annotation.exact, index.tagPath(tagId), tagId, index.memberName(annotation.analystId), annotation.kind, annotation.memo, annotation.createdAt, annotation.updatedAt, annotation.id]);
    }
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export const csvExportFormat: ExportFormat = {
  id: 'csv',
  label: 'Coded segments (CSV)',
  description: 'One row per annotation and tag: document, offsets (code points), quote, tag path, analyst, memo, timestamps.',
  mediaType: 'text/csv; charset=utf-8; header=present',
  extension: 'csv',
  options: [{ name: 'bom', label: 'Start with a byte order mark (for Excel)', kind: 'boolean' }],
  serialize: (snapshot, options) => codedSegmentsCsv(snapshot, options),
};
