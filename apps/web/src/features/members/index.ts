/** Public surface of the members feature. */
export { memberKeys } from './api';
export { MembersPage } from './components/MembersPage';
export { useLeaveWorkspace, useMembers } from './hooks/useMembers';
