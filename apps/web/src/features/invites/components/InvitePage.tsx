/**
 * /invites/:token, reachable signed in or out. Signed out, it offers registration (with the
 * invited email filled in) or login, both coming back here; signed in, it offers Accept. It
 * says plainly that the link admits whoever holds it; with email on, a link that was not the
 * emailed one first needs the account's address confirmed by email (the API answers 403 and
 * sends the confirmation), which is said here as "check your inbox".
 */
import { EMAIL_UNVERIFIED_PREFIX, type CurrentUser, type InvitePreview } from '@marginalia/shared';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, isApiRequestError } from '../../../lib/api-client';
import { formatDateTime, roleWithArticle } from '../../../lib/format';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { withNext } from '../../../lib/safe-next';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Alert, Button, ButtonLink, ErrorState, FormError, LoadingState } from '../../../ui';
import { AuthLayout, useCurrentUser, useLogout } from '../../auth';
import { useAcceptInvite, useInvitePreview } from '../hooks/useInvite';

function InviteActions({ token, preview, user }: { token: string; preview: InvitePreview; user: CurrentUser | null }) {
  const navigate = useNavigate();
  const acceptMutation = useAcceptInvite(token);
  const here = `/invites/${token}`;
  const logoutMutation = useLogout({ redirectTo: `${withNext('/login', here)}&email=${encodeURIComponent(preview.email)}` });

  if (!user) {
    const withEmail = (target: string) => `${withNext(target, here)}&email=${encodeURIComponent(preview.email)}`;
    return (
      <div className="stack">
        <p>To accept, create an account with {preview.email}, or log in if you already have one.</p>
        <div className="button-row">
          <ButtonLink to={withEmail('/register')} variant="primary">
            Create an account
          </ButtonLink>
          <ButtonLink to={withEmail('/login')}>Log in</ButtonLink>
        </div>
      </div>
    );
  }

  if (user.email.toLowerCase() !== preview.email.toLowerCase()) {
    return (
      <div className="stack">
        <Alert tone="warning" title="This invite is for a different email">
          <p>
            You are logged in as {user.email}, but the invite is for {preview.email}. Log out, then log in or register with {preview.email}.
          </p>
        </Alert>
        <div className="button-row">
          <Button
            onClick={() => {
              logoutMutation.mutate();
            }}
            busy={logoutMutation.isPending}
          >
            Log out
          </Button>
          <ButtonLink to="/workspaces">Go to your workspaces</ButtonLink>
        </div>
        <FormError error={logoutMutation.error} />
      </div>
    );
  }

  const needsConfirmation = isApiRequestError(acceptMutation.error) && acceptMutation.error.status === 403 && acceptMutation.error.message.startsWith(EMAIL_UNVERIFIED_PREFIX);
  if (needsConfirmation) {
    return (
      <Alert tone="info" title="Check your inbox">
        <p>We sent a link to {user.email} to confirm that the address is yours. Opening it accepts this invite and opens the workspace.</p>
      </Alert>
    );
  }

  return (
    <div className="stack">
      <FormError error={acceptMutation.error} />
      <div className="button-row">
        <Button
          variant="primary"
          busy={acceptMutation.isPending}
          onClick={() => {
            acceptMutation.mutate(undefined, { onSuccess: ({ workspaceId }) => void navigate(`/w/${workspaceId}`, { replace: true }) });
          }}
        >
          Accept invite
        </Button>
        <ButtonLink to="/workspaces">Not now</ButtonLink>
      </div>
    </div>
  );
}

export function InvitePage() {
  const { token = '' } = useParams();
  const preview = useInvitePreview(token);
  const currentUser = useCurrentUser();
  const emailOn = useInstanceSettings().data?.email === true;
  useDocumentTitle(preview.data ? `Invitation to ${preview.data.workspaceName}` : 'Invitation');

  if (preview.isPending || currentUser.isPending) {
    return (
      <AuthLayout title="Invitation">
        <LoadingState label="Checking the invite…" />
      </AuthLayout>
    );
  }

  if (preview.error) {
    const unusable = isApiRequestError(preview.error) && (preview.error.status === 404 || preview.error.status === 410);
    return (
      <AuthLayout title="This invite can't be used">
        {unusable ? (
          <Alert tone="danger">
            <p>{errorMessage(preview.error)}</p>
            <p>Ask the person who invited you to send a new link.</p>
          </Alert>
        ) : (
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        )}
        <p className="auth-layout__switch">
          <Link to="/workspaces">Go to Marginalia</Link>
        </p>
      </AuthLayout>
    );
  }

  const invite = preview.data;
  return (
    <AuthLayout title={`Join ${invite.workspaceName}`}>
      <div className="stack">
        <p className="invite-summary">
          {invite.invitedBy ?? 'Someone'} invited you to join <strong>{invite.workspaceName}</strong> as {roleWithArticle(invite.role)}.
        </p>
        <p className="muted">
          The invite is for {invite.email} and expires {formatDateTime(invite.expiresAt)}.
        </p>
        <Alert tone="warning" title="This link lets in whoever holds it">
          <p>
            Anyone who opens this link can create an account with {invite.email} and join, once. Do not forward it; if it may have reached
            someone else, ask the person who invited you to revoke it.
            {emailOn && ' If this link did not come to you by email, you will be asked to confirm the address by email before joining.'}
          </p>
        </Alert>
        <InviteActions token={token} preview={invite} user={currentUser.data ?? null} />
      </div>
    </AuthLayout>
  );
}
