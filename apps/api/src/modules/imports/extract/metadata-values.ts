/**
 * Metadata found in files is untrusted text of any length: these turn it into values the
 * document metadata accepts (the same limits as editing it through the API), or null.
 */
import { LanguageTagSchema, METADATA_LIMITS } from '@marginalia/shared/import-reading';

/**
 * Whitespace and control characters (a NUL cannot even be stored) collapsed to one space,
 * trimmed, cut to the short-field limit; null when empty.
 */
export function oneLine(value: string | null | undefined, max: number = METADATA_LIMITS.short): string | null {
  // eslint-disable-next-line no-control-regex
  const line = value?.replace(/[\s\u0000-\u001F\u007F]+/g, ' ').trim();
  if (!line) return null;
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** YYYY-MM-DD from an ISO date or date-time ("2023-08-01T09:30:00+01:00"), if it is a real date. */
export function calendarDate(value: string | null | undefined): string | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : null;
}

/** An absolute http(s) URL, or null. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= METADATA_LIMITS.url ? url.href : null;
  } catch {
    return null;
  }
}

/** A BCP 47 tag ("en-GB" from "en_GB"), only if Intl accepts it: passages are segmented with it. */
export function languageTag(value: string | null | undefined): string | null {
  const candidate = value?.trim().replace(/_/g, '-');
  if (!candidate || !LanguageTagSchema.safeParse(candidate).success) return null;
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? null;
  } catch {
    return null;
  }
}
