/**
 * The member's background exports (owners and admins see everyone's): each with its state,
 * kept live by `exports.changed` events: waiting, being written (how much so far), ready with a
 * Download link and the time it is kept until, or failed with the reason. Each can be deleted.
 * State changes are announced politely.
 */
import type { ExportFormatInfo, ExportJob } from '@marginalia/shared';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { Badge, Button, EmptyState, ErrorState, LoadingState } from '../../../ui';
import { exportJobDownloadUrl } from '../api';
import { useDeleteExportJob, useExportJobs } from '../hooks/useExportJobs';

const STATUS = {
  queued: { label: 'Waiting', tone: 'neutral' },
  running: { label: 'Preparing', tone: 'accent' },
  succeeded: { label: 'Ready', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
} as const satisfies Record<ExportJob['status'], { label: string; tone: string }>;

function progressText(job: ExportJob): string {
  switch (job.status) {
    case 'queued':
      return 'Waiting for the server to start it…';
    case 'running':
      return job.writtenBytes > 0 ? `Writing the file: ${formatBytes(job.writtenBytes)} so far…` : 'Reading the workspace…';
    case 'succeeded':
      return `${formatBytes(job.byteSize ?? 0)}, kept until ${job.expiresAt ? formatDateTime(job.expiresAt) : 'deleted'}.`;
    case 'failed':
      return job.error ?? 'The export failed.';
  }
}

export function ExportJobList({ workspaceId, formats }: { workspaceId: string; formats: readonly ExportFormatInfo[] }) {
  const { data: jobs, error, isPending, refetch } = useExportJobs(workspaceId);
  const remove = useDeleteExportJob(workspaceId);
  if (isPending) return <LoadingState label="Loading background exports…" />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (jobs.length === 0) {
    return <EmptyState title="No background exports yet">Large exports, and any you choose to prepare in the background, appear here with a Download button when they are ready.</EmptyState>;
  }

  return (
    <ul className="export-jobs" aria-label="Background exports">
      {jobs.map((job) => {
        const label = formats.find((format) => format.id === job.format)?.label ?? job.format;
        const status = STATUS[job.status];
        const labelId = `export-job-${job.id}`;
        return (
          <li key={job.id} className="export-job" aria-labelledby={labelId}>
            <div className="export-job__header">
              <span className="export-job__title" id={labelId}>
                {label}
              </span>
              <Badge tone={status.tone}>{status.label}</Badge>
              <span className="muted export-job__time">
                {formatDateTime(job.createdAt)}
                {job.createdBy ? ` · ${job.createdBy.displayName}` : ''}
              </span>
            </div>
            {(job.status === 'queued' || job.status === 'running') && <progress className="export-job__progress" aria-label={`Progress of the ${label} export`} />}
            <p role="status" className={job.status === 'failed' ? 'field__error export-job__text' : 'export-job__text'}>
              {progressText(job)}
            </p>
            <div className="export-job__actions">
              {job.status === 'succeeded' && job.fileName && (
                <a className="btn btn--primary btn--sm" href={exportJobDownloadUrl(workspaceId, job.id)} download={job.fileName} aria-label={`Download ${job.fileName}`}>
                  Download
                </a>
              )}
              <Button size="sm" variant="ghost" busy={remove.isPending && remove.variables === job.id} onClick={() => remove.mutate(job.id)} aria-label={`Delete the ${label} export of ${formatDateTime(job.createdAt)}`}>
                Delete
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
