import { Module } from '@nestjs/common';
import { AdminUsersController } from './admin-users.controller.js';
import { AdminUsersService } from './admin-users.service.js';
import { InstanceAdminGuard } from './instance-admin.guard.js';

@Module({
  controllers: [AdminUsersController],
  providers: [AdminUsersService, InstanceAdminGuard],
})
export class AdminModule {}
