/**
 * One import job as it runs: overall progress, then every file with its outcome: a link to
 * the new document, or the reason it was refused. Progress is announced politely.
 */
import type { ImportFileResult, ImportJob } from '@marginalia/shared';
import { Link } from 'react-router';
import { formatCount, formatDateTime } from '../../../lib/format';
import { documentPath } from '../../../lib/reader-links';
import { Badge } from '../../../ui';
import { isFinished } from '../api';
import { useImportJob } from '../hooks/useImports';

const STATUS_LABELS: Record<ImportJob['status'], string> = { queued: 'Waiting', running: 'Importing', succeeded: 'Finished', failed: 'Failed' };
const STATUS_TONES = { queued: 'neutral', running: 'accent', succeeded: 'success', failed: 'danger' } as const satisfies Record<ImportJob['status'], string>;

/** A job that ran but refused every file failed for the person who started it. */
function outcome(job: ImportJob): { label: string; tone: 'neutral' | 'accent' | 'success' | 'warning' | 'danger' } {
  if (job.status === 'succeeded' && job.rejectedCount > 0) {
    return job.acceptedCount === 0 ? { label: 'Failed', tone: 'danger' } : { label: 'Partly failed', tone: 'warning' };
  }
  return { label: STATUS_LABELS[job.status], tone: STATUS_TONES[job.status] };
}

/** The API's message names the file ("a.png: not a supported type"); the row already does. */
function refusalReason(file: ImportFileResult): string {
  const message = file.message ?? 'The file could not be imported.';
  return message.startsWith(`${file.name}: `) ? message.slice(file.name.length + 2) : message;
}

function summary(job: ImportJob): string {
  if (job.status === 'failed') return 'Nothing was imported.';
  const counts = `${formatCount(job.acceptedCount, 'document')} imported, ${formatCount(job.rejectedCount, 'file')} refused`;
  if (isFinished(job)) return `${counts}.`;
  return `${String(job.processedFiles)} of ${formatCount(job.totalFiles, 'file')} read; ${counts} so far.`;
}

export function ImportJobCard({ workspaceId, job: initial }: { workspaceId: string; job: ImportJob }) {
  const { data: job } = useImportJob(workspaceId, initial);
  const { label, tone } = outcome(job);
  const title = job.totalFiles === 1 && job.files[0] ? job.files[0].name : `${formatCount(job.totalFiles, 'file')}`;

  return (
    <article className="import-job" aria-labelledby={`import-${job.id}`}>
      <header className="import-job__header">
        <h3 className="import-job__title" id={`import-${job.id}`}>
          Import of {title}
        </h3>
        <Badge tone={tone}>{label}</Badge>
        <span className="muted import-job__time">{formatDateTime(job.createdAt)}</span>
      </header>
      {!isFinished(job) && (
        <progress className="import-job__progress" max={Math.max(job.totalFiles, 1)} value={job.processedFiles} aria-label={`Progress of the import of ${title}`} />
      )}
      <p role="status" className="import-job__summary">
        {summary(job)}
      </p>
      {job.error !== null && <p className="field__error">{job.error}</p>}
      {job.files.length > 0 && (
        <ul className="import-files">
          {job.files.map((file, index) => (
            <ImportFileRow key={`${file.name}:${String(index)}`} workspaceId={workspaceId} file={file} />
          ))}
        </ul>
      )}
    </article>
  );
}

function ImportFileRow({ workspaceId, file }: { workspaceId: string; file: ImportFileResult }) {
  switch (file.status) {
    case 'pending':
      return (
        <li className="import-files__item">
          <span className="import-files__name">{file.name}</span>
          <Badge>Waiting</Badge>
        </li>
      );
    case 'accepted':
      return (
        <li className="import-files__item">
          <span className="import-files__name">{file.name}</span>
          <Badge tone="success">Imported</Badge>
          {file.documentId !== null ? (
            <Link to={documentPath(workspaceId, file.documentId)}>{file.title ?? 'Open the document'}</Link>
          ) : (
            file.title !== null && <span>{file.title}</span>
          )}
        </li>
      );
    case 'rejected':
      return (
        <li className="import-files__item import-files__item--rejected">
          <span className="import-files__name">{file.name}</span>
          <Badge tone="danger">Refused</Badge>
          <span className="import-files__reason">{refusalReason(file)}</span>
        </li>
      );
  }
}
