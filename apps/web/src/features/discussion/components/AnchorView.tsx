/**
 * What a thread is about, shown in place: a quoted passage with its citation and a link to the
 * reader at that span; a tag's name; a map node, link or ACH cell with a link to the map; a
 * document's title. An orphaned anchor keeps its last label and says the thing is gone.
 */
import type { Thread } from '@marginalia/shared';
import { Link } from 'react-router';
import { passageNumber } from '../../../lib/reader-links';
import { Badge } from '../../../ui';
import { useDocument } from '../../documents';
import { ANCHOR_KIND_LABELS, anchorPath } from '../anchor-links';

export function AnchorView({ workspaceId, thread, compact = false }: { workspaceId: string; thread: Thread; compact?: boolean }) {
  const { anchor } = thread;
  const path = thread.orphaned ? null : anchorPath(workspaceId, anchor);
  const quoted = anchor.kind === 'text' || anchor.kind === 'annotation';
  const kind = ANCHOR_KIND_LABELS[anchor.kind];
  return (
    <div className="thread-anchor">
      <span className="thread-anchor__kind">
        {kind}
        {thread.orphaned && (
          <>
            {' '}
            <Badge tone="warning">Deleted since</Badge>
          </>
        )}
      </span>
      {quoted ? (
        <blockquote className="thread-anchor__quote">
          <p>{compact ? shorten(anchor.label, 140) : (anchor.quote?.exact ?? anchor.label)}</p>
          {!compact && anchor.documentId !== null && (
            <footer>
              — <DocumentCitation workspaceId={workspaceId} documentId={anchor.documentId} path={path} start={anchor.start} />
            </footer>
          )}
        </blockquote>
      ) : (
        <p className="thread-anchor__label">
          {path && !compact ? <Link to={path}>{anchor.label || kind}</Link> : anchor.label || (anchor.kind === 'workspace' ? 'The whole workspace' : kind)}
        </p>
      )}
    </div>
  );
}

/** "Title, ¶5", linking to the reader at the span; the document is the reader's cached one. */
function DocumentCitation({ workspaceId, documentId, path, start }: { workspaceId: string; documentId: string; path: string | null; start: number | null }) {
  const document = useDocument(workspaceId, documentId);
  const index = start === null ? -1 : (document.data?.passages.findIndex((passage) => passage.start <= start && start < passage.end) ?? -1);
  const title = document.data?.title ?? 'the document';
  const citation = index >= 0 ? `${title}, ¶${String(passageNumber(index))}` : title;
  return path ? <Link to={path} aria-label={`${citation}: open in the reader`}>{citation}</Link> : <cite>{citation}</cite>;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
