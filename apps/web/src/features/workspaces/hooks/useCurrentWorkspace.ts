/**
 * The workspace of the current /w/:workspaceId screen. The shell loads it once and provides
 * it, so pages inside never render before it is known and never refetch it themselves.
 */
import type { Workspace, WorkspaceAction } from '@marginalia/shared';
import { ACTIONS_BLOCKED_WHEN_ARCHIVED, canPerform } from '@marginalia/shared';
import { createContext, useContext } from 'react';

export const CurrentWorkspaceContext = createContext<Workspace | null>(null);

export function useCurrentWorkspace(): Workspace {
  const workspace = useContext(CurrentWorkspaceContext);
  if (!workspace) throw new Error('useCurrentWorkspace must be used inside the workspace shell');
  return workspace;
}

/** The client-side mirror of the API policy, used only to hide or disable controls. */
export function useWorkspacePermission(action: WorkspaceAction): boolean {
  const workspace = useCurrentWorkspace();
  if (workspace.archivedAt !== null && ACTIONS_BLOCKED_WHEN_ARCHIVED.has(action)) return false;
  return canPerform(workspace.myRole, action);
}
