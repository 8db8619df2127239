/**
 * REFI-QDA identifies everything by GUID (a UUID, per the schema's GUIDType). Marginalia's
 * rows already have UUIDs and keep them; elements whose ids are not UUIDs (map nodes and
 * edges, codings, derived notes) get a name-based UUID (version 5 layout over SHA-1), so the
 * same workspace always exports the same GUIDs and re-exports compare equal.
 */
import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return UUID.test(value);
}

/** The id itself when it is a UUID, otherwise a stable UUID derived from it. */
export function guidOf(id: string): string {
  return isGuid(id) ? id.toLowerCase() : derivedGuid(id);
}

/** A stable UUID for a name (e.g. `coding:<annotation>:<tag>`). */
export function derivedGuid(name: string): string {
  const hash = createHash('sha1').update(`marginalia:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
