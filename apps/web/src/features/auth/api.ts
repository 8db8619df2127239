/** Who is signed in, and signing in and out. Sessions and tokens live in the account feature. */
import type { AuthResult, CurrentUser, ForgotPasswordBody, InstanceInvitePreview, LoginBody, PasswordResetPreview, RegisterBody, ResetPasswordBody, SessionState, VerifyEmailResult } from '@marginalia/shared';
import { api } from '../../lib/api-client';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** Null when signed out: the session route answers 200 either way, so no 401 is logged. */
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  return (await api.get<SessionState>('/auth/session')).user;
}

export const login = (body: LoginBody) => api.post<AuthResult>('/auth/login', body);
export const register = (body: RegisterBody) => api.post<AuthResult>('/auth/register', body);
export const logout = () => api.post<undefined>('/auth/logout');
export const logoutEverywhere = () => api.post<undefined>('/auth/logout-all');
export const forgotPassword = (body: ForgotPasswordBody) => api.post<undefined>('/auth/forgot-password', body);
export const previewPasswordReset = (token: string) => api.get<PasswordResetPreview>(`/auth/password-reset/${encodeURIComponent(token)}`);
export const resetPassword = (body: ResetPasswordBody) => api.post<AuthResult>('/auth/password-reset', body);
export const verifyEmail = (token: string) => api.post<VerifyEmailResult>('/auth/verify-email', { token });
export const previewInstanceInvite = (token: string) => api.get<InstanceInvitePreview>(`/instance-invitations/${encodeURIComponent(token)}`);
