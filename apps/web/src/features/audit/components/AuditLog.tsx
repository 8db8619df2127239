/** Who changed what in a workspace, for its admins. */
import { formatDateTime } from '../../../lib/format';
import { Button, EmptyState, ErrorState, LoadingState } from '../../../ui';
import { describeAction, describeDetails, type PeopleById } from '../describe-entry';
import { useAuditLog } from '../hooks/useAuditLog';

export function AuditLog({ workspaceId, people }: { workspaceId: string; people: PeopleById }) {
  const { data, error, isPending, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = useAuditLog(workspaceId);

  if (isPending) return <LoadingState label="Loading the audit log…" />;
  if (error) return <ErrorState title="The audit log could not be loaded" error={error} onRetry={() => void refetch()} />;

  const entries = data.pages.flat();
  if (entries.length === 0) return <EmptyState title="Nothing recorded yet" />;

  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Audit log</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="table__nowrap">
                  <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                </td>
                <td>{entry.actor?.displayName ?? 'System'}</td>
                <td>{describeAction(entry.action)}</td>
                <td className="table__wrap">
                  <ul className="plain-list audit-details">
                    {describeDetails(entry.details, people).map((fact) => (
                      <li key={fact}>{fact}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasNextPage && (
        <Button onClick={() => void fetchNextPage()} busy={isFetchingNextPage}>
          Load older entries
        </Button>
      )}
    </div>
  );
}
