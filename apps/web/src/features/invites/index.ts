/** Public surface of the invites feature: the page behind an invite link. */
export { InvitePage } from './components/InvitePage';
export { MyInvitations } from './components/MyInvitations';
