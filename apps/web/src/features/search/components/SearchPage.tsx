/**
 * /w/:id/search?q=: full-text search over every passage of the corpus, with filters, ranked
 * results and paging. The URL holds the query, so searches survive reloads and can be shared.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isApiRequestError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../../../ui';
import { useCurrentWorkspace } from '../../workspaces';
import { useSearch } from '../hooks/useSearch';
import { apiQueryFrom, formValuesFrom, pageFrom, paramsFrom, type SearchFormValues } from '../search-params';
import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';

export function SearchPage() {
  const workspace = useCurrentWorkspace();
  const [searchParams, setSearchParams] = useSearchParams();
  const paramsKey = searchParams.toString();
  // Re-derived only when the URL changes, so the form's draft is reset only then.
  const values = useMemo(() => formValuesFrom(new URLSearchParams(paramsKey)), [paramsKey]);
  const page = pageFrom(searchParams);
  const apiQuery = useMemo(() => apiQueryFrom(values, page), [values, page]);
  const search = useSearch(workspace.id, apiQuery);
  const hasQuery = values.q.trim() !== '';
  useDocumentTitle(hasQuery ? `Search: ${values.q}` : 'Search');

  function handleSubmit(next: SearchFormValues) {
    setSearchParams(paramsFrom(next));
  }

  function handlePage(next: number) {
    setSearchParams(paramsFrom(values, next));
    document.getElementById('main')?.focus();
    window.scrollTo({ top: 0 });
  }

  const invalidQuery = isApiRequestError(search.error) && search.error.status === 400;

  return (
    <div className="page">
      <PageHeader title="Search" description={<p>Find passages across every document of {workspace.name}.</p>} />
      <SearchForm workspaceId={workspace.id} values={values} onSubmit={handleSubmit} />
      {hasQuery && search.isPending && <LoadingState label="Searching…" />}
      {!hasQuery && (
        <EmptyState title="Search the corpus" icon="⌕">
          <p>Type words to find the passages that use them, e.g. spies or &ldquo;national security&rdquo;. &ldquo;How to search&rdquo; explains phrases, prefixes and exclusions.</p>
        </EmptyState>
      )}
      {hasQuery && search.error && (
        <ErrorState title={invalidQuery ? 'This search could not be run' : 'Search failed'} error={search.error} onRetry={invalidQuery ? undefined : () => void search.refetch()} />
      )}
      {hasQuery && search.data && !search.data.searched && (
        <EmptyState title={search.data.ignoredWords.length > 0 ? 'Only very common words' : 'Nothing to look for'} icon="∅">
          {search.data.ignoredWords.length > 0 ? (
            <p>
              Search ignores words as common as {quotedList(search.data.ignoredWords)}. Add a more specific word, or quote them with others, e.g. &ldquo;the
              party&rdquo;.
            </p>
          ) : (
            <p>A minus only excludes words: add a word to look for, e.g. spies -embassy.</p>
          )}
        </EmptyState>
      )}
      {hasQuery && search.data && search.data.searched && search.data.total === 0 && (
        <EmptyState title="No passages match" icon="∅">
          <p>
            Try fewer or shorter words, a prefix such as counter*, or clear the filters.
            {search.data.ignoredWords.length > 0 && ` (${quotedList(search.data.ignoredWords)} ${search.data.ignoredWords.length > 1 ? 'were' : 'was'} ignored as too common.)`}
          </p>
        </EmptyState>
      )}
      {hasQuery && search.data && search.data.total > 0 && (
        <SearchResults workspaceId={workspace.id} query={values.q} response={search.data} page={page} onPage={handlePage} stale={search.isPlaceholderData} />
      )}
    </div>
  );
}

/** “the”, “of” and “a” */
function quotedList(words: string[]): string {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(words.map((word) => `“${word}”`));
}
