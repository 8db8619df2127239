/**
 * Membership changes serialise on the workspace's membership rows (SELECT ... FOR UPDATE), and
 * re-read the actor's role under that lock: the role the guard saw may have changed since.
 */
import { ForbiddenException } from '@nestjs/common';
import type { WorkspaceRole } from '@marginalia/shared';
import type { EntityManager } from 'typeorm';
import { Membership } from './membership.entity.js';
import { notFoundWorkspace } from './workspace-access.js';

export async function lockMemberships(manager: EntityManager, workspaceId: string): Promise<Membership[]> {
  return await manager.createQueryBuilder(Membership, 'm').setLock('pessimistic_write').where('m.workspace_id = :workspaceId', { workspaceId }).getMany();
}

/** The actor's role as of the lock; a member removed meanwhile no longer sees the workspace. */
export function lockedRoleOf(memberships: Membership[], userId: string, atLeastAdmin = true): WorkspaceRole {
  const role = memberships.find((membership) => membership.userId === userId)?.role;
  if (!role) throw notFoundWorkspace();
  if (atLeastAdmin && role !== 'owner' && role !== 'admin') throw new ForbiddenException('your role in this workspace has changed; reload and try again');
  return role;
}
