/** One thread in a list: what it is about, how it opens, who, how many comments, and an unread badge. */
import type { Thread } from '@marginalia/shared';
import { Link } from 'react-router';
import { formatCount, formatDateTime } from '../../../lib/format';
import { Badge, cx } from '../../../ui';
import { ANCHOR_KIND_LABELS } from '../anchor-links';

export function ThreadListItem({ thread, href, selected }: { thread: Thread; href: string; selected: boolean }) {
  const opening = thread.firstComment;
  const excerpt = opening === null ? '' : opening.deletedAt !== null ? 'Comment removed' : plainExcerpt(opening.body);
  return (
    <li className={cx('thread-item', selected && 'thread-item--selected', thread.resolvedAt !== null && 'thread-item--resolved')}>
      <Link to={href} className="thread-item__link" aria-current={selected ? 'true' : undefined}>
        <span className="thread-item__meta">
          <span className="thread-item__kind">{ANCHOR_KIND_LABELS[thread.anchor.kind]}</span>
          {thread.orphaned && <Badge tone="warning">Deleted since</Badge>}
          {thread.resolvedAt !== null && <Badge tone="success">Resolved</Badge>}
          {thread.unreadCount > 0 && (
            <span className="unread-badge" aria-label={formatCount(thread.unreadCount, 'unread comment')}>
              {thread.unreadCount}
            </span>
          )}
        </span>
        <span className="thread-item__label">{thread.anchor.label || 'The whole workspace'}</span>
        <span className="thread-item__excerpt">
          {opening ? `${opening.authorName}: ` : ''}
          {excerpt}
        </span>
        <span className="thread-item__footer">
          {formatCount(thread.commentCount, 'comment')} · {formatDateTime(thread.lastActivityAt)}
        </span>
      </Link>
    </li>
  );
}

/** The comment's first words as plain text: mentions as "@Name", links as their text, Markdown marks dropped. */
export function plainExcerpt(markdown: string, max = 160): string {
  const text = markdown
    .replace(/\[(@?[^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^>\s?/gm, '')
    .replace(/[*_`#~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
