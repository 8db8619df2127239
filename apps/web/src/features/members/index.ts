/** Public surface of the members feature. */
export { MembersPage } from './components/MembersPage';
export { useLeaveWorkspace, useMembers } from './hooks/useMembers';
