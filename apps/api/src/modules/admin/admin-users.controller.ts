/** /api/admin/users: accounts on the instance (instance admins only). */
import { Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AdminUserListSchema,
  AdminUserMembershipsSchema,
  AdminUserQuerySchema,
  AdminUserSchema,
  RemoveUserBodySchema,
  UpdateUserRoleBodySchema,
  UpdateUserStatusBodySchema,
  type AdminUser,
  type AdminUserList,
  type AdminUserMemberships,
  type AdminUserQuery,
  type RemoveUserBody,
  type UpdateUserRoleBody,
  type UpdateUserStatusBody,
} from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '../../common/zod.js';
import { clientIp, type AuthContext, type AuthenticatedRequest } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { AccountRemoval } from './account-removal.service.js';
import { AdminUsersService } from './admin-users.service.js';
import { InstanceAdminOnly } from './instance-admin.guard.js';

@ApiTags('admin')
@Controller('admin/users')
@InstanceAdminOnly()
export class AdminUsersController {
  constructor(
    private readonly users: AdminUsersService,
    private readonly removal: AccountRemoval,
  ) {}

  @ApiOperation({ summary: 'Accounts, filtered by text (email or name) and by kind (admins, disabled, active)' })
  @ApiZodResponse(AdminUserListSchema)
  @ApiZodQuery(AdminUserQuerySchema)
  @Get()
  async list(@ValidQuery(AdminUserQuerySchema) query: AdminUserQuery): Promise<AdminUserList> {
    return { users: await this.users.list(query) };
  }

  @ApiOperation({ summary: 'Disable (sessions, tokens and sockets end at once) or re-enable an account' })
  @ApiZodResponse(AdminUserSchema)
  @Patch(':userId')
  @ApiZodBody(UpdateUserStatusBodySchema)
  async update(
    @Auth() auth: AuthContext,
    @Req() request: AuthenticatedRequest,
    @UuidParam('userId', 'user') userId: string,
    @ValidBody(UpdateUserStatusBodySchema) body: UpdateUserStatusBody,
  ): Promise<AdminUser> {
    return await this.users.setDisabled(auth.user.id, userId, body.disabled, clientIp(request));
  }

  @ApiOperation({ summary: 'Promote to or demote from instance admin; the last active admin cannot be demoted (409)' })
  @ApiZodResponse(AdminUserSchema)
  @Patch(':userId/role')
  @ApiZodBody(UpdateUserRoleBodySchema)
  async setRole(
    @Auth() auth: AuthContext,
    @Req() request: AuthenticatedRequest,
    @UuidParam('userId', 'user') userId: string,
    @ValidBody(UpdateUserRoleBodySchema) body: UpdateUserRoleBody,
  ): Promise<AdminUser> {
    return await this.users.setInstanceAdmin(auth.user.id, userId, body.isInstanceAdmin, clientIp(request));
  }

  @ApiOperation({ summary: "The user's workspaces and roles, and which of them only they own" })
  @ApiZodResponse(AdminUserMembershipsSchema)
  @Get(':userId/memberships')
  async memberships(@UuidParam('userId', 'user') userId: string): Promise<AdminUserMemberships> {
    return { memberships: await this.users.memberships(userId) };
  }

  @ApiOperation({ summary: 'Remove an account for good; each workspace only they own is transferred or deleted; their annotations and comments stay, by "a removed user"' })
  @Post(':userId/remove')
  @HttpCode(204)
  @ApiZodBody(RemoveUserBodySchema)
  async remove(
    @Auth() auth: AuthContext,
    @Req() request: AuthenticatedRequest,
    @UuidParam('userId', 'user') userId: string,
    @ValidBody(RemoveUserBodySchema) body: RemoveUserBody,
  ): Promise<void> {
    await this.removal.remove(auth.user.id, userId, { confirmEmail: body.confirmEmail, workspaces: body.workspaces ?? [] }, clientIp(request));
  }
}
