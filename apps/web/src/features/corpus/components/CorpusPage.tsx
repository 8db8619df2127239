/**
 * /w/:id/corpus: the documents of the workspace, sortable and filterable, each opening in the
 * reader. Editors reach the import page from here; an empty corpus points straight at it.
 */
import { useDocumentTitle } from '../../../lib/use-document-title';
import { formatCount } from '../../../lib/format';
import { Button, ButtonLink, EmptyState, ErrorState, LoadingState, PageHeader } from '../../../ui';
import { useActors } from '../../actors';
import { useDocuments } from '../../documents';
import { useCurrentWorkspace, useWorkspacePermission } from '../../workspaces';
import { useCorpusParams } from '../hooks/useCorpusParams';
import { CorpusFilters } from './CorpusFilters';
import { DocumentTable } from './DocumentTable';

export function CorpusPage() {
  useDocumentTitle('Corpus');
  const workspace = useCurrentWorkspace();
  const canImport = useWorkspacePermission('content.edit');
  const params = useCorpusParams();
  // The unfiltered list gives the total and the choices of the filters; it is cached.
  const all = useDocuments(workspace.id);
  const filtered = useDocuments(workspace.id, params.query);
  const actors = useActors(workspace.id);
  const importPath = `/w/${workspace.id}/corpus/import`;

  const total = all.data?.length;
  const shown = filtered.data?.length;
  const importAction = canImport ? (
    <ButtonLink to={importPath} variant="primary">
      Import documents
    </ButtonLink>
  ) : undefined;

  return (
    <div className="page">
      <PageHeader title="Corpus" description={<p>The texts this workspace studies. Open one to read, search and annotate it.</p>} actions={total !== 0 ? importAction : undefined} />
      {(all.isPending || filtered.isPending) && <LoadingState label="Loading documents…" />}
      {all.error && <ErrorState title="The corpus could not be loaded" error={all.error} onRetry={() => void all.refetch()} />}
      {total === 0 && (
        <EmptyState title="No documents yet" icon="❧" action={importAction}>
          <p>
            {canImport
              ? 'Import text, Markdown, HTML, PDF or Word files (or a ZIP of them), or paste text. Each becomes a document split into passages.'
              : 'Documents added by the editors of this workspace appear here.'}
          </p>
        </EmptyState>
      )}
      {total !== undefined && total > 0 && (
        <>
          <CorpusFilters
            filters={params.filters}
            documents={all.data ?? []}
            actors={actors.data ?? []}
            activeFilters={params.activeFilters}
            onChange={params.update}
            onClear={params.clearFilters}
          />
          <p className="muted" role="status">
            {shown === undefined ? '' : params.activeFilters > 0 ? `${String(shown)} of ${formatCount(total, 'document')} match` : formatCount(total, 'document')}
          </p>
          {filtered.error && <ErrorState title="The filtered list could not be loaded" error={filtered.error} onRetry={() => void filtered.refetch()} />}
          {shown === 0 && (
            <EmptyState title="No documents match these filters" action={<Button onClick={params.clearFilters}>Clear filters</Button>} />
          )}
          {filtered.data !== undefined && filtered.data.length > 0 && (
            <DocumentTable
              workspaceId={workspace.id}
              caption={`Documents in ${workspace.name}`}
              documents={filtered.data}
              sort={params.sort}
              order={params.order}
              onSort={params.toggleSort}
            />
          )}
        </>
      )}
    </div>
  );
}
