/**
 * The one rating menu of the ACH grid, opened at whichever cell asked for it (one menu for the
 * grid rather than one per cell: a matrix can have thousands of cells).
 */
import { ACH_RATING_LABELS, ACH_RATINGS, type AchRating } from '@marginalia/shared';
import type { RefObject } from 'react';
import { Menu, MenuItem, Popover } from 'react-aria-components';

interface RatingMenuProps {
  triggerRef: RefObject<HTMLElement | null>;
  isOpen: boolean;
  label: string;
  current: AchRating | null;
  onRate: (rating: AchRating | null) => void;
  onClose: () => void;
}

export function RatingMenu({ triggerRef, isOpen, label, current, onRate, onClose }: RatingMenuProps) {
  return (
    <Popover className="rating-menu" triggerRef={triggerRef} isOpen={isOpen} onOpenChange={(open) => !open && onClose()} placement="bottom start">
      <Menu
        aria-label={label}
        autoFocus="first"
        onAction={(key) => {
          onRate(key === 'clear' ? null : (key as AchRating));
          onClose();
        }}
      >
        {ACH_RATINGS.map((rating, index) => (
          <MenuItem key={rating} id={rating} className="rating-menu__item" textValue={ACH_RATING_LABELS[rating]}>
            <span className={`rating-chip rating--${rating}`}>{rating}</span>
            <span>{ACH_RATING_LABELS[rating]}</span>
            <kbd className="rating-menu__key">{index + 1}</kbd>
            {current === rating && <span className="rating-menu__current">current</span>}
          </MenuItem>
        ))}
        {current !== null && (
          <MenuItem id="clear" className="rating-menu__item" textValue="Clear my rating">
            <span className="rating-chip">–</span>
            <span>Clear my rating</span>
          </MenuItem>
        )}
      </Menu>
    </Popover>
  );
}
