import { Module } from '@nestjs/common';
import { AnchorsModule } from '../anchors/anchors.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CodebookModule } from '../codebook/codebook.module.js';
import { MapsModule } from '../maps/maps.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { ThreadAnchors } from './thread-anchors.js';
import { ThreadsController } from './threads.controller.js';
import { ThreadsService } from './threads.service.js';

/** Discussion: threads anchored to what they discuss, comments, notifications. */
@Module({
  imports: [AnchorsModule, AuditModule, CodebookModule, MapsModule],
  controllers: [ThreadsController, CommentsController, NotificationsController],
  providers: [ThreadAnchors, ThreadsService, CommentsService, NotificationsService],
})
export class DiscussionModule {}
