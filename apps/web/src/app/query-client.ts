/**
 * One QueryClient for the app. A 401 from any request means the session ended (expired,
 * logged out elsewhere, revoked): the current user becomes null and the route guard sends
 * the person to /login with `next` pointing back to where they were.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from '../lib/api-client';
import { authKeys } from '../features/auth';

function isSessionEnded(error: unknown): boolean {
  // A 401 from /auth/login means "wrong password", not "your session ended".
  return isApiRequestError(error) && error.status === 401 && error.path !== '/auth/login';
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSessionEnded(error)) queryClient.setQueryData(authKeys.me, null);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionEnded(error)) queryClient.setQueryData(authKeys.me, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors do not get better by asking again; network hiccups might.
        retry: (failureCount, error) => !(isApiRequestError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
  return queryClient;
}
