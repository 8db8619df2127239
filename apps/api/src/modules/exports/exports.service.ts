/**
 * Producing an export for a member: load the snapshot, narrow it to what they may see and
 * asked for, and hand it to the chosen format. Knows formats only through the registry.
 */
import { Injectable, NotFoundException } from '@nestjs/common';
import { hasAtLeastRole, type ExportFilters, type WorkspaceExport } from '@marginalia/shared';
import { CodingSettingsService, othersHidden } from '../codebook/coding-settings.service.js';
import type { WorkspaceMember } from '../workspaces/workspace-access.js';
import type { ExportFormat, ExportOptions, ExportOutput } from './export-format.js';
import { findExportFormat } from './export-formats.js';
import { applyFilters, applyVisibility } from './snapshot-filters.js';
import { WorkspaceExportLoader } from './workspace-export.loader.js';

export interface ProducedExport {
  format: ExportFormat;
  filename: string;
  body: ExportOutput;
}

@Injectable()
export class ExportsService {
  constructor(
    private readonly loader: WorkspaceExportLoader,
    private readonly codingSettings: CodingSettingsService,
  ) {}

  /** The snapshot as this member may export it, narrowed by the filters. */
  async snapshotFor(member: WorkspaceMember, userId: string, filters: ExportFilters): Promise<WorkspaceExport> {
    const [snapshot, settings] = await Promise.all([this.loader.load(member.workspaceId), this.codingSettings.read(member.workspaceId)]);
    const visible = applyVisibility(snapshot, { userId, seesEveryone: hasAtLeastRole(member.role, 'admin'), othersHidden: othersHidden(settings) });
    return applyFilters(visible, filters);
  }

  async produce(member: WorkspaceMember, userId: string, formatId: string, filters: ExportFilters, options: ExportOptions): Promise<ProducedExport> {
    const format = findExportFormat(formatId);
    if (!format) throw new NotFoundException(`no export format "${formatId}"`);
    const snapshot = await this.snapshotFor(member, userId, filters);
    const body = await format.serialize(snapshot, options);
    return { format, filename: exportFilename(snapshot, format), body };
  }
}

/** `<workspace-name>-<yyyy-mm-dd>.<ext>`, ASCII-safe; the header also carries the UTF-8 form. */
export function exportFilename(snapshot: WorkspaceExport, format: ExportFormat): string {
  const slug = snapshot.workspace.name.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'workspace';
  return `${slug}-${snapshot.exportedAt.slice(0, 10)}.${format.extension}`;
}
