/** /api/admin/workspaces: the overview of every workspace, and what an instance admin may do to one. */
import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AdminDeleteWorkspaceBodySchema,
  AdminTransferWorkspaceBodySchema,
  AdminWorkspaceListSchema,
  AdminWorkspaceQuerySchema,
  AdminWorkspaceSchema,
  type AdminDeleteWorkspaceBody,
  type AdminTransferWorkspaceBody,
  type AdminWorkspace,
  type AdminWorkspaceList,
  type AdminWorkspaceQuery,
} from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '../../common/zod.js';
import { clientIp, type AuthContext, type AuthenticatedRequest } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { AdminWorkspacesService } from './admin-workspaces.service.js';
import { InstanceAdminOnly } from './instance-admin.guard.js';

@ApiTags('admin')
@Controller('admin/workspaces')
@InstanceAdminOnly()
export class AdminWorkspacesController {
  constructor(private readonly workspaces: AdminWorkspacesService) {}

  @ApiOperation({ summary: 'Every workspace with owners, counts, storage, last activity and state (active, archived, orphaned)' })
  @ApiZodResponse(AdminWorkspaceListSchema)
  @ApiZodQuery(AdminWorkspaceQuerySchema)
  @Get()
  async list(@Auth() auth: AuthContext, @ValidQuery(AdminWorkspaceQuerySchema) query: AdminWorkspaceQuery): Promise<AdminWorkspaceList> {
    return { workspaces: await this.workspaces.list(auth.user.id, query) };
  }

  @ApiZodResponse(AdminWorkspaceSchema)
  @Post(':workspaceId/archive')
  @HttpCode(200)
  async archive(@Auth() auth: AuthContext, @Req() request: AuthenticatedRequest, @UuidParam('workspaceId', 'workspace') workspaceId: string): Promise<AdminWorkspace> {
    return await this.workspaces.setArchived(auth.user.id, workspaceId, true, clientIp(request));
  }

  @ApiZodResponse(AdminWorkspaceSchema)
  @Post(':workspaceId/restore')
  @HttpCode(200)
  async restore(@Auth() auth: AuthContext, @Req() request: AuthenticatedRequest, @UuidParam('workspaceId', 'workspace') workspaceId: string): Promise<AdminWorkspace> {
    return await this.workspaces.setArchived(auth.user.id, workspaceId, false, clientIp(request));
  }

  @ApiOperation({ summary: "Delete a workspace and everything in it; the body repeats the workspace's name" })
  @Post(':workspaceId/delete')
  @HttpCode(204)
  @ApiZodBody(AdminDeleteWorkspaceBodySchema)
  async remove(
    @Auth() auth: AuthContext,
    @Req() request: AuthenticatedRequest,
    @UuidParam('workspaceId', 'workspace') workspaceId: string,
    @ValidBody(AdminDeleteWorkspaceBodySchema) body: AdminDeleteWorkspaceBody,
  ): Promise<void> {
    await this.workspaces.remove(auth.user.id, workspaceId, body.confirmName, clientIp(request));
  }

  @ApiOperation({ summary: 'Make a person owner (joining if needed); owners whose accounts are disabled step down to admin' })
  @ApiZodResponse(AdminWorkspaceSchema)
  @Post(':workspaceId/transfer-ownership')
  @HttpCode(200)
  @ApiZodBody(AdminTransferWorkspaceBodySchema)
  async transfer(
    @Auth() auth: AuthContext,
    @Req() request: AuthenticatedRequest,
    @UuidParam('workspaceId', 'workspace') workspaceId: string,
    @ValidBody(AdminTransferWorkspaceBodySchema) body: AdminTransferWorkspaceBody,
  ): Promise<AdminWorkspace> {
    return await this.workspaces.assignOwner(auth.user.id, workspaceId, body.userId, clientIp(request));
  }

  @ApiOperation({ summary: 'Add the calling admin as owner of a workspace that has no active owner' })
  @ApiZodResponse(AdminWorkspaceSchema)
  @Post(':workspaceId/add-me-as-owner')
  @HttpCode(200)
  async join(@Auth() auth: AuthContext, @Req() request: AuthenticatedRequest, @UuidParam('workspaceId', 'workspace') workspaceId: string): Promise<AdminWorkspace> {
    return await this.workspaces.assignOwner(auth.user.id, workspaceId, auth.user.id, clientIp(request));
  }
}
