import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { AgreementQuerySchema, AgreementReportSchema, type AgreementReport } from '@marginalia/shared';
import { ApiZodQuery, ApiZodResponse, ValidQuery } from '../../common/zod.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { AgreementService } from './agreement.service.js';

@ApiTags('annotations')
@Controller('workspaces/:workspaceId/agreement')
export class AgreementController {
  constructor(private readonly agreement: AgreementService) {}

  /**
   * Inter-coder agreement of `analysts` (comma-separated ids, two or more) over `documents` and
   * `tags` (default all): per tag and overall, with passages as units, plus character level.
   */
  @Get()
  @WorkspaceAccess('content.read')
  @ApiZodQuery(AgreementQuerySchema)
  @ApiZodResponse(AgreementReportSchema)
  async compare(@Member() member: WorkspaceMember, @ValidQuery(AgreementQuerySchema) query: z.output<typeof AgreementQuerySchema>): Promise<AgreementReport> {
    return await this.agreement.compare(member.workspaceId, query);
  }
}
