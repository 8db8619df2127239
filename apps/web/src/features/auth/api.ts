/** Who is signed in, and signing in and out. Sessions and tokens live in the account feature. */
import type { AuthResult, CurrentUser, LoginBody, RegisterBody, SessionState } from '@marginalia/shared';
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
