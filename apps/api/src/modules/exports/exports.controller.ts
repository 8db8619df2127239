/**
 * Export routes: the format listing, the download (any registered format, with a session or a
 * personal access token), and the published JSON Schema of Marginalia's export format.
 */
import { Controller, Get, Header, NotFoundException, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { ExportFormatListSchema, workspaceExportJsonSchema, type ExportFormatList } from '@marginalia/shared';
import { ApiZodResponse } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Public } from '../auth/public.decorator.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { setDownloadHeaders } from './download-headers.js';
import type { ExportOutput } from './export-format.js';
import { EXPORT_FORMATS, findExportFormat } from './export-formats.js';
import { parseExportParameters } from './export-request.js';
import { ExportSizes } from './export-size.js';
import { ExportsService } from './exports.service.js';

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly sizes: ExportSizes,
  ) {}

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
   * (comma-separated ids). Other query parameters are the format's own options. A selection
   * over EXPORT_LIMITS (annotations or text) answers 409: run it as a background job instead.
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
    const { filters, options } = parseExportParameters(query);
    if (!findExportFormat(formatId)) throw new NotFoundException(`no export format "${formatId.slice(0, 40)}"`);
    await this.sizes.assertDirect(member.workspaceId, filters);
    const produced = await this.exports.produce(member, auth.user.id, formatId, filters, options);
    setDownloadHeaders(response, produced.filename);
    return new StreamableFile(toStream(produced.body), { type: produced.format.mediaType });
  }
}

function toStream(body: ExportOutput): Readable {
  if (typeof body === 'string') return Readable.from([Buffer.from(body, 'utf8')]);
  if (body instanceof Uint8Array) return Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]);
  return Readable.from(body, { objectMode: false });
}
