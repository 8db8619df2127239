import { Controller, Delete, Get, Header, HttpCode, Patch, Post, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  AnnotationListQuerySchema,
  AnnotationListSchema,
  AnnotationSchema,
  CreateAnnotationBodySchema,
  UpdateAnnotationBodySchema,
  type Annotation,
  type CreateAnnotationBody,
  type UpdateAnnotationBody,
} from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { AnnotationsService } from './annotations.service.js';

@ApiTags('annotations')
@Controller('workspaces/:workspaceId/annotations')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  /** Visible annotations in document order; `?documentId=` is the reader's one query per document. */
  @Get()
  @Header('content-type', 'application/json; charset=utf-8')
  @WorkspaceAccess('content.read')
  @ApiZodQuery(AnnotationListQuerySchema)
  @ApiZodResponse(AnnotationListSchema)
  async list(
    @Auth() auth: AuthContext,
    @Member() member: WorkspaceMember,
    @ValidQuery(AnnotationListQuerySchema) query: z.output<typeof AnnotationListQuerySchema>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | StreamableFile> {
    // An AnnotationList, serialised by Postgres; the reader's answer may come gzipped from the cache.
    const acceptsGzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const { json, gzip } = await this.annotations.list({ member, userId: auth.user.id }, query, acceptsGzip);
    if (!gzip) return json;
    response.setHeader('Content-Encoding', 'gzip');
    response.setHeader('Vary', 'Accept-Encoding');
    return new StreamableFile(gzip, { type: 'application/json; charset=utf-8', length: gzip.byteLength });
  }

  /** Codes a span (code points, end exclusive, may cross passages) with one or more tags. */
  @Post()
  @EmitsWorkspaceEvent('annotations.changed')
  @WorkspaceAccess('annotations.create')
  @ApiZodBody(CreateAnnotationBodySchema)
  @ApiZodResponse(AnnotationSchema, 201)
  async create(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidBody(CreateAnnotationBodySchema) body: CreateAnnotationBody): Promise<Annotation> {
    return await this.annotations.create({ member, userId: auth.user.id }, body);
  }

  /** One's own annotation (admins: anyone's): span, tags, memo. */
  @Patch(':annotationId')
  @EmitsWorkspaceEvent('annotations.changed')
  @WorkspaceAccess('annotations.create')
  @ApiZodBody(UpdateAnnotationBodySchema)
  @ApiZodResponse(AnnotationSchema)
  async update(
    @Auth() auth: AuthContext,
    @Member() member: WorkspaceMember,
    @UuidParam('annotationId', 'annotation') annotationId: string,
    @ValidBody(UpdateAnnotationBodySchema) body: UpdateAnnotationBody,
  ): Promise<Annotation> {
    return await this.annotations.update({ member, userId: auth.user.id }, annotationId, body);
  }

  @Delete(':annotationId')
  @HttpCode(204)
  @EmitsWorkspaceEvent('annotations.changed')
  @WorkspaceAccess('annotations.create')
  async remove(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @UuidParam('annotationId', 'annotation') annotationId: string): Promise<void> {
    await this.annotations.remove({ member, userId: auth.user.id }, annotationId);
  }
}
