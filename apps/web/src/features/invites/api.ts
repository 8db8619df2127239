/** Invite links: a public preview, and accepting while signed in with the invited email. */
import type { AcceptInviteResult, InvitePreview } from '@marginalia/shared';
import { api } from '../../lib/api-client';

export const inviteKeys = {
  preview: (token: string) => ['invites', token] as const,
};

const path = (token: string) => `/invites/${encodeURIComponent(token)}`;

export const getInvitePreview = (token: string) => api.get<InvitePreview>(path(token));
export const acceptInvite = (token: string) => api.post<AcceptInviteResult>(`${path(token)}/accept`);
