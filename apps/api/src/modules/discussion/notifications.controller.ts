import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { MarkNotificationsReadBodySchema, NotificationListQuerySchema, NotificationListSchema, type MarkNotificationsReadBody, type NotificationList } from '@marginalia/shared';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, ValidBody, ValidQuery } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('discussion')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's mentions and replies, newest first (?unread=true for unread only), and the unread count" })
  @ApiZodQuery(NotificationListQuerySchema)
  @ApiZodResponse(NotificationListSchema)
  async list(@Auth() auth: AuthContext, @ValidQuery(NotificationListQuerySchema) query: z.output<typeof NotificationListQuerySchema>): Promise<NotificationList> {
    return this.notifications.list(auth.user.id, query.unread ?? false);
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks notifications read: { ids } or { all: true }' })
  @ApiZodBody(MarkNotificationsReadBodySchema)
  async markRead(@Auth() auth: AuthContext, @ValidBody(MarkNotificationsReadBodySchema) body: MarkNotificationsReadBody): Promise<void> {
    await this.notifications.markRead(auth.user.id, body as { ids: string[] } | { all: true });
  }
}
