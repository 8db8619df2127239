import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstanceSettingRecord } from './instance-setting.entity.js';
import { InstanceSettingsController } from './instance-settings.controller.js';
import { InstanceSettingsService } from './instance-settings.service.js';
import { InstanceController } from './instance.controller.js';

/** Global: registration, sessions, invites, uploads, email and sign-in all read the instance settings. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([InstanceSettingRecord])],
  controllers: [InstanceController, InstanceSettingsController],
  providers: [InstanceSettingsService],
  exports: [InstanceSettingsService],
})
export class InstanceModule {}
