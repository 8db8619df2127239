/**
 * An invisible passage row with the real classes, measured to size the passages that are not
 * rendered (see usePassageBox). One line of text, no number, never read by assistive technology.
 */
import type { Ref } from 'react';

export function PassageProbe({ ref }: { ref: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} className="passage-row passage-row--probe" aria-hidden="true">
      <div className="passage">
        <div className="passage__gutter" />
        <p className="passage__text">M</p>
      </div>
    </div>
  );
}
