/**
 * Marginalia's own format: the WorkspaceExport itself, validated with its schema before it is
 * written so a file that leaves the instance always matches the published JSON Schema.
 */
import { WorkspaceExportSchema } from '@marginalia/shared';
import type { ExportFormat } from '../export-format.js';

export const jsonExportFormat: ExportFormat = {
  id: 'json',
  label: 'Marginalia JSON',
  description: 'The whole workspace, re-importable; described by /api/schemas/workspace-export.json.',
  mediaType: 'application/json; charset=utf-8',
  extension: 'json',
  serialize(snapshot) {
    const checked = WorkspaceExportSchema.parse(snapshot);
    return `${JSON.stringify(checked, null, 2)}\n`;
  },
};
