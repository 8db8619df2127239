import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditListSchema, AuditQuerySchema, type AuditList } from '@marginalia/shared';
import type { z } from 'zod';
import { ApiZodQuery, ValidQuery, ApiZodResponse } from '../../common/zod.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('workspaces/:workspaceId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first; page with `before` = the createdAt of the last entry seen. */
  @ApiZodResponse(AuditListSchema)
  @Get()
  @WorkspaceAccess('audit.read')
  @ApiZodQuery(AuditQuerySchema)
  async list(@Member() member: WorkspaceMember, @ValidQuery(AuditQuerySchema) query: z.output<typeof AuditQuerySchema>): Promise<AuditList> {
    return { entries: await this.audit.list(member.workspaceId, query) };
  }
}
