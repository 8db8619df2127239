/**
 * Which tags a REFI-QDA codebook becomes: codes nested as in the file, merged by name (case
 * aside) with a tag already under the same parent (an existing one in the workspace, or an
 * earlier code of the same file), within the codebook's limits. Pure: ids are given to new
 * tags here so codings can refer to them before anything is written.
 */
import { randomUUID } from 'node:crypto';
import { defaultTagColor, TAG_LIMITS, type RefiQdaSkipped, type TagColor } from '@marginalia/shared';
import { nearestTagColor, parseCodeDescription } from '../formats/qdpx/codebook-xml.js';
import type { QdeCode } from './qde-model.js';

export interface ExistingTag {
  id: string;
  parentId: string | null;
  name: string;
  position: number;
}

export interface PlannedTag {
  id: string;
  parentId: string | null;
  position: number;
  name: string;
  color: TagColor;
  definition: string;
  inclusion: string;
  exclusion: string;
  examples: string[];
}

export interface CodebookPlan {
  tags: PlannedTag[];
  /** Code GUID -> tag id (new or existing). */
  tagOf: Map<string, string>;
  merged: number;
  skipped: RefiQdaSkipped[];
}

function clip(text: string, max: number, what: string, code: string, skipped: RefiQdaSkipped[]): string {
  const trimmed = text.trim();
  if ([...trimmed].length <= max) return trimmed;
  skipped.push({ kind: 'code text', name: code, reason: `its ${what} is longer than ${max} characters and was shortened` });
  return [...trimmed].slice(0, max).join('');
}

export function planCodebook(codes: readonly QdeCode[], existing: readonly ExistingTag[] = []): CodebookPlan {
  const plan: CodebookPlan = { tags: [], tagOf: new Map(), merged: 0, skipped: [] };
  const key = (parentId: string | null, name: string): string => `${parentId ?? ''}\u0000${name.toLowerCase()}`;
  const byName = new Map(existing.map((tag) => [key(tag.parentId, tag.name), tag.id]));
  const nextPosition = new Map<string | null, number>();
  for (const tag of existing) nextPosition.set(tag.parentId, Math.max(nextPosition.get(tag.parentId) ?? 0, tag.position + 1));
  let count = existing.length;
  for (const code of codes) {
    // Parents come before their children in the file (they enclose them).
    const parentId = code.parentGuid === null ? null : (plan.tagOf.get(code.parentGuid) ?? null);
    if (code.parentGuid !== null && parentId === null) {
      plan.skipped.push({ kind: 'code', name: code.name, reason: 'its parent code was not imported' });
      continue;
    }
    const name = clip(code.name.replace(/\s+/g, ' '), TAG_LIMITS.name, 'name', code.name, plan.skipped) || 'Untitled code';
    const same = byName.get(key(parentId, name));
    if (same) {
      plan.tagOf.set(code.guid, same);
      plan.merged += 1;
      continue;
    }
    if (count >= TAG_LIMITS.tags) {
      plan.skipped.push({ kind: 'code', name, reason: `the codebook holds at most ${TAG_LIMITS.tags} tags` });
      continue;
    }
    const criteria = parseCodeDescription(code.description);
    if (criteria.examples.length > TAG_LIMITS.examples) plan.skipped.push({ kind: 'code text', name, reason: `only the first ${TAG_LIMITS.examples} examples were kept` });
    const position = nextPosition.get(parentId) ?? 0;
    nextPosition.set(parentId, position + 1);
    const tag: PlannedTag = {
      id: randomUUID(),
      parentId,
      position,
      name,
      color: nearestTagColor(code.color) ?? defaultTagColor(count),
      definition: clip(criteria.definition, TAG_LIMITS.text, 'description', name, plan.skipped),
      inclusion: clip(criteria.inclusion, TAG_LIMITS.text, 'inclusion criteria', name, plan.skipped),
      exclusion: clip(criteria.exclusion, TAG_LIMITS.text, 'exclusion criteria', name, plan.skipped),
      examples: criteria.examples.slice(0, TAG_LIMITS.examples).map((example) => clip(example, TAG_LIMITS.example, 'example', name, plan.skipped)),
    };
    plan.tags.push(tag);
    plan.tagOf.set(code.guid, tag.id);
    byName.set(key(parentId, name), tag.id);
    count += 1;
  }
  return plan;
}
