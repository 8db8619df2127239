import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { InvitesController } from './invites.controller.js';
import { InvitesService } from './invites.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { WorkspaceAccessGuard } from './workspace-access.js';
import { WorkspacesController } from './workspaces.controller.js';
import { WorkspacesService } from './workspaces.service.js';

@Module({
  imports: [AuditModule],
  controllers: [WorkspacesController, MembersController, InvitesController],
  providers: [WorkspacesService, MembersService, InvitesService, WorkspaceAccessGuard],
  exports: [WorkspaceAccessGuard, WorkspacesService],
})
export class WorkspacesModule {}
