/** Public surface of the audit feature. */
export { AuditLog } from './components/AuditLog';
export type { PeopleById } from './describe-entry';
