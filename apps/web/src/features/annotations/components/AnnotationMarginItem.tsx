/**
 * One annotation as the reader's margin lists it: its tags' colour bars, the tags, who coded it,
 * the memo, and (where allowed) discuss, change and remove buttons. The accessible name of each button
 * says which annotation it acts on, since a passage may list many.
 */
import type { Tag } from '@marginalia/shared';
import { TagSwatch } from '../../codebook';

export interface AnnotationMarginItemProps {
  names: readonly Tag[];
  quote: string;
  /** "team consensus" or the analyst's name. */
  by: string;
  /** Coded by the signed-in analyst (shown as "you"). */
  mine: boolean;
  memo: string | null;
  mayChange: boolean;
  /** In the tab order (the passage is the current one). */
  focusable: boolean;
  onEdit: () => void;
  onRemove: () => void;
  /** Starts a thread on this annotation (commenters and up). */
  onDiscuss?: () => void;
}

export function AnnotationMarginItem({ names, quote, by, mine, memo, mayChange, focusable, onEdit, onRemove, onDiscuss }: AnnotationMarginItemProps) {
  const tagNames = names.map((tag) => tag.name).join(', ');
  const label = `${tagNames} by ${by} on “${quote}”`;
  return (
    <span className="passage__tagging" title={memo ? `${label}. Memo: ${memo}` : label}>
      {names.map((tag) => (
        <TagSwatch key={tag.id} color={tag.color} />
      ))}
      <span className="passage__tagging-text">
        {tagNames}
        <span className="passage__tagging-by"> · {by === 'team consensus' ? 'consensus' : mine ? 'you' : by}</span>
        <span className="visually-hidden">, on “{quote}”</span>
        {memo && <span className="passage__tagging-memo">{memo}</span>}
      </span>
      {onDiscuss && (
        <button type="button" className="icon-button" tabIndex={focusable ? 0 : -1} aria-label={`Discuss tagging: ${label}`} title="Discuss this tagging" onClick={onDiscuss}>
          ⋯
        </button>
      )}
      {mayChange && (
        <>
          <button type="button" className="icon-button" tabIndex={focusable ? 0 : -1} aria-label={`Change tagging: ${label}`} onClick={onEdit}>
            ✎
          </button>
          <button type="button" className="icon-button" tabIndex={focusable ? 0 : -1} aria-label={`Remove tagging: ${label}`} onClick={onRemove}>
            ×
          </button>
        </>
      )}
    </span>
  );
}
