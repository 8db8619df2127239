/** Who is signed in, and signing in and out. Sessions and tokens live in the account feature. */
import type { AuthResult, CurrentUser, LoginBody, RegisterBody } from '@marginalia/shared';
import { api, isApiRequestError } from '../../lib/api-client';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** null means "nobody is signed in", which is an answer, not an error. */
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/auth/me');
  } catch (error) {
    if (isApiRequestError(error) && error.status === 401) return null;
    throw error;
  }
}

export const login = (body: LoginBody) => api.post<AuthResult>('/auth/login', body);
export const register = (body: RegisterBody) => api.post<AuthResult>('/auth/register', body);
export const logout = () => api.post<undefined>('/auth/logout');
export const logoutEverywhere = () => api.post<undefined>('/auth/logout-all');
