/** Coded segments as citable quotes: context around the span, and a link into the reader. */
import type { CodedSegment, Tag } from '@marginalia/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { documentPath } from '../../../lib/reader-links';
import { useSignedInUser } from '../../auth';
import { TagLabel } from '../../codebook';
import { useWorkspacePermission } from '../../workspaces';
import { Button } from '../../../ui';
import { RetagDialog } from './RetagDialog';

export function CodedSegmentList({ workspaceId, segments, tags }: { workspaceId: string; segments: CodedSegment[]; tags: Tag[] }) {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const me = useSignedInUser();
  const canAnnotate = useWorkspacePermission('annotations.create');
  const canManageAll = useWorkspacePermission('annotations.manage');
  const [retagging, setRetagging] = useState<CodedSegment | null>(null);
  if (segments.length === 0) return <p className="muted">Nothing coded with this tag matches.</p>;
  return (
    <>
    <ol className="segment-list" aria-label="Coded segments">
      {segments.map((segment) => {
        const passage = segment.passageNumber ?? undefined;
        const citation = `${segment.documentTitle}${passage === undefined ? '' : `, ¶${String(passage)}`}`;
        return (
          <li key={segment.annotationId} className="segment">
            <blockquote className="segment__quote">
              <span className="segment__context">{segment.before.length > 0 ? `…${segment.before}` : ''}</span>
              <mark className="segment__exact">{segment.exact}</mark>
              <span className="segment__context">{segment.after.length > 0 ? `${segment.after}…` : ''}</span>
            </blockquote>
            <div className="segment__meta">
              <Link to={documentPath(workspaceId, segment.documentId, { passage, span: { start: segment.start, end: segment.end } })}>{citation}</Link>
              <span>{segment.analyst?.displayName ?? 'Former member'}</span>
              {segment.kind === 'consensus' && <span className="badge">consensus</span>}
              <span className="muted">{formatDate(segment.createdAt)}</span>
              <span className="segment__tags">
                {segment.tagIds.map((id) => {
                  const tag = byId.get(id);
                  return tag ? <TagLabel key={id} name={tag.name} color={tag.color} /> : null;
                })}
              </span>
            </div>
            {segment.memo !== null && segment.memo !== '' && <p className="segment__memo">Memo: {segment.memo}</p>}
            {canAnnotate && (canManageAll || segment.analyst?.id === me.id) && (
              <Button size="sm" variant="ghost" onClick={() => setRetagging(segment)} aria-label={`Change tags of “${segment.exact.slice(0, 40)}”`}>
                Change tags…
              </Button>
            )}
          </li>
        );
      })}
    </ol>
    <RetagDialog key={retagging?.annotationId ?? 'none'} workspaceId={workspaceId} segment={retagging} onClose={() => setRetagging(null)} />
    </>
  );
}
