/** The team's ratings of one cell as five tiny bars (CC ... II) plus a count of NA; decorative, the cell's label says it in words. */
import type { AchCell } from '@marginalia/shared';
import { SCALE } from '../ach-format';

export function RatingSpread({ cell }: { cell: AchCell }) {
  const most = Math.max(1, ...SCALE.map((rating) => cell.distribution[rating]));
  return (
    <span className="rating-spread" aria-hidden="true">
      {SCALE.map((rating) => (
        <span key={rating} className={`rating-spread__bar rating--${rating}${cell.distribution[rating] === 0 ? ' rating-spread__bar--empty' : ''}`} style={{ height: `${(cell.distribution[rating] / most) * 100}%` }} />
      ))}
      {cell.distribution.NA > 0 && <span className="rating-spread__na">NA{cell.distribution.NA > 1 ? `×${cell.distribution.NA}` : ''}</span>}
    </span>
  );
}
