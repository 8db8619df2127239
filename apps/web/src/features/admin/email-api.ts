/** Instance administration of email: test message, outbox, reset links, instance invitations. */
import type { CreateInstanceInviteBody, CreatedInstanceInvite, InstanceInviteList, OutboxList, PasswordResetLink, SendTestEmailResult } from '@marginalia/shared';
import { api } from '../../lib/api-client';

export const emailAdminKeys = {
  outbox: ['admin', 'email', 'outbox'] as const,
  invitations: ['admin', 'invitations'] as const,
};

export const sendTestEmail = () => api.post<SendTestEmailResult>('/admin/email/test');
export const fetchOutbox = () => api.get<OutboxList>('/admin/email/outbox');
export const retryOutboxMessage = (messageId: string) => api.post<undefined>(`/admin/email/outbox/${encodeURIComponent(messageId)}/retry`);
export const createPasswordResetLink = (userId: string) => api.post<PasswordResetLink>(`/admin/users/${encodeURIComponent(userId)}/password-reset-link`);
export const listInstanceInvitations = async () => (await api.get<InstanceInviteList>('/admin/invitations')).invites;
export const inviteToInstance = (body: CreateInstanceInviteBody) => api.post<CreatedInstanceInvite>('/admin/invitations', body);
export const revokeInstanceInvitation = (inviteId: string) => api.delete(`/admin/invitations/${encodeURIComponent(inviteId)}`);
