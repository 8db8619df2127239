/**
 * Signing in, registering and signing out. Every change of user clears the whole query
 * cache first, so nothing fetched for the previous account can show up for the next one.
 */
import type { AuthResult } from '@marginalia/shared';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { rememberCsrfToken } from '../../../lib/api-client';
import { deleteOfflineOutbox, offlineOutboxName } from '../../../lib/collab';
import { authKeys, login, logout, logoutEverywhere, register, resetPassword } from '../api';

function startSession(queryClient: QueryClient, result: AuthResult): void {
  rememberCsrfToken(result.csrfToken);
  queryClient.clear();
  queryClient.setQueryData(authKeys.me, result.user);
}

export function endSession(queryClient: QueryClient): void {
  rememberCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(authKeys.me, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      startSession(queryClient, result);
    },
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (result) => {
      startSession(queryClient, result);
    },
  });
}

/** Setting a new password through a reset link signs this browser in (every other session ended). */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: (result) => {
      startSession(queryClient, result);
    },
  });
}

export function useLogout(options: { everywhere?: boolean; redirectTo?: string } = {}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: options.everywhere === true ? logoutEverywhere : logout,
    onSuccess: async () => {
      const user = queryClient.getQueryData<{ id: string } | null>(authKeys.me);
      endSession(queryClient);
      // Unsaved edits stay on this computer no longer than the session (it may be shared).
      if (user && typeof indexedDB !== 'undefined') void deleteOfflineOutbox(offlineOutboxName(user.id));
      await navigate(options.redirectTo ?? '/login', { replace: true });
    },
  });
}
