/**
 * "Find in this document": the search endpoint limited to this document. Every matching passage
 * is listed in reading order, a page of them at a time, with its snippet; the matched words are
 * also marked in the text itself. It stands in for the browser's find (Ctrl+F), which cannot see
 * the passages a long document has not rendered.
 */
import { useState, type RefObject, type SubmitEvent } from 'react';
import { formatCount } from '../../../lib/format';
import { Button, ErrorState, LoadingState } from '../../../ui';
import { SearchSyntaxHelp, SnippetText } from '../../search';
import { FIND_MAX, FIND_PAGE, type DocumentFindResult } from '../hooks/useDocumentFind';

interface ReaderFindProps {
  query: string;
  inputRef: RefObject<HTMLInputElement | null>;
  found: DocumentFindResult | undefined;
  pending: boolean;
  error: unknown;
  onQuery: (query: string) => void;
  onGoTo: (index: number) => void;
}

export function ReaderFind({ query, inputRef, found, pending, error, onQuery, onGoTo }: ReaderFindProps) {
  const [draft, setDraft] = useState(query);
  const [page, setPage] = useState(0);
  const results = found?.results ?? [];
  const pageCount = Math.ceil(results.length / FIND_PAGE);
  const shown = results.slice(page * FIND_PAGE, (page + 1) * FIND_PAGE);

  // A new query (typed here or from the URL) replaces the draft and starts at the first page.
  const [draftFor, setDraftFor] = useState(query);
  if (draftFor !== query) {
    setDraftFor(query);
    setDraft(query);
    setPage(0);
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onQuery(draft);
  }

  return (
    <div className="reader-find stack">
      <form role="search" aria-label="Find in this document" className="reader-find__form" onSubmit={handleSubmit}>
        <label className="field__label" htmlFor="reader-find-input">
          Find in this document
        </label>
        <div className="reader-find__row">
          <input
            ref={inputRef}
            id="reader-find-input"
            className="input"
            type="search"
            autoComplete="off"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && draft === '' && query !== '') onQuery('');
            }}
          />
          <Button type="submit" size="sm">
            Find
          </Button>
        </div>
        <div className="reader-find__tools">
          <SearchSyntaxHelp />
          {query !== '' && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                onQuery('');
              }}
            >
              Clear
            </Button>
          )}
        </div>
      </form>
      {query !== '' && pending && <LoadingState label="Finding…" />}
      {query !== '' && error !== null && error !== undefined && <ErrorState title="Could not search this document" error={error} />}
      {query !== '' && found && (
        <>
          <p role="status" className="muted">
            {found.total === 0
              ? 'No passage matches.'
              : found.total > results.length
                ? `The first ${formatCount(Math.min(results.length, FIND_MAX), 'matching passage')} of ${formatCount(found.total, 'matching passage')}.`
                : `${formatCount(found.total, 'matching passage')}.`}
          </p>
          {pageCount > 1 && (
            <div className="reader-find__pages">
              <Button size="sm" variant="ghost" aria-label="Previous matches" disabled={page === 0} onClick={() => setPage(page - 1)}>
                ‹ Previous
              </Button>
              <span className="muted">{`${String(page * FIND_PAGE + 1)}–${String(page * FIND_PAGE + shown.length)} of ${String(results.length)}`}</span>
              <Button size="sm" variant="ghost" aria-label="Next matches" disabled={page + 1 >= pageCount} onClick={() => setPage(page + 1)}>
                Next ›
              </Button>
            </div>
          )}
          <ol className="find-results" aria-label="Matching passages">
            {shown.map((result) => (
              <li key={result.passageId}>
                <a
                  href={`?p=${String(result.passageIndex + 1)}`}
                  className="find-results__link"
                  onClick={(event) => {
                    event.preventDefault();
                    onGoTo(result.passageIndex);
                  }}
                >
                  <span className="outline__number">{result.passageIndex + 1}</span>
                  <span>
                    <SnippetText snippet={result.snippet} highlights={result.highlights} />
                  </span>
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
