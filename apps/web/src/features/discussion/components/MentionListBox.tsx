/** The members offered for an "@…" being typed: a listbox the composer's textarea drives (aria-activedescendant). */
import type { Member } from '@marginalia/shared';
import { cx } from '../../../ui';

export interface MentionListBoxProps {
  id: string;
  members: readonly Member[];
  activeIndex: number;
  onPick: (member: Member) => void;
}

export const mentionOptionId = (listId: string, userId: string) => `${listId}-${userId}`;

export function MentionListBox({ id, members, activeIndex, onPick }: MentionListBoxProps) {
  return (
    <ul id={id} role="listbox" aria-label="Members to mention" className="mention-list">
      {members.map((member, index) => (
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the keyboard picks through the textarea (aria-activedescendant)
        <li
          key={member.userId}
          id={mentionOptionId(id, member.userId)}
          role="option"
          aria-selected={index === activeIndex}
          className={cx('mention-list__option', index === activeIndex && 'mention-list__option--active')}
          // Keeps focus (and the caret) in the textarea while picking with the mouse.
          onMouseDown={(event) => {
            event.preventDefault();
          }}
          onClick={() => {
            onPick(member);
          }}
        >
          <span className="mention-list__name">{member.displayName}</span>
          <span className="mention-list__email">{member.email}</span>
        </li>
      ))}
    </ul>
  );
}
