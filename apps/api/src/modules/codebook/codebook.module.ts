import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CodingSettingsController } from './coding-settings.controller.js';
import { CodingSettingsService } from './coding-settings.service.js';
import { TagsController } from './tags.controller.js';
import { TagsService } from './tags.service.js';

/** The codebook (tags) and the workspace's coding settings (editors adding tags, blind coding). */
@Module({
  imports: [AuditModule],
  controllers: [TagsController, CodingSettingsController],
  providers: [TagsService, CodingSettingsService],
  exports: [CodingSettingsService],
})
export class CodebookModule {}
