import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UpdateUserStatusBodySchema, type AdminUser, type AdminUserList, type UpdateUserStatusBody } from '@marginalia/shared';
import { UuidParam } from '../../common/uuid-param.js';
import { ApiZodBody, ValidBody } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { AdminUsersService } from './admin-users.service.js';
import { InstanceAdminOnly } from './instance-admin.guard.js';

@ApiTags('admin')
@Controller('admin/users')
@InstanceAdminOnly()
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  async list(): Promise<AdminUserList> {
    return { users: await this.users.list() };
  }

  @Patch(':userId')
  @ApiZodBody(UpdateUserStatusBodySchema)
  async update(@Auth() auth: AuthContext, @UuidParam('userId', 'user') userId: string, @ValidBody(UpdateUserStatusBodySchema) body: UpdateUserStatusBody): Promise<AdminUser> {
    return await this.users.setDisabled(auth.user.id, userId, body.disabled);
  }
}
