/**
 * /w/:id/corpus/import: add documents by uploading files or pasting text, and follow the
 * import jobs (this session's and recent ones) until every file is accepted or refused.
 */
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { corpusPath } from '../../../lib/reader-links';
import { EmptyState, ErrorState, LoadingState, PageHeader, Section } from '../../../ui';
import { useCurrentWorkspace, useWorkspacePermission } from '../../workspaces';
import { useImportJobs } from '../hooks/useImports';
import { FileImportForm } from './FileImportForm';
import { ImportJobCard } from './ImportJobCard';
import { PasteImportForm } from './PasteImportForm';

export function ImportPage() {
  useDocumentTitle('Import documents');
  const workspace = useCurrentWorkspace();
  const canImport = useWorkspacePermission('content.edit');
  const jobs = useImportJobs(workspace.id, canImport);

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={corpusPath(workspace.id)}>Corpus</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Import</span>
      </nav>
      <PageHeader title="Import documents" description={<p>Each file becomes one document; its text is split into passages for reading, searching and annotating.</p>} />
      {canImport ? (
        <div className="import-grid">
          <Section title="Upload files">
            <FileImportForm workspaceId={workspace.id} />
          </Section>
          <Section title="Paste text">
            <PasteImportForm workspaceId={workspace.id} />
          </Section>
        </div>
      ) : (
        <EmptyState title="Only editors can import">
          <p>{workspace.archivedAt !== null ? 'This workspace is archived: nothing can be added.' : 'Ask an admin of this workspace to make you an editor.'}</p>
        </EmptyState>
      )}
      {canImport && (
      <Section title="Recent imports">
        {jobs.isPending && <LoadingState label="Loading imports…" />}
        {jobs.error && <ErrorState title="Recent imports could not be loaded" error={jobs.error} onRetry={() => void jobs.refetch()} />}
        {jobs.data?.length === 0 && <p className="muted">No imports yet.</p>}
        {jobs.data !== undefined && jobs.data.length > 0 && (
          <ol className="import-jobs">
            {jobs.data.map((job) => (
              <li key={job.id}>
                <ImportJobCard workspaceId={workspace.id} job={job} />
              </li>
            ))}
          </ol>
        )}
      </Section>
      )}
    </div>
  );
}
