/** Members of a workspace and the invites that are still open. */
import type { AddMemberBody, AddMemberResult, BulkInviteBody, BulkInviteResult, InviteList, Member, MemberList, ResentInvite, UpdateMemberBody, WorkspaceRole } from '@marginalia/shared';
import { api } from '../../lib/api-client';
import { workspaceKeys } from '../workspaces';

export const memberKeys = {
  members: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'members'] as const,
  invites: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'invites'] as const,
};

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;

export const listMembers = async (workspaceId: string) => (await api.get<MemberList>(`${base(workspaceId)}/members`)).members;
export const addMember = (workspaceId: string, body: AddMemberBody) => api.post<AddMemberResult>(`${base(workspaceId)}/members`, body);
export const updateMemberRole = (workspaceId: string, userId: string, role: WorkspaceRole) =>
  api.patch<Member>(`${base(workspaceId)}/members/${encodeURIComponent(userId)}`, { role } satisfies UpdateMemberBody);
export const removeMember = (workspaceId: string, userId: string) => api.delete(`${base(workspaceId)}/members/${encodeURIComponent(userId)}`);
export const listInvites = async (workspaceId: string) => (await api.get<InviteList>(`${base(workspaceId)}/invites`)).invites;
export const revokeInvite = (workspaceId: string, inviteId: string) => api.delete(`${base(workspaceId)}/invites/${encodeURIComponent(inviteId)}`);
export const bulkInvite = (workspaceId: string, body: BulkInviteBody) => api.post<BulkInviteResult>(`${base(workspaceId)}/invites/bulk`, body);
export const resendInvite = (workspaceId: string, inviteId: string) => api.post<ResentInvite>(`${base(workspaceId)}/invites/${encodeURIComponent(inviteId)}/resend`);
