/**
 * /w/:id/corpus/:documentId: loads the document and hands it to the reader, which is keyed by
 * the document so moving to another one starts afresh (selection, focus, scroll position). The
 * reader layers start loading what they paint at the same time (their prefetch).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useContext, useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { isApiRequestError } from '../../../lib/api-client';
import { corpusPath } from '../../../lib/reader-links';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { EmptyState, ErrorState, LoadingState } from '../../../ui';
import { useDocument } from '../../documents';
import { useCurrentWorkspace } from '../../workspaces';
import { ReaderLayersContext } from '../layers/reader-layer';
import { ReaderView } from './ReaderView';

export function DocumentReader() {
  const workspace = useCurrentWorkspace();
  const { documentId = '' } = useParams();
  const layers = useContext(ReaderLayersContext);
  const queryClient = useQueryClient();
  useEffect(() => {
    for (const layer of layers) layer.prefetch?.(queryClient, workspace.id, documentId);
  }, [layers, queryClient, workspace.id, documentId]);
  const { data: document, error, isPending, refetch } = useDocument(workspace.id, documentId);
  useDocumentTitle(document?.title ?? 'Document');

  if (document) return <ReaderView key={document.id} document={document} />;
  const missing = isApiRequestError(error) && (error.status === 404 || error.status === 400);
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={corpusPath(workspace.id)}>Corpus</Link>
      </nav>
      {isPending && <LoadingState label="Loading the document…" />}
      {missing && (
        <EmptyState title="Document not found">
          <p>
            It may have been deleted. <Link to={corpusPath(workspace.id)}>Back to the corpus</Link>
          </p>
        </EmptyState>
      )}
      {error && !missing && <ErrorState title="The document could not be loaded" error={error} onRetry={() => void refetch()} />}
    </div>
  );
}
