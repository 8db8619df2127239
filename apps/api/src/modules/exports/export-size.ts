/**
 * How big an export's selection is, counted in SQL without loading anything: annotations and
 * characters of document text in the chosen documents (all when unfiltered). Above
 * EXPORT_LIMITS an export runs in the background rather than as a direct download.
 */
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { API_PREFIX, EXPORT_LIMITS, type ExportFilters, type ExportSize } from '@marginalia/shared';
import { DataSource } from 'typeorm';

@Injectable()
export class ExportSizes {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async measure(workspaceId: string, filters: ExportFilters): Promise<ExportSize> {
    const documents = filters.documents ?? null;
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM annotations WHERE workspace_id = $1 AND ($2::uuid[] IS NULL OR document_id = ANY($2::uuid[])))::int AS annotations,
              (SELECT coalesce(sum(character_count), 0) FROM documents WHERE workspace_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])))::bigint AS characters`,
      [workspaceId, documents],
    )) as [{ annotations: number; characters: string }];
    const characters = Number(row.characters);
    return { annotations: row.annotations, characters, background: row.annotations > EXPORT_LIMITS.backgroundAboveAnnotations || characters > EXPORT_LIMITS.backgroundAboveCharacters };
  }

  /** For the direct download: a selection this big is refused (409), saying how to run it in the background. */
  async assertDirect(workspaceId: string, filters: ExportFilters): Promise<void> {
    const size = await this.measure(workspaceId, filters);
    if (!size.background) return;
    throw new ConflictException(
      `this export is large (${size.annotations.toLocaleString('en')} annotations, ${size.characters.toLocaleString('en')} characters of text; a direct download takes at most ${EXPORT_LIMITS.backgroundAboveAnnotations.toLocaleString('en')} annotations and ${EXPORT_LIMITS.backgroundAboveCharacters.toLocaleString('en')} characters): run it in the background with POST /${API_PREFIX}/workspaces/${workspaceId}/export-jobs {"format": ..., "parameters": {...}}, or narrow it with the documents filter`,
    );
  }
}
