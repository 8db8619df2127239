/** Public surface of the instance administration feature. */
export { AdminUsersPage } from './components/AdminUsersPage';
export { AdminSetupPage } from './components/AdminSetupPage';
export { AdminEmailPage } from './components/AdminEmailPage';
export { InviteToInstanceDialog } from './components/InviteToInstanceDialog';
export { PasswordResetLinkButton } from './components/PasswordResetLinkButton';
export { SendTestEmailButton } from './components/SendTestEmailButton';
