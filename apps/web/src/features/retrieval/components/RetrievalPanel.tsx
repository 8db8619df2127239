/**
 * Retrieval: every span coded with a tag (and, by default, its sub-tags) across the corpus,
 * in document order, with context and citation, filtered by document, analyst and actor.
 */
import type { Tag } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import { formatCount } from '../../../lib/format';
import { ErrorState, LoadingState, SelectField } from '../../../ui';
import { useActors } from '../../actors';
import { useCodedSegments, type SegmentsQuery } from '../../annotations';
import { tagPath } from '../../codebook';
import { useDocuments } from '../../documents';
import { useMembers } from '../../members';
import { CodedSegmentList } from './CodedSegmentList';

export function RetrievalPanel({ workspaceId, tags }: { workspaceId: string; tags: Tag[] }) {
  const [tagId, setTagId] = useState(tags[0]?.id ?? '');
  const [includeSubtags, setIncludeSubtags] = useState(true);
  const [documentId, setDocumentId] = useState('');
  const [analystId, setAnalystId] = useState('');
  const [actorId, setActorId] = useState('');
  const documents = useDocuments(workspaceId);
  const members = useMembers(workspaceId);
  const actors = useActors(workspaceId);
  const query: SegmentsQuery | null = useMemo(
    () =>
      tagId === ''
        ? null
        : { tagId, includeSubtags, documentId: documentId || undefined, analystId: analystId || undefined, actorId: actorId || undefined },
    [tagId, includeSubtags, documentId, analystId, actorId],
  );
  const segments = useCodedSegments(workspaceId, query);
  const any = { value: '', label: 'Any' };

  return (
    <section className="retrieval" aria-label="Coded segments">
      <div className="filters">
        <SelectField label="Tag" value={tagId} onChange={(event) => setTagId(event.target.value)} options={tags.map((tag) => ({ value: tag.id, label: tagPath(tags, tag.id) }))} />
        <label className="checkbox">
          <input type="checkbox" checked={includeSubtags} onChange={(event) => setIncludeSubtags(event.target.checked)} /> With sub-tags
        </label>
        <SelectField label="Document" value={documentId} onChange={(event) => setDocumentId(event.target.value)} options={[any, ...(documents.data ?? []).map((d) => ({ value: d.id, label: d.title }))]} />
        <SelectField label="Analyst" value={analystId} onChange={(event) => setAnalystId(event.target.value)} options={[any, ...(members.data ?? []).map((m) => ({ value: m.userId, label: m.displayName }))]} />
        <SelectField label="Actor" value={actorId} onChange={(event) => setActorId(event.target.value)} options={[any, ...(actors.data ?? []).map((a) => ({ value: a.id, label: a.name }))]} />
      </div>
      {query === null && <p className="muted">The codebook has no tags yet.</p>}
      {segments.isPending && query !== null && <LoadingState label="Loading coded segments…" />}
      {segments.error && <ErrorState title="The coded segments could not be loaded" error={segments.error} onRetry={() => void segments.refetch()} />}
      {segments.data && (
        <>
          <p className="muted" role="status">
            {formatCount(segments.data.total, 'coded segment')}
            {segments.data.total > segments.data.segments.length ? `, the first ${String(segments.data.segments.length)} shown` : ''}
          </p>
          <CodedSegmentList workspaceId={workspaceId} segments={segments.data.segments} tags={tags} />
        </>
      )}
    </section>
  );
}
