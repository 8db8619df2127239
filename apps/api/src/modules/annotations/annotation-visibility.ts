/**
 * Which annotations a member gets. Under blind coding (until an admin reveals), only their own:
 * the condition is part of every query that reads annotations (lists, coded segments,
 * statistics), so others' annotations are never returned rather than hidden by the client.
 */
import type { StoredCodingSettings } from '../codebook/coding-settings.service.js';
import { othersHidden } from '../codebook/coding-settings.service.js';

/** Collects positional parameters for a hand-built query. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(...initial: unknown[]) {
    this.values.push(...initial);
  }
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** SQL condition on annotation alias `a` for what `userId` may see; 'TRUE' when nothing is withheld. */
export function visibleTo(settings: StoredCodingSettings, userId: string, params: SqlParams, alias = 'a'): string {
  return othersHidden(settings) ? `${alias}.analyst_id = ${params.add(userId)}` : 'TRUE';
}

/** SQL condition for a kind filter ('all' keeps both). */
export function ofKind(kind: 'analyst' | 'consensus' | 'all', params: SqlParams, alias = 'a'): string {
  return kind === 'all' ? 'TRUE' : `${alias}.kind = ${params.add(kind)}`;
}
