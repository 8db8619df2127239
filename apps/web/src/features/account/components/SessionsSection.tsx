/** Where the account is signed in; any other session can be ended, or all of them at once. */
import type { SessionSummary } from '@marginalia/shared';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { Badge, Button, ConfirmDialog, ErrorState, LoadingState, useToast } from '../../../ui';
import { unsavedEditsWarning, useLogout, useSignedInUser, useUnsavedEditsCheck } from '../../auth';
import { useRevokeSession, useSessions } from '../hooks/useAccount';

/** A rough, readable name for a user-agent string; the full string is in the title. */
function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Firefox\//.test(userAgent)
    ? 'Firefox'
    : /Edg\//.test(userAgent)
      ? 'Edge'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X/.test(userAgent)
      ? 'macOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /iPhone|iPad/.test(userAgent)
          ? 'iOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

export function SessionsSection() {
  const { data: sessions, error, isPending, refetch } = useSessions();
  const revokeMutation = useRevokeSession();
  const logoutEverywhere = useLogout({ everywhere: true });
  const { showToast } = useToast();
  const [confirmingAll, setConfirmingAll] = useState(false);
  const user = useSignedInUser();
  const unsavedEdits = useUnsavedEditsCheck(user.id);
  /** Documents whose unsaved edits this logout would delete (see useUnsavedEditsCheck). */
  const [unsavedDocuments, setUnsavedDocuments] = useState(0);

  function handleRevoke(session: SessionSummary) {
    revokeMutation.mutate(session.id, {
      onSuccess: () => {
        showToast(`Logged out ${describeDevice(session.userAgent)}.`);
      },
      onError: (revokeError) => {
        showToast(`Could not end the session: ${errorMessage(revokeError)}`, 'danger');
      },
    });
  }

  if (isPending) return <LoadingState label="Loading sessions…" />;
  if (error) return <ErrorState title="Sessions could not be loaded" error={error} onRetry={() => void refetch()} />;

  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Active sessions</caption>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">IP address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <th scope="row" className="table__primary" title={session.userAgent ?? undefined}>
                  {describeDevice(session.userAgent)}
                  {session.current && <Badge tone="success">This device</Badge>}
                </th>
                <td className="table__wrap">{session.ip ?? '—'}</td>
                {/* Dates may wrap after the day: the table must fit its card at 1366 px with a Log out column. */}
                <td>{formatDateTime(session.createdAt)}</td>
                <td>{formatDateTime(session.lastSeenAt)}</td>
                <td className="table__actions">
                  {!session.current && (
                    <Button
                      size="sm"
                      aria-label={`Log out ${describeDevice(session.userAgent)} (signed in ${formatDateTime(session.createdAt)})`}
                      busy={revokeMutation.isPending && revokeMutation.variables === session.id}
                      onClick={() => {
                        handleRevoke(session);
                      }}
                    >
                      Log out
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <Button
          variant="danger"
          onClick={() => {
            void unsavedEdits().then((documents) => {
              setUnsavedDocuments(documents);
              setConfirmingAll(true);
            });
          }}
        >
          Log out everywhere
        </Button>
      </div>
      <ConfirmDialog
        open={confirmingAll}
        onClose={() => {
          setConfirmingAll(false);
        }}
        onConfirm={() => {
          logoutEverywhere.mutate();
        }}
        title="Log out everywhere?"
        description={
          <p>
            Every session ends, this one included. Personal access tokens keep working.
            {unsavedDocuments > 0 && ` ${unsavedEditsWarning(unsavedDocuments)}`}
          </p>
        }
        confirmLabel="Log out everywhere"
        destructive
        busy={logoutEverywhere.isPending}
        error={logoutEverywhere.error}
      />
    </div>
  );
}
