/** Public surface of the instance administration feature. */
export { AdminLayout } from './components/AdminLayout';
export { AdminUsersPage } from './components/AdminUsersPage';
export { AdminWorkspacesPage } from './components/AdminWorkspacesPage';
export { InstanceSettingsPage } from './components/InstanceSettingsPage';
export { AdminAuditPage } from './components/AdminAuditPage';
export { AdminHealthPage } from './components/AdminHealthPage';
export { AdminSetupPage } from './components/AdminSetupPage';
export { AdminEmailPage } from './components/AdminEmailPage';
export { InviteToInstanceDialog } from './components/InviteToInstanceDialog';
export { PasswordResetLinkButton } from './components/PasswordResetLinkButton';
export { SendTestEmailButton } from './components/SendTestEmailButton';
export { SsoRedirectUri } from './components/SsoRedirectUri';
