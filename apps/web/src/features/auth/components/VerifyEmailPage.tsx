/**
 * /verify-email/:token: the link emailed to confirm an address. Opening it confirms the address
 * and accepts the invite it was sent for, then goes to that workspace.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Alert, ButtonLink, ErrorState, LoadingState } from '../../../ui';
import { verifyEmail } from '../api';
import { AuthLayout } from './AuthLayout';

export function VerifyEmailPage() {
  useDocumentTitle('Confirm your email');
  const token = useParams().token ?? '';
  const verifyMutation = useMutation({ mutationFn: verifyEmail });
  const started = useRef(false);

  useEffect(() => {
    // Once: the link is single-use, and a second POST (strict mode) would answer "already used".
    if (started.current) return;
    started.current = true;
    verifyMutation.mutate(token);
  }, [token, verifyMutation]);

  const workspaceId = verifyMutation.data?.workspaceId ?? null;
  return (
    <AuthLayout title="Confirm your email">
      {verifyMutation.isPending && <LoadingState label="Confirming…" />}
      {verifyMutation.error && <ErrorState title="This link cannot be used" error={verifyMutation.error} />}
      {verifyMutation.isSuccess && (
        <Alert tone="success" title="Address confirmed">
          <p>{workspaceId ? 'Your address is confirmed and you have joined the workspace.' : 'Your address is confirmed.'}</p>
        </Alert>
      )}
      {verifyMutation.isSuccess && (
        <ButtonLink to={workspaceId ? `/w/${workspaceId}` : '/workspaces'} variant="primary">
          {workspaceId ? 'Open the workspace' : 'Go to your workspaces'}
        </ButtonLink>
      )}
    </AuthLayout>
  );
}
