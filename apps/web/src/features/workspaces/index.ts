/** Public surface of the workspaces feature: the list, the shell, and the current workspace. */
import './workspace-events';
export { workspaceKeys } from './api';
export { WorkspaceShell } from './components/WorkspaceShell';
export { WorkspacesPage } from './components/WorkspacesPage';
export { WORKSPACE_SECTIONS } from './components/WorkspaceNav';
export { useCurrentWorkspace, useWorkspacePermission } from './hooks/useCurrentWorkspace';
export { prefetchWorkspace, useDeleteWorkspace, useSetArchived, useTransferOwnership, useUpdateWorkspace } from './hooks/useWorkspaces';
