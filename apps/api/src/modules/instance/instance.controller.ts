/** GET /api/instance: the settings the web client adapts to (public, nothing secret). */
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstanceSettingsSchema, type InstanceSettings } from '@marginalia/shared';
import { ApiZodResponse } from '../../common/zod.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { Public } from '../auth/public.decorator.js';

@ApiTags('instance')
@Controller('instance')
export class InstanceController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @ApiZodResponse(InstanceSettingsSchema)
  @Get()
  settings(): InstanceSettings {
    return { registration: this.config.REGISTRATION, markdownRemoteImages: this.config.MARKDOWN_REMOTE_IMAGES };
  }
}
