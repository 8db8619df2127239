/** The email outbox as admins see it: each recent message with its state, attempts and last error; failed ones can be retried. */
import type { OutboxMessage } from '@marginalia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { Badge, Button, EmptyState, ErrorState, LoadingState, useToast } from '../../../ui';
import { emailAdminKeys, fetchOutbox, retryOutboxMessage } from '../email-api';

const STATUS: Record<OutboxMessage['status'], { label: string; tone: 'neutral' | 'success' | 'danger' }> = {
  pending: { label: 'Waiting', tone: 'neutral' },
  sent: { label: 'Sent', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function EmailOutboxTable() {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const outbox = useQuery({ queryKey: emailAdminKeys.outbox, queryFn: fetchOutbox, refetchInterval: 10_000 });
  const retryMutation = useMutation({
    mutationFn: retryOutboxMessage,
    onSuccess: async () => {
      showToast('The message will be sent again now.');
      await queryClient.invalidateQueries({ queryKey: emailAdminKeys.outbox });
    },
    onError: (error) => {
      showToast(`Could not retry: ${errorMessage(error)}`, 'danger');
    },
  });

  if (outbox.isPending) return <LoadingState label="Loading the outbox…" />;
  if (outbox.error) return <ErrorState title="The outbox could not be loaded" error={outbox.error} onRetry={() => void outbox.refetch()} />;
  if (outbox.data.messages.length === 0) {
    return (
      <EmptyState title="No email yet">
        <p>{outbox.data.configured ? 'Messages appear here as they are queued and sent.' : 'Email is not configured, so nothing is sent: invitations and password resets work through links.'}</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Recent email</caption>
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">State</th>
            <th scope="col">Attempts</th>
            <th scope="col">Queued</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {outbox.data.messages.map((message) => (
            <tr key={message.id}>
              <th scope="row" className="table__primary table__email">
                {message.to}
                <span className="table__secondary">{message.subject}</span>
              </th>
              <td>
                <Badge tone={STATUS[message.status].tone}>{STATUS[message.status].label}</Badge>
                {message.lastError && <div className="muted">{message.lastError}</div>}
                {message.status === 'pending' && message.nextAttemptAt && message.attempts > 0 && <div className="muted">Next try {formatDateTime(message.nextAttemptAt)}</div>}
              </td>
              <td>{message.attempts}</td>
              <td className="table__nowrap">{formatDateTime(message.createdAt)}</td>
              <td className="table__actions">
                {message.status === 'failed' && (
                  <Button
                    size="sm"
                    aria-label={`Retry the email to ${message.to}`}
                    busy={retryMutation.isPending && retryMutation.variables === message.id}
                    onClick={() => {
                      retryMutation.mutate(message.id);
                    }}
                  >
                    Retry
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
