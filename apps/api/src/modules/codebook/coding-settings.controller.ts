import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CodingSettingsSchema, UpdateCodingSettingsBodySchema, type CodingSettings, type UpdateCodingSettingsBody } from '@marginalia/shared';
import { ApiZodBody, ApiZodResponse, ValidBody } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { CodingSettingsService } from './coding-settings.service.js';

@ApiTags('codebook')
@Controller('workspaces/:workspaceId/coding-settings')
export class CodingSettingsController {
  constructor(private readonly settings: CodingSettingsService) {}

  @Get()
  @WorkspaceAccess('content.read')
  @ApiZodResponse(CodingSettingsSchema)
  async get(@Member() member: WorkspaceMember): Promise<CodingSettings> {
    return await this.settings.get(member.workspaceId);
  }

  /** Editors adding tags, blind coding on/off, and `revealed: true` to end a blind round. */
  @Patch()
  @EmitsWorkspaceEvent('codebook.changed')
  @WorkspaceAccess('codebook.manage')
  @ApiZodBody(UpdateCodingSettingsBodySchema)
  @ApiZodResponse(CodingSettingsSchema)
  async update(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidBody(UpdateCodingSettingsBodySchema) body: UpdateCodingSettingsBody): Promise<CodingSettings> {
    return await this.settings.update(member.workspaceId, auth.user.id, body);
  }
}
