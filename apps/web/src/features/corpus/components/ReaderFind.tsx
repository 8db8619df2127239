/**
 * "Find in this document": the search endpoint limited to this document. Matching passages
 * are listed with their snippets; the matched words are also marked in the text itself.
 */
import type { SearchResponse } from '@marginalia/shared';
import { useEffect, useMemo, useState, type RefObject, type SubmitEvent } from 'react';
import { formatCount } from '../../../lib/format';
import { Button, ErrorState, LoadingState } from '../../../ui';
import { SearchSyntaxHelp, SnippetText } from '../../search';

interface ReaderFindProps {
  query: string;
  inputRef: RefObject<HTMLInputElement | null>;
  response: SearchResponse | undefined;
  pending: boolean;
  error: unknown;
  limit: number;
  onQuery: (query: string) => void;
  onGoTo: (index: number) => void;
}

export function ReaderFind({ query, inputRef, response, pending, error, limit, onQuery, onGoTo }: ReaderFindProps) {
  const [draft, setDraft] = useState(query);
  // Within one document, reading order helps more than rank.
  const results = useMemo(() => [...(response?.results ?? [])].sort((a, b) => a.passageIndex - b.passageIndex), [response]);

  useEffect(() => {
    setDraft(query);
  }, [query]);

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
      {query !== '' && response && (
        <>
          <p role="status" className="muted">
            {response.total === 0
              ? 'No passage matches.'
              : response.total > response.results.length
                ? `The first ${String(limit)} of ${formatCount(response.total, 'matching passage')}.`
                : `${formatCount(response.total, 'matching passage')}.`}
          </p>
          <ol className="find-results">
            {results.map((result) => (
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
