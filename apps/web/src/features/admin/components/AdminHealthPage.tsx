/**
 * /admin/health: database size, accounts and workspaces, daily active users (30 days), the
 * import and export queues, live collaboration on this server process, and the workspaces
 * using the most storage. Refreshes every 30 seconds.
 */
import type { AdminHealth } from '@marginalia/shared';
import { formatBytes, formatCount, formatNumber } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ErrorState, LoadingState, PageHeader, Section } from '../../../ui';
import { useAdminHealth } from '../hooks/useAdminInstance';

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="admin-figure">
      <dt>{label}</dt>
      <dd>
        <span className="admin-figure__value">{value}</span>
        {note !== undefined && <span className="admin-figure__note">{note}</span>}
      </dd>
    </div>
  );
}

function ActiveUsersChart({ days }: { days: AdminHealth['dailyActiveUsers'] }) {
  const max = Math.max(1, ...days.map((day) => day.users));
  return (
    <figure className="admin-chart">
      <div className="admin-chart__bars" aria-hidden="true">
        {days.map((day) => (
          <span key={day.day} className="admin-chart__bar" style={{ height: `${String(Math.max(2, (day.users / max) * 100))}%` }} title={`${day.day}: ${String(day.users)}`} />
        ))}
      </div>
      <figcaption className="muted">
        Daily active people, {days[0]?.day} to {days.at(-1)?.day} (UTC). Peak {max}, today {days.at(-1)?.users ?? 0}.
      </figcaption>
      <table className="visually-hidden">
        <caption>Daily active people</caption>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{day.day}</th>
              <td>{day.users}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Queue({ counts, empty }: { counts: Record<string, number>; empty: string }) {
  const entries = Object.entries(counts);
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <dl className="admin-figures">
      {entries.map(([status, count]) => (
        <Figure key={status} label={status} value={formatNumber(count)} />
      ))}
    </dl>
  );
}

export function AdminHealthPage() {
  useDocumentTitle('Health · Administration');
  const { data: health, error, isPending, refetch } = useAdminHealth();
  return (
    <div className="page">
      <PageHeader title="Health and usage" description={<p>How this server is doing. Monitoring tools can read the same figures from /api/admin/metrics.</p>} />
      {isPending && <LoadingState label="Measuring…" />}
      {error && <ErrorState title="Health could not be loaded" error={error} onRetry={() => void refetch()} />}
      {health && (
        <div className="stack">
          <dl className="admin-figures">
            <Figure label="Database size" value={formatBytes(health.databaseBytes)} />
            <Figure label="People" value={formatNumber(health.users.total)} note={`${String(health.users.disabled)} disabled · ${formatCount(health.users.admins, 'admin')}`} />
            <Figure label="Workspaces" value={formatNumber(health.workspaces.total)} note={`${String(health.workspaces.archived)} archived · ${String(health.workspaces.orphaned)} orphaned`} />
            <Figure label="Live connections" value={formatNumber(health.collab.connections)} note="this server process" />
            <Figure label="Documents in memory" value={formatNumber(health.collab.documentsInMemory)} note="this server process" />
          </dl>
          <Section title="Active people">
            <ActiveUsersChart days={health.dailyActiveUsers} />
          </Section>
          <Section title="Queues">
            <h3 className="admin-subtitle">Imports</h3>
            <Queue counts={health.importQueue} empty="No import jobs." />
            <h3 className="admin-subtitle">Exports</h3>
            <Queue counts={health.exportQueue} empty="Exports are made on request; nothing is queued." />
          </Section>
          <Section
            title="Collaboration"
            description={
              health.collab.scope === 'node'
                ? 'Counted on the server process that answered this page. With several API nodes behind a load balancer, each counts its own: scrape every node’s /api/admin/metrics for the total.'
                : 'Counted across every API node.'
            }
          >
            <p>
              {formatNumber(health.collab.connections)} live connections, {formatNumber(health.collab.documentsInMemory)} collaborative documents in memory.
            </p>
          </Section>
          <Section title="Storage by workspace" description="Document text, pending uploads and collaborative documents.">
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Storage by workspace</caption>
                <thead>
                  <tr>
                    <th scope="col">Workspace</th>
                    <th scope="col">Storage</th>
                  </tr>
                </thead>
                <tbody>
                  {health.storageByWorkspace.slice(0, 20).map((workspace) => (
                    <tr key={workspace.id}>
                      <th scope="row" className="table__wrap">
                        {workspace.name}
                      </th>
                      <td className="table__nowrap">{formatBytes(workspace.storageBytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        </div>
      )}
    </div>
  );
}
