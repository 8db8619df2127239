/**
 * The live side of the workspace shell: keeps cached data current from workspace events,
 * reports where this person is for the presence list, and shows the connection's state.
 */
import { useCurrentWorkspace } from '../../workspaces';
import { useReportLocation } from '../hooks/useReportLocation';
import { useWorkspaceEvents } from '../hooks/useWorkspaceEvents';
import { ConnectionIndicator } from './ConnectionIndicator';

export function WorkspaceLiveStatus() {
  const workspace = useCurrentWorkspace();
  useWorkspaceEvents(workspace.id);
  useReportLocation(workspace.id);
  return <ConnectionIndicator />;
}
