/**
 * A plain reader for one document's raw text. Line breaks are kept as written; the corpus
 * feature replaces this with the annotating reader.
 */
import { Link, useParams } from 'react-router';
import { isApiRequestError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { EmptyState, ErrorState, LoadingState } from '../../../ui';
import { useCurrentWorkspace } from '../../workspaces';
import { useDocument } from '../hooks/useDocuments';

export function DocumentReader() {
  const workspace = useCurrentWorkspace();
  const { documentId = '' } = useParams();
  const { data: document, error, isPending, refetch } = useDocument(workspace.id, documentId);
  useDocumentTitle(document?.title ?? 'Document');
  const corpusPath = `/w/${workspace.id}/corpus`;

  return (
    <div className="page reader">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={corpusPath}>Corpus</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{document?.title ?? 'Document'}</span>
      </nav>
      {isPending && <LoadingState label="Loading the document…" />}
      {error &&
        (isApiRequestError(error) && error.status === 404 ? (
          <EmptyState title="Document not found">
            <p>
              It may have been removed. <Link to={corpusPath}>Back to the corpus</Link>
            </p>
          </EmptyState>
        ) : (
          <ErrorState title="The document could not be loaded" error={error} onRetry={() => void refetch()} />
        ))}
      {document && (
        <article className="reader__article" aria-labelledby="reader-title">
          <header className="reader__header">
            <h1 id="reader-title" className="reader__title">
              {document.title}
            </h1>
            <p className="muted">
              {formatNumber(document.characterCount)} characters
              {document.sourceFilename !== null && ` · from ${document.sourceFilename}`}
            </p>
          </header>
          <div className="reader__text">{document.text}</div>
        </article>
      )}
    </div>
  );
}
