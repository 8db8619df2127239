/** A tag's colour chip and name, as every tagging screen shows a tag. */
import { tagColorStyle } from '../tag-colors';

export function TagSwatch({ color }: { color: string }) {
  return <span className="tag-swatch" style={tagColorStyle(color)} aria-hidden="true" />;
}

export function TagLabel({ name, color }: { name: string; color: string }) {
  return (
    <span className="tag-label">
      <TagSwatch color={color} />
      <span>{name}</span>
    </span>
  );
}
