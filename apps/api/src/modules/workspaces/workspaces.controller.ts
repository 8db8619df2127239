import { Controller, Delete, ForbiddenException, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateWorkspaceBodySchema,
  TransferOwnershipBodySchema,
  UpdateWorkspaceBodySchema,
  WorkspaceListSchema,
  WorkspaceSchema,
  type CreateWorkspaceBody,
  type TransferOwnershipBody,
  type UpdateWorkspaceBody,
  type Workspace,
  type WorkspaceList,
} from '@marginalia/shared';
import { ApiZodBody, ValidBody, ApiZodResponse } from '../../common/zod.js';
import { clientIp, type AuthContext, type AuthenticatedRequest } from '../auth/auth-context.js';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';
import { Auth } from '../auth/public.decorator.js';
import { Member, WorkspaceAccess, type WorkspaceMember } from './workspace-access.js';
import { WorkspacesService } from './workspaces.service.js';
import { EmitsWorkspaceEvent } from '../collab/emits-workspace-event.js';

export const WORKSPACE_CREATION_ADMINS_ONLY = 'on this instance only instance administrators can create workspaces; ask one to create it for you';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly settings: InstanceSettingsService,
  ) {}

  @ApiZodResponse(WorkspaceSchema, 201)
  @Post()
  @ApiZodBody(CreateWorkspaceBodySchema)
  async create(@Auth() auth: AuthContext, @ValidBody(CreateWorkspaceBodySchema) body: CreateWorkspaceBody): Promise<Workspace> {
    // The instance setting "who may create workspaces" (INSTANCE_SETTINGS.workspaceCreation).
    if (!auth.user.isInstanceAdmin && (await this.settings.get('workspaceCreation')) === 'admins') throw new ForbiddenException(WORKSPACE_CREATION_ADMINS_ONLY);
    return await this.workspaces.create(auth.user.id, body);
  }

  @ApiZodResponse(WorkspaceListSchema)
  @Get()
  async list(@Auth() auth: AuthContext): Promise<WorkspaceList> {
    return { workspaces: await this.workspaces.listForUser(auth.user.id) };
  }

  @ApiZodResponse(WorkspaceSchema)
  @Get(':workspaceId')
  @WorkspaceAccess('workspace.read')
  async get(@Auth() auth: AuthContext, @Member() member: WorkspaceMember): Promise<Workspace> {
    return await this.workspaces.getForMember(member.workspaceId, auth.user.id);
  }

  @ApiZodResponse(WorkspaceSchema)
  @Patch(':workspaceId')
  @EmitsWorkspaceEvent('workspace.updated')
  @WorkspaceAccess('workspace.update')
  @ApiZodBody(UpdateWorkspaceBodySchema)
  async update(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @ValidBody(UpdateWorkspaceBodySchema) body: UpdateWorkspaceBody): Promise<Workspace> {
    return await this.workspaces.update(member.workspaceId, auth.user.id, body);
  }

  @Delete(':workspaceId')
  @EmitsWorkspaceEvent('workspace.deleted')
  @HttpCode(204)
  @WorkspaceAccess('workspace.delete')
  async remove(@Auth() auth: AuthContext, @Member() member: WorkspaceMember, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.workspaces.remove(member.workspaceId, auth.user.id, clientIp(request));
  }

  @ApiZodResponse(WorkspaceSchema)
  @Post(':workspaceId/archive')
  @EmitsWorkspaceEvent('workspace.updated')
  @HttpCode(200)
  @WorkspaceAccess('workspace.archive')
  async archive(@Auth() auth: AuthContext, @Member() member: WorkspaceMember): Promise<Workspace> {
    return await this.workspaces.setArchived(member.workspaceId, auth.user.id, true);
  }

  @ApiZodResponse(WorkspaceSchema)
  @Post(':workspaceId/unarchive')
  @EmitsWorkspaceEvent('workspace.updated')
  @HttpCode(200)
  @WorkspaceAccess('workspace.archive')
  async unarchive(@Auth() auth: AuthContext, @Member() member: WorkspaceMember): Promise<Workspace> {
    return await this.workspaces.setArchived(member.workspaceId, auth.user.id, false);
  }

  @ApiZodResponse(WorkspaceSchema)
  @Post(':workspaceId/transfer-ownership')
  @EmitsWorkspaceEvent('members.changed')
  @HttpCode(200)
  @WorkspaceAccess('workspace.transferOwnership')
  @ApiZodBody(TransferOwnershipBodySchema)
  async transferOwnership(
    @Auth() auth: AuthContext,
    @Member() member: WorkspaceMember,
    @ValidBody(TransferOwnershipBodySchema) body: TransferOwnershipBody,
  ): Promise<Workspace> {
    return await this.workspaces.transferOwnership(member.workspaceId, auth.user.id, body.userId);
  }
}
