/**
 * Tag colours: a categorical palette that stays distinguishable for readers with the common
 * colour-vision deficiencies (Okabe & Ito's "colour universal design" set, with its black
 * replaced by a neutral grey and two darker companions for larger codebooks). A tag stores the
 * colour's name, not a hex value, so each theme picks its own shade: `light` on a white page,
 * `dark` (lighter, same hue) on a dark one.
 */
export const TAG_COLORS = {
  orange: { light: '#E69F00', dark: '#F5B83D' },
  sky: { light: '#56B4E9', dark: '#7CC6F0' },
  green: { light: '#009E73', dark: '#2EC495' },
  yellow: { light: '#F0E442', dark: '#F4EA6E' },
  blue: { light: '#0072B2', dark: '#4A9FD8' },
  vermillion: { light: '#D55E00', dark: '#F07D2E' },
  purple: { light: '#CC79A7', dark: '#DB9BC0' },
  grey: { light: '#999999', dark: '#B8B8B8' },
} as const;
export type TagColor = keyof typeof TAG_COLORS;
export const TAG_COLOR_NAMES = Object.keys(TAG_COLORS) as TagColor[];

/** The colour a new tag gets when none is chosen: the palette in order, round and round. */
export function defaultTagColor(existingTagCount: number): TagColor {
  return TAG_COLOR_NAMES[existingTagCount % TAG_COLOR_NAMES.length]!;
}
