/** The signed-in account: profile, password, sessions and personal access tokens. */
import type { ChangePasswordBody, CreatedToken, CreateTokenBody, CurrentUser, EmailPreferences, SessionSummary, TokenSummary, UpdateEmailPreferencesBody, UpdateProfileBody } from '@marginalia/shared';
import { api } from '../../lib/api-client';

export const accountKeys = {
  sessions: ['account', 'sessions'] as const,
  tokens: ['account', 'tokens'] as const,
  emailPreferences: ['account', 'email-preferences'] as const,
};

export const updateProfile = (body: UpdateProfileBody) => api.patch<CurrentUser>('/auth/me', body);
export const changePassword = (body: ChangePasswordBody) => api.post<undefined>('/auth/password', body);
export const listSessions = async () => (await api.get<{ sessions: SessionSummary[] }>('/auth/sessions')).sessions;
export const revokeSession = (sessionId: string) => api.delete(`/auth/sessions/${encodeURIComponent(sessionId)}`);
export const listTokens = async () => (await api.get<{ tokens: TokenSummary[] }>('/auth/tokens')).tokens;
export const createToken = (body: CreateTokenBody) => api.post<CreatedToken>('/auth/tokens', body);
export const revokeToken = (tokenId: string) => api.delete(`/auth/tokens/${encodeURIComponent(tokenId)}`);
export const fetchEmailPreferences = () => api.get<EmailPreferences>('/auth/email-preferences');
export const updateEmailPreferences = (body: UpdateEmailPreferencesBody) => api.patch<EmailPreferences>('/auth/email-preferences', body);
