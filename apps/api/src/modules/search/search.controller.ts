import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SearchQuerySchema, SearchResponseSchema, type SearchResponse } from '@marginalia/shared';
import type { z } from 'zod';
import { ApiZodQuery, ApiZodResponse, ValidQuery } from '../../common/zod.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { SearchService } from './search.service.js';

/**
 * Passages of the workspace matching q. A filter naming a row of another workspace (a
 * documentId, an actorId) simply matches nothing: 200 with no results, like any filter that
 * matches nothing, so the answer says nothing about other workspaces.
 */
@ApiTags('search')
@Controller('workspaces/:workspaceId/search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @WorkspaceAccess('content.read')
  @ApiZodQuery(SearchQuerySchema)
  @ApiZodResponse(SearchResponseSchema)
  async search(@Member() member: WorkspaceMember, @ValidQuery(SearchQuerySchema) query: z.output<typeof SearchQuerySchema>): Promise<SearchResponse> {
    return await this.searchService.search(member.workspaceId, query);
  }
}
