import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AdminUserListSchema,
  AdminUserSchema,
  UpdateUserStatusBodySchema,
  type AdminUser,
  type AdminUserList,
  type UpdateUserStatusBody,
} from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ValidBody, ApiZodResponse } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { AdminUsersService } from './admin-users.service.js';
import { InstanceAdminOnly } from './instance-admin.guard.js';

@ApiTags('admin')
@Controller('admin/users')
@InstanceAdminOnly()
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @ApiZodResponse(AdminUserListSchema)
  @Get()
  async list(): Promise<AdminUserList> {
    return { users: await this.users.list() };
  }

  @ApiZodResponse(AdminUserSchema)
  @Patch(':userId')
  @ApiZodBody(UpdateUserStatusBodySchema)
  async update(@Auth() auth: AuthContext, @UuidParam('userId', 'user') userId: string, @ValidBody(UpdateUserStatusBodySchema) body: UpdateUserStatusBody): Promise<AdminUser> {
    return await this.users.setDisabled(auth.user.id, userId, body.disabled);
  }
}
