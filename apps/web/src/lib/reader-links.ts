/**
 * Addresses of places in the corpus, shared by every screen that links into the reader.
 *
 * Passages are numbered from 1 for people (the margin, `?p=5`, `#p-5`); the API's passage
 * `index` counts from 0. Spans (`?span=120-180`) are code point offsets, end exclusive, exactly
 * as the API gives them, so a link built from any API response needs no conversion.
 */

export interface ReaderTarget {
  /** Passage number as shown in the margin (index + 1). */
  passage?: number | undefined;
  span?: { start: number; end: number } | undefined;
  /** Words to find in the document, e.g. carried over from a search. */
  find?: string | undefined;
}

export function passageNumber(index: number): number {
  return index + 1;
}

export function corpusPath(workspaceId: string): string {
  return `/w/${workspaceId}/corpus`;
}

export function documentPath(workspaceId: string, documentId: string, target: ReaderTarget = {}): string {
  const params = new URLSearchParams();
  if (target.passage !== undefined) params.set('p', String(target.passage));
  if (target.span !== undefined) params.set('span', `${String(target.span.start)}-${String(target.span.end)}`);
  if (target.find !== undefined && target.find !== '') params.set('find', target.find);
  const query = params.toString();
  return `${corpusPath(workspaceId)}/${documentId}${query === '' ? '' : `?${query}`}`;
}

/** The same address, absolute, for the clipboard. */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

export function searchPath(workspaceId: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  const search = params.toString();
  return `/w/${workspaceId}/search${search === '' ? '' : `?${search}`}`;
}

export function parsePassageParam(value: string | null): number | undefined {
  if (value === null || !/^\d{1,7}$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 ? number : undefined;
}

export function parseSpanParam(value: string | null): { start: number; end: number } | undefined {
  const match = value === null ? null : /^(\d{1,9})-(\d{1,9})$/.exec(value);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : undefined;
}
