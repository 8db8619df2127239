/**
 * The one authorization mechanism for workspace routes: `@WorkspaceAccess('members.manage')`
 * on a handler with a `:workspaceId` parameter. A caller who is not a member gets 404, exactly
 * like a workspace that does not exist; a member whose role is too low gets 403.
 */
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
  SetMetadata,
  UseGuards,
  applyDecorators,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiParam } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIONS_BLOCKED_WHEN_ARCHIVED, WORKSPACE_POLICY, canPerform, type WorkspaceAction, type WorkspaceRole } from '@marginalia/shared';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/auth-context.js';
import { escapeForLog } from '../../common/logger.js';

const WORKSPACE_ACTION = 'marginalia:workspaceAction';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the guard learned, for the handler: the workspace and the caller's role in it. */
export interface WorkspaceMember {
  workspaceId: string;
  role: WorkspaceRole;
  archived: boolean;
}

type WorkspaceRequest = AuthenticatedRequest & { workspaceMember?: WorkspaceMember };

export function notFoundWorkspace(): NotFoundException {
  return new NotFoundException('workspace not found');
}

@Injectable()
export class WorkspaceAccessGuard implements CanActivate {
  private readonly logger = new Logger('Security');

  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<WorkspaceAction | undefined>(WORKSPACE_ACTION, context.getHandler());
    if (!action) throw new Error('WorkspaceAccessGuard used without @WorkspaceAccess(action)');
    const request = context.switchToHttp().getRequest<WorkspaceRequest>();
    const workspaceId = request.params.workspaceId;
    if (typeof workspaceId !== 'string' || !UUID.test(workspaceId)) throw notFoundWorkspace();
    const standing = await readStanding(this.dataSource, workspaceId, request.auth.user.id);
    const member = standing ? { workspaceId, ...standing } : null;
    if (!member) {
      this.logger.warn(`denied ${action}: not a member user=${request.auth.user.id} workspace=${escapeForLog(workspaceId)}`);
      throw notFoundWorkspace();
    }
    if (!canPerform(member.role, action)) {
      this.logger.warn(`denied ${action}: role ${member.role} user=${request.auth.user.id} workspace=${workspaceId}`);
      throw new ForbiddenException(`this needs the ${WORKSPACE_POLICY[action]} role or higher; you are ${member.role}`);
    }
    if (member.archived && ACTIONS_BLOCKED_WHEN_ARCHIVED.has(action)) {
      throw new ConflictException('this workspace is archived; an owner can unarchive it');
    }
    request.workspaceMember = member;
    return true;
  }

}

/** A user's role in a workspace and whether it is archived; null when they are not a member. For REST and sockets alike. */
export async function readStanding(dataSource: DataSource, workspaceId: string, userId: string): Promise<{ role: WorkspaceRole; archived: boolean } | null> {
  const rows = (await dataSource.query(
    `SELECT m.role, w.archived_at IS NOT NULL AS archived
       FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
      WHERE m.workspace_id = $1 AND m.user_id = $2`,
    [workspaceId, userId],
  )) as { role: WorkspaceRole; archived: boolean }[];
  return rows[0] ?? null;
}

/** Requires membership of `:workspaceId` with at least the role that `action` needs. */
export function WorkspaceAccess(action: WorkspaceAction): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(WORKSPACE_ACTION, action),
    UseGuards(WorkspaceAccessGuard),
    ApiParam({ name: 'workspaceId', format: 'uuid' }),
  );
}

/** The caller's membership, as checked by WorkspaceAccess. */
export const Member = createParamDecorator((_data: unknown, context: ExecutionContext): WorkspaceMember => {
  const member = context.switchToHttp().getRequest<WorkspaceRequest>().workspaceMember;
  if (!member) throw new Error('@Member() used on a route without @WorkspaceAccess');
  return member;
});
