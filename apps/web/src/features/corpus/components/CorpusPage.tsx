/** /w/:id/corpus: the documents of the workspace, each opening in the reader. */
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../../../ui';
import { useCurrentWorkspace } from '../../workspaces';
import { useDocuments } from '../hooks/useDocuments';

export function CorpusPage() {
  useDocumentTitle('Corpus');
  const workspace = useCurrentWorkspace();
  const { data: documents, error, isPending, refetch } = useDocuments(workspace.id);

  return (
    <div className="page">
      <PageHeader title="Corpus" description={<p>The texts this workspace studies. Open one to read it.</p>} />
      {isPending && <LoadingState label="Loading documents…" />}
      {error && <ErrorState title="The corpus could not be loaded" error={error} onRetry={() => void refetch()} />}
      {documents?.length === 0 && (
        <EmptyState title="No documents yet" icon="❧">
          <p>Documents added to this workspace appear here. Importing text files from the browser is coming with the corpus tools.</p>
        </EmptyState>
      )}
      {documents !== undefined && documents.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Documents in {workspace.name}</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col" className="table__numeric">
                  Characters
                </th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id}>
                  <th scope="row" className="table__primary table__wrap">
                    <Link to={`/w/${workspace.id}/corpus/${document.id}`}>{document.title}</Link>
                    {document.sourceFilename !== null && <span className="table__secondary">{document.sourceFilename}</span>}
                  </th>
                  <td className="table__numeric">{formatNumber(document.characterCount)}</td>
                  <td className="table__nowrap">{formatDate(document.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
