/** Public surface of the live workspace: connection state, presence, and data kept current by events. */
export { ConnectionIndicator } from './components/ConnectionIndicator';
export { PresenceList } from './components/PresenceList';
export { WorkspaceLiveStatus } from './components/WorkspaceLiveStatus';
export { initialsOf } from './describe-location';
export { usePresence } from './hooks/usePresence';
export { useWorkspaceEvents } from './hooks/useWorkspaceEvents';
