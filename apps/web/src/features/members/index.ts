/** Public surface of the members feature. */
import './workspace-events';
export { memberKeys } from './api';
export { MembersPage } from './components/MembersPage';
export { useLeaveWorkspace, useMembers } from './hooks/useMembers';
