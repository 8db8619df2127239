/** Unknown addresses and unexpected rendering errors: say what happened and offer a way back. */
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';
import { ButtonLink, EmptyState } from '../ui';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <main className="full-page" id="main">
      <EmptyState title="Page not found" action={<ButtonLink to="/workspaces">Go to your workspaces</ButtonLink>}>
        <p>The address may be mistyped, or the page has moved.</p>
      </EmptyState>
    </main>
  );
}

export function RouteErrorPage() {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const detail = error instanceof Error ? error.message : 'An unexpected error occurred.';
  return (
    <main className="full-page" id="main">
      <div className="error-state" role="alert">
        <p className="error-state__title">Something went wrong on this page</p>
        <p>{detail}</p>
        <p>
          <a href="/workspaces">Reload Marginalia</a>
        </p>
      </div>
    </main>
  );
}
