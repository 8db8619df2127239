/**
 * Tag colours on screen. A tag stores a palette name (packages/shared codebook palette); each
 * theme gets its own shade through CSS variables `--tag-<name>`, written once from the palette
 * so the two cannot drift.
 */
import { TAG_COLORS, type TagColor } from '@marginalia/shared';
import type { CSSProperties } from 'react';

function paletteCss(): string {
  const entries = Object.entries(TAG_COLORS) as Array<[TagColor, { light: string; dark: string }]>;
  const light = entries.map(([name, shades]) => `--tag-${name}:${shades.light};`).join('');
  const dark = entries.map(([name, shades]) => `--tag-${name}:${shades.dark};`).join('');
  return `:root{${light}}@media (prefers-color-scheme: dark){:root{${dark}}}`;
}

if (typeof document !== 'undefined' && !document.getElementById('tag-palette')) {
  const style = document.createElement('style');
  style.id = 'tag-palette';
  style.textContent = paletteCss();
  document.head.append(style);
}

export const TAG_COLOR_LABELS: Record<TagColor, string> = {
  orange: 'Orange',
  sky: 'Sky blue',
  green: 'Bluish green',
  yellow: 'Yellow',
  blue: 'Blue',
  vermillion: 'Vermillion',
  purple: 'Reddish purple',
  grey: 'Grey',
};

export function tagColorStyle(color: string): CSSProperties {
  return { '--tag-color': `var(--tag-${color})` } as CSSProperties;
}
