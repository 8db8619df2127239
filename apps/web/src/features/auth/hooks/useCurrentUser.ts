/** The signed-in user, fetched once and shared; every 401 elsewhere resets it to null. */
import type { CurrentUser } from '@marginalia/shared';
import { useQuery } from '@tanstack/react-query';
import { authKeys, fetchCurrentUser } from '../api';

export function useCurrentUser() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: fetchCurrentUser,
    staleTime: 5 * 60_000,
  });
}

/** For screens behind <RequireAuth>, which renders them only once the user is known. */
export function useSignedInUser(): CurrentUser {
  const { data } = useCurrentUser();
  if (!data) throw new Error('useSignedInUser is only for screens behind <RequireAuth>');
  return data;
}
