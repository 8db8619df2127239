/** Horizontal bars of a count per tag, in the tag's colour, each labelled with its number. */
import type { Tag } from '@marginalia/shared';
import type { CSSProperties } from 'react';
import { TagLabel, tagColorStyle } from '../../codebook';

export function TagBars({ title, tags, counts }: { title: string; tags: Tag[]; counts: Map<string, number> }) {
  const max = Math.max(1, ...counts.values());
  const shown = tags.filter((tag) => (counts.get(tag.id) ?? 0) > 0).sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  return (
    <figure className="tag-bars">
      <figcaption>{title}</figcaption>
      {shown.length === 0 && <p className="muted">Nothing coded yet.</p>}
      <ul>
        {shown.map((tag) => {
          const count = counts.get(tag.id) ?? 0;
          return (
            <li key={tag.id} className="tag-bars__row">
              <TagLabel name={tag.name} color={tag.color} />
              <span className="tag-bars__track" aria-hidden="true">
                <span className="tag-bars__bar" style={{ ...tagColorStyle(tag.color), '--share': String(count / max) } as CSSProperties} />
              </span>
              <span className="tag-bars__count">{count}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
