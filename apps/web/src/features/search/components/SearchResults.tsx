/** Ranked passages with highlighted snippets, each a link into the reader, and paging. */
import type { SearchResponse } from '@marginalia/shared';
import { Link } from 'react-router';
import { formatCount, formatNumber } from '../../../lib/format';
import { documentPath, passageNumber } from '../../../lib/reader-links';
import { Button } from '../../../ui';
import { PAGE_SIZE } from '../search-params';
import { SnippetText } from './SnippetText';

interface SearchResultsProps {
  workspaceId: string;
  query: string;
  response: SearchResponse;
  page: number;
  onPage: (page: number) => void;
  stale: boolean;
}

export function SearchResults({ workspaceId, query, response, page, onPage, stale }: SearchResultsProps) {
  const pageCount = Math.max(1, Math.ceil(response.total / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = first + response.results.length - 1;

  return (
    <div className="search-results" aria-busy={stale || undefined}>
      <p className="muted" role="status">
        {stale
          ? 'Updating the results…'
          : response.results.length > 0
          ? `${formatNumber(first)}–${formatNumber(last)} of ${formatCount(response.total, 'matching passage')}`
          : `${formatCount(response.total, 'matching passage')}`}
      </p>
      <ol className="result-list" start={first}>
        {response.results.map((result) => (
          <li key={result.passageId} className="result">
            <Link className="result__link" to={documentPath(workspaceId, result.documentId, { span: { start: result.start, end: result.end }, find: query })}>
              <span className="result__title">{result.documentTitle}</span>
              <span className="result__where">passage {passageNumber(result.passageIndex)}</span>
            </Link>
            <p className="result__snippet">
              <SnippetText snippet={result.snippet} highlights={result.highlights} />
            </p>
          </li>
        ))}
      </ol>
      {pageCount > 1 && (
        <nav className="pager" aria-label="Result pages">
          <Button
            size="sm"
            disabled={page <= 1}
            onClick={() => {
              onPage(page - 1);
            }}
          >
            Previous page
          </Button>
          <span aria-current="page">
            Page {formatNumber(page)} of {formatNumber(pageCount)}
          </span>
          <Button
            size="sm"
            disabled={page >= pageCount}
            onClick={() => {
              onPage(page + 1);
            }}
          >
            Next page
          </Button>
        </nav>
      )}
    </div>
  );
}
