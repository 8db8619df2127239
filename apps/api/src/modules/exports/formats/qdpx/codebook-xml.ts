/**
 * Marginalia's codebook as REFI-QDA `Codes` (shared by project.qde and the .qdc codebook):
 * nested codes with their colour and one Description. A tag's definition, inclusion and
 * exclusion criteria and examples are written into that Description under fixed headings
 * ("Include:", "Exclude:", "Example:") and read back from it on import, so a round trip keeps
 * them apart while other tools show them as one readable text.
 */
import { TAG_COLORS, TAG_COLOR_NAMES, type ExportTag, type TagColor } from '@marginalia/shared';
import type { XmlWriter } from '../xml-writer.js';
import { guidOf } from './guid.js';

const HEADINGS = { inclusion: 'Include: ', exclusion: 'Exclude: ', example: 'Example: ' } as const;

export interface TagCriteria {
  definition: string;
  inclusion: string;
  exclusion: string;
  examples: string[];
}

export function composeCodeDescription(tag: TagCriteria): string {
  const parts = [tag.definition];
  if (tag.inclusion) parts.push(HEADINGS.inclusion + tag.inclusion);
  if (tag.exclusion) parts.push(HEADINGS.exclusion + tag.exclusion);
  for (const example of tag.examples) parts.push(HEADINGS.example + example);
  return parts.filter((part, index) => index > 0 || part !== '').join('\n\n');
}

/** The inverse of composeCodeDescription; any other tool's description is all definition. */
export function parseCodeDescription(description: string): TagCriteria {
  const result: TagCriteria = { definition: '', inclusion: '', exclusion: '', examples: [] };
  const sections = description.split(/\n\n(?=(?:Include|Exclude|Example): )/);
  if (!/^(?:Include|Exclude|Example): /.test(sections[0] ?? '')) result.definition = sections.shift() ?? '';
  for (const section of sections) {
    if (section.startsWith(HEADINGS.inclusion)) result.inclusion = section.slice(HEADINGS.inclusion.length);
    else if (section.startsWith(HEADINGS.exclusion)) result.exclusion = section.slice(HEADINGS.exclusion.length);
    else result.examples.push(section.slice(HEADINGS.example.length));
  }
  return result;
}

/** The palette colour's light shade (tags store colour names, REFI wants #RRGGBB). */
export function tagColorHex(color: string): string | undefined {
  return color in TAG_COLORS ? TAG_COLORS[color as TagColor].light : /^#[0-9a-fA-F]{6}$/.test(color) ? color : undefined;
}

/** The palette colour nearest to another tool's #RGB or #RRGGBB (by distance in RGB). */
export function nearestTagColor(hex: string | undefined): TagColor | null {
  const rgb = parseHex(hex);
  if (!rgb) return null;
  let best: TagColor = TAG_COLOR_NAMES[0]!;
  let bestDistance = Infinity;
  for (const name of TAG_COLOR_NAMES) {
    const [r, g, b] = parseHex(TAG_COLORS[name].light)!;
    const distance = (r - rgb[0]) ** 2 + (g - rgb[1]) ** 2 + (b - rgb[2]) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

function parseHex(hex: string | undefined): [number, number, number] | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex?.trim() ?? '');
  if (!match) return null;
  const digits = match[1]!.length === 3 ? [...match[1]!].map((d) => d + d).join('') : match[1]!;
  return [0, 2, 4].map((at) => parseInt(digits.slice(at, at + 2), 16)) as [number, number, number];
}

/**
 * Writes `<Codes>` with the tags nested by parent, siblings by position. `noteRefsOf` adds
 * NoteRefs to a code (threads about a tag, in a project). Tags whose parent is missing (a
 * filtered export) are written at the top level rather than lost.
 */
export function writeCodes(xml: XmlWriter, tags: readonly ExportTag[], noteRefsOf: (tagId: string) => readonly string[] = () => []): void {
  const ids = new Set(tags.map((tag) => tag.id));
  const childrenOf = new Map<string | null, ExportTag[]>();
  for (const tag of tags) {
    const parent = tag.parentId !== null && ids.has(tag.parentId) ? tag.parentId : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(tag);
    childrenOf.set(parent, siblings);
  }
  for (const siblings of childrenOf.values()) siblings.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const writeCode = (tag: ExportTag): void => {
    xml.start('Code', { guid: guidOf(tag.id), name: tag.name, isCodable: true, color: tagColorHex(tag.color) });
    const description = composeCodeDescription(tag);
    if (description) xml.text('Description', description);
    for (const note of noteRefsOf(tag.id)) xml.empty('NoteRef', { targetGUID: note });
    for (const child of childrenOf.get(tag.id) ?? []) writeCode(child);
    xml.end();
  };
  xml.start('Codes');
  for (const tag of childrenOf.get(null) ?? []) writeCode(tag);
  xml.end();
}
