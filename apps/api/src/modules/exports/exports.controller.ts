/**
 * Export routes: the format listing, the download (any registered format, with a session or a
 * personal access token), and the published JSON Schema of Marginalia's export format.
 */
import { Controller, Get, Header, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { ExportFiltersSchema, ExportFormatListSchema, workspaceExportJsonSchema, type ExportFormatList } from '@marginalia/shared';
import { ApiZodResponse, ZodValidationPipe } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Public } from '../auth/public.decorator.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import type { ExportOptions, ExportOutput } from './export-format.js';
import { EXPORT_FORMATS } from './export-formats.js';
import { ExportsService } from './exports.service.js';

const FILTER_NAMES = new Set(['documents', 'tags', 'analysts', 'maps']);
const filtersPipe = new ZodValidationPipe(ExportFiltersSchema, 'export filters');

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** The registered formats and their options, for the Exports page and API users. */
  @Get('export-formats')
  @ApiZodResponse(ExportFormatListSchema)
  formats(): ExportFormatList {
    return { formats: EXPORT_FORMATS.map(({ id, label, description, mediaType, extension, options }) => ({ id, label, description, mediaType, extension, options: (options ?? []).map((option) => ({ ...option, choices: option.choices?.map((choice) => ({ ...choice })) })) })) };
  }

  /** The JSON Schema (2020-12) of the `json` export and of the import body. */
  @Get('schemas/workspace-export.json')
  @Public()
  @Header('content-type', 'application/schema+json; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  schema(): Record<string, unknown> {
    return workspaceExportJsonSchema();
  }

  /**
   * Downloads the workspace in `format`, narrowed by `documents`, `tags`, `analysts`, `maps`
   * (comma-separated ids). Other query parameters are the format's own options.
   */
  @Get('workspaces/:workspaceId/exports/:format')
  @WorkspaceAccess('workspace.export')
  async download(
    @Auth() auth: AuthContext,
    @Member() member: WorkspaceMember,
    @Param('format') formatId: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const raw = Object.fromEntries(Object.entries(query).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
    const filters = filtersPipe.transform(Object.fromEntries(Object.entries(raw).filter(([name]) => FILTER_NAMES.has(name))));
    const options: ExportOptions = Object.fromEntries(Object.entries(raw).filter(([name]) => !FILTER_NAMES.has(name)));
    const produced = await this.exports.produce(member, auth.user.id, formatId, filters, options);
    response.setHeader('Content-Disposition', contentDisposition(produced.filename));
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(toStream(produced.body), { type: produced.format.mediaType });
  }
}

function toStream(body: ExportOutput): Readable {
  if (typeof body === 'string') return Readable.from([Buffer.from(body, 'utf8')]);
  if (body instanceof Uint8Array) return Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]);
  return Readable.from(body, { objectMode: false });
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
