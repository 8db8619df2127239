import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  CodedSegmentListSchema,
  CodedSegmentsQuerySchema,
  TagCoOccurrenceSchema,
  TagFrequenciesSchema,
  TagStatisticsQuerySchema,
  type CodedSegmentList,
  type TagCoOccurrence,
  type TagFrequencies,
  type TagStatisticsQuery,
} from '@marginalia/shared';
import { ApiZodQuery, ApiZodResponse, ValidQuery } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { CodedSegmentsService } from './coded-segments.service.js';

@ApiTags('annotations')
@Controller('workspaces/:workspaceId')
export class CodedSegmentsController {
  constructor(private readonly segments: CodedSegmentsService) {}

  /** Every span coded with a tag (and its sub-tags), in document order, with context and citation. */
  @Get('coded-segments')
  @WorkspaceAccess('content.read')
  @ApiZodQuery(CodedSegmentsQuerySchema)
  @ApiZodResponse(CodedSegmentListSchema)
  async list(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidQuery(CodedSegmentsQuerySchema) query: z.output<typeof CodedSegmentsQuerySchema>): Promise<CodedSegmentList> {
    return await this.segments.segments({ member, userId: auth.user.id }, query);
  }

  /** Annotations per tag and document, and per tag and analyst. */
  @Get('tag-frequencies')
  @WorkspaceAccess('content.read')
  @ApiZodQuery(TagStatisticsQuerySchema)
  @ApiZodResponse(TagFrequenciesSchema)
  async frequencies(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidQuery(TagStatisticsQuerySchema) query: TagStatisticsQuery): Promise<TagFrequencies> {
    return await this.segments.frequencies({ member, userId: auth.user.id }, query);
  }

  /** Passages per tag, and per pair of tags occurring in the same passage. */
  @Get('tag-co-occurrence')
  @WorkspaceAccess('content.read')
  @ApiZodQuery(TagStatisticsQuerySchema)
  @ApiZodResponse(TagCoOccurrenceSchema)
  async coOccurrence(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidQuery(TagStatisticsQuerySchema) query: TagStatisticsQuery): Promise<TagCoOccurrence> {
    return await this.segments.coOccurrence({ member, userId: auth.user.id }, query);
  }
}
