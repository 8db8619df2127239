/** Public surface of the audit feature. */
import './workspace-events';
export { auditKeys } from './api';
export { AuditLog } from './components/AuditLog';
export type { PeopleById } from './describe-entry';
