/**
 * /w/:id/discussion: every thread of the workspace, filtered and searched, open ones first and
 * resolved ones folded away below; the selected thread (`?thread=`) reads beside the list (below
 * it on a narrow screen). Filters live in the address.
 */
import type { Thread } from '@marginalia/shared';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { formatCount } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../../../ui';
import { useCurrentWorkspace } from '../../workspaces';
import { useThreads } from '../hooks/useThreads';
import { readThreadFilters, toThreadListQuery, writeThreadFilters, type ThreadFilters } from '../thread-filters';
import { ThreadFiltersBar } from './ThreadFiltersBar';
import { ThreadListItem } from './ThreadListItem';
import { ThreadView } from './ThreadView';

/** Where discussion.css stacks the list above the thread. */
const STACKED = '(max-width: 56rem)';

export function DiscussionPage() {
  useDocumentTitle('Discussion');
  const workspace = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readThreadFilters(params), [params]);
  const selectedId = params.get('thread');
  const threads = useThreads(workspace.id, toThreadListQuery(filters));
  const threadRef = useRef<HTMLDivElement>(null);

  // On a narrow screen the thread opens below the list: bring it into view when one is chosen.
  useEffect(() => {
    if (selectedId === null || !window.matchMedia(STACKED).matches) return;
    threadRef.current?.scrollIntoView({ block: 'start' });
  }, [selectedId]);

  const changeFilters = useCallback(
    (next: ThreadFilters) => {
      setParams((current) => writeThreadFilters(new URLSearchParams(current), next), { replace: true });
    },
    [setParams],
  );

  const list = threads.data?.threads ?? [];
  const open = list.filter((thread) => thread.resolvedAt === null);
  const resolved = list.filter((thread) => thread.resolvedAt !== null);

  return (
    <div className="page discussion-page">
      <PageHeader title="Discussion" description={<p>Threads about passages, taggings, tags, maps and documents. Start one from the reader (select text, then “Comment…”), the codebook or a map.</p>} />
      <ThreadFiltersBar workspaceId={workspace.id} filters={filters} onChange={changeFilters} />
      <div className="discussion-page__body">
        <section className="discussion-page__list" aria-label="Threads" aria-busy={threads.isFetching || undefined}>
          {threads.isPending && <LoadingState label="Loading threads…" />}
          {threads.error && <ErrorState title="The threads could not be loaded" error={threads.error} onRetry={() => void threads.refetch()} />}
          {threads.data && list.length === 0 && (
            <EmptyState title={filters.q || filters.mine || filters.mentioningMe || filters.anchorKind || filters.documentId ? 'No thread matches' : 'No threads yet'}>
              <p>{filters.q ? 'No comment contains those words.' : 'Select text in the reader and choose “Comment…” to start one.'}</p>
            </EmptyState>
          )}
          {open.length === 0 && resolved.length > 0 && filters.status === 'all' && <p className="muted">No open threads.</p>}
          {open.length > 0 && <ThreadGroup threads={open} selectedId={selectedId} label="Open threads" />}
          {resolved.length > 0 &&
            (filters.status === 'resolved' ? (
              <ThreadGroup threads={resolved} selectedId={selectedId} label="Resolved threads" />
            ) : (
              <details className="discussion-page__resolved" open={resolved.some((thread) => thread.id === selectedId)}>
                <summary>{formatCount(resolved.length, 'resolved thread')}</summary>
                <ThreadGroup threads={resolved} selectedId={selectedId} label="Resolved threads" />
              </details>
            ))}
          {threads.data?.nextCursor && <p className="muted">Showing the {list.length} most recently active threads; narrow the filters to see others.</p>}
        </section>
        <div className="discussion-page__thread" ref={threadRef}>
          {selectedId ? <ThreadView key={selectedId} workspaceId={workspace.id} threadId={selectedId} /> : <p className="muted discussion-page__hint">Choose a thread to read it here.</p>}
        </div>
      </div>
    </div>
  );
}

function ThreadGroup({ threads, selectedId, label }: { threads: readonly Thread[]; selectedId: string | null; label: string }) {
  const [params] = useSearchParams();
  // The filters stay in the address while moving between threads.
  const hrefFor = (threadId: string) => {
    const next = new URLSearchParams(params);
    next.set('thread', threadId);
    return `?${next.toString()}`;
  };
  return (
    <ul className="thread-list" aria-label={label}>
      {threads.map((thread) => (
        <ThreadListItem key={thread.id} href={hrefFor(thread.id)} thread={thread} selected={thread.id === selectedId} />
      ))}
    </ul>
  );
}
