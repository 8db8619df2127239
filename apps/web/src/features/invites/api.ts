/** Invite links: a public preview, and accepting while signed in with the invited email. */
import type { AcceptInviteResult, InvitePreview, MyInvitationList } from '@marginalia/shared';
import { api } from '../../lib/api-client';

export const inviteKeys = {
  preview: (token: string) => ['invites', token] as const,
  mine: ['invitations'] as const,
};

const path = (token: string) => `/invites/${encodeURIComponent(token)}`;

export const getInvitePreview = (token: string) => api.get<InvitePreview>(path(token));
export const acceptInvite = (token: string) => api.post<AcceptInviteResult>(`${path(token)}/accept`);

/** Invitations addressed to the signed-in account, answered in the app. */
export const listMyInvitations = async () => (await api.get<MyInvitationList>('/invitations')).invitations;
export const answerInvitation = (inviteId: string, answer: 'accept' | 'decline') => api.post<AcceptInviteResult>(`/invitations/${encodeURIComponent(inviteId)}/${answer}`);
