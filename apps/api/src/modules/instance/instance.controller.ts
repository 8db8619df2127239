/** GET /api/instance: the settings the web client adapts to (public, nothing secret). */
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstanceSettingsSchema, passwordSignInOffered, type InstanceSettings } from '@marginalia/shared';
import { ApiZodResponse } from '../../common/zod.js';
import { Public } from '../auth/public.decorator.js';
import { InstanceSettingsService } from './instance-settings.service.js';

@ApiTags('instance')
@Controller('instance')
export class InstanceController {
  constructor(private readonly settings: InstanceSettingsService) {}

  @Public()
  @ApiZodResponse(InstanceSettingsSchema)
  @Get()
  async settingsForClients(): Promise<InstanceSettings> {
    const current = await this.settings.current();
    return {
      registration: current.registration,
      workspaceCreation: current.workspaceCreation,
      defaultMemberRole: current.defaultMemberRole,
      maxUploadMegabytes: current.maxUploadMegabytes,
      markdownRemoteImages: current.markdownRemoteImages,
      passwordSignIn: passwordSignInOffered(current),
      email: current.smtpUrl !== null,
      sso: { enabled: current.oidcIssuer !== null && current.oidcClientId !== null, label: current.oidcDisplayName },
    };
  }
}
