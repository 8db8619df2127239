/**
 * /admin/audit: the instance audit log (sign-ins and failures, account and workspace
 * administration, settings changes), newest first, filtered by person, action and time, with
 * "Load more" paging and a CSV download of everything the filters match.
 */
import type { InstanceAuditAction } from '@marginalia/shared';
import { useDeferredValue, useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Button, EmptyState, ErrorState, LoadingState, PageHeader, SelectField, TextField } from '../../../ui';
import { auditCsvUrl, type AuditFilters } from '../api';
import { useAdminAudit } from '../hooks/useAdminInstance';
import { describeDetails, INSTANCE_ACTION_OPTIONS, instanceActionLabel } from '../instance-audit-labels';

/** A date input's day as the instant it starts (local time), or the next day's start for "to". */
function dayStart(day: string, next = false): string | undefined {
  if (day === '') return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (next) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function AdminAuditPage() {
  useDocumentTitle('Audit log · Administration');
  const [person, setPerson] = useState('');
  const [action, setAction] = useState<InstanceAuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const deferredPerson = useDeferredValue(person.trim());
  const filters: AuditFilters = { person: deferredPerson || undefined, action: action || undefined, from: dayStart(from), to: dayStart(to, true) };
  const { data, error, isPending, refetch, fetchNextPage, hasNextPage, isFetchingNextPage } = useAdminAudit(filters);
  const entries = data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Audit log"
        description={<p>Sign-ins, account and workspace administration, and settings changes on this server.</p>}
        actions={
          <a className="btn btn--secondary" href={auditCsvUrl(filters)} download>
            Download CSV
          </a>
        }
      />
      <div className="admin-filters" role="search" aria-label="Filter the audit log">
        <TextField
          label="Person"
          type="search"
          placeholder="Name, email or id"
          value={person}
          onChange={(event) => {
            setPerson(event.target.value);
          }}
        />
        <SelectField
          label="Action"
          value={action}
          options={[{ value: '', label: 'Any action' }, ...INSTANCE_ACTION_OPTIONS]}
          onChange={(event) => {
            setAction(event.target.value as InstanceAuditAction | '');
          }}
        />
        <TextField
          label="From"
          type="date"
          value={from}
          onChange={(event) => {
            setFrom(event.target.value);
          }}
        />
        <TextField
          label="To"
          type="date"
          value={to}
          onChange={(event) => {
            setTo(event.target.value);
          }}
        />
      </div>
      {isPending && <LoadingState label="Loading the audit log…" />}
      {error && <ErrorState title="The audit log could not be loaded" error={error} onRetry={() => void refetch()} />}
      {data && entries.length === 0 && (
        <EmptyState title="Nothing recorded">
          <p>No entry matches these filters.</p>
        </EmptyState>
      )}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className="table admin-table">
            <caption className="visually-hidden">Audit log entries</caption>
            <thead>
              <tr>
                <th scope="col" className="admin-optional">When</th>
                <th scope="col" className="admin-optional">Who</th>
                <th scope="col">What</th>
                <th scope="col">About</th>
                <th scope="col" className="admin-optional">Details</th>
                <th scope="col" className="admin-optional">IP</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="table__nowrap admin-optional">{formatDateTime(entry.createdAt)}</td>
                  <td className="table__wrap admin-optional">{entry.actor ? entry.actor.displayName : <span className="muted">—</span>}</td>
                  <th scope="row" className="table__primary">
                    {instanceActionLabel(entry.action)}
                    <span className="table__secondary admin-phone-only">
                      {formatDateTime(entry.createdAt)}
                      {entry.actor ? ` · ${entry.actor.displayName}` : ''}
                    </span>
                  </th>
                  <td className="table__wrap">{entry.subject?.label ?? entry.subject?.id ?? '—'}</td>
                  <td className="table__wrap admin-details admin-optional">{describeDetails(entry)}</td>
                  <td className="table__nowrap admin-optional">{entry.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasNextPage && (
        <Button busy={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}
