/** GET/PATCH /api/admin/settings: the instance settings form (instance admins only). */
import { Controller, Get, Patch, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminInstanceSettingsSchema, UpdateInstanceSettingsBodySchema, type AdminInstanceSettings, type UpdateInstanceSettingsBody } from '@marginalia/shared';
import { ApiZodBody, ApiZodResponse, ValidBody } from '../../common/zod.js';
import { InstanceAdminOnly } from '../admin/instance-admin.guard.js';
import { clientIp, type AuthContext, type AuthenticatedRequest } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { InstanceSettingsService } from './instance-settings.service.js';

@ApiTags('admin')
@Controller('admin/settings')
@InstanceAdminOnly()
export class InstanceSettingsController {
  constructor(private readonly settings: InstanceSettingsService) {}

  @ApiZodResponse(AdminInstanceSettingsSchema)
  @Get()
  async list(): Promise<AdminInstanceSettings> {
    return { settings: await this.settings.adminView() };
  }

  @ApiZodResponse(AdminInstanceSettingsSchema)
  @ApiZodBody(UpdateInstanceSettingsBodySchema)
  @Patch()
  async update(@Auth() auth: AuthContext, @Req() request: AuthenticatedRequest, @ValidBody(UpdateInstanceSettingsBodySchema) body: UpdateInstanceSettingsBody): Promise<AdminInstanceSettings> {
    return { settings: await this.settings.update(auth.user.id, body, clientIp(request)) };
  }
}
