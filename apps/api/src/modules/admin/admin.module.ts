import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { AccountRemoval } from './account-removal.service.js';
import { AdminAuditController } from './admin-audit.controller.js';
import { AdminAuditService } from './admin-audit.service.js';
import { AdminHealthController } from './admin-health.controller.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AdminUsersService } from './admin-users.service.js';
import { AdminWorkspacesController } from './admin-workspaces.controller.js';
import { AdminWorkspacesService } from './admin-workspaces.service.js';
import { InstanceAdminGuard } from './instance-admin.guard.js';
import { InstanceHealthService } from './instance-health.service.js';

/** The instance admin console: users, workspaces overview, audit log, health and metrics. */
@Module({
  imports: [AuthModule, WorkspacesModule],
  controllers: [AdminUsersController, AdminWorkspacesController, AdminAuditController, AdminHealthController],
  providers: [AdminUsersService, AccountRemoval, AdminWorkspacesService, AdminAuditService, InstanceHealthService, InstanceAdminGuard],
})
export class AdminModule {}
