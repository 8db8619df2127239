/**
 * Route guards. Signed-out visitors of a private screen go to /login with `?next=` pointing
 * back; signed-in visitors of /login or /register go straight on to where they were headed.
 */
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { safeNextPath, withNext } from '../../../lib/safe-next';
import { ErrorState, LoadingState } from '../../../ui';
import { useCurrentUser } from '../hooks/useCurrentUser';

function FullPage({ children }: { children: ReactNode }) {
  return (
    <main className="full-page" id="main">
      {children}
    </main>
  );
}

export function RequireAuth() {
  const location = useLocation();
  const { data: user, error, isPending, refetch } = useCurrentUser();

  if (isPending) {
    return (
      <FullPage>
        <LoadingState label="Checking your session…" />
      </FullPage>
    );
  }
  if (error) {
    return (
      <FullPage>
        <ErrorState title="Marginalia is not reachable" error={error} onRetry={() => void refetch()} />
      </FullPage>
    );
  }
  if (!user) return <Navigate to={withNext('/login', `${location.pathname}${location.search}`)} replace />;
  return <Outlet />;
}

export function RedirectIfSignedIn() {
  const [searchParams] = useSearchParams();
  const { data: user, isPending } = useCurrentUser();

  if (isPending) {
    return (
      <FullPage>
        <LoadingState />
      </FullPage>
    );
  }
  if (user) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  return <Outlet />;
}
