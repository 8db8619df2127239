/**
 * A title to propose for an imported document; a person confirms or edits it later. Scraped
 * files sometimes start with their headline and sometimes go straight into the text, and
 * carry artefacts of the page they came from ("…Party.hasMore", "Read more", " | Site").
 * In order: the format's own title; a short first line that reads like a headline; the first
 * sentence, shortened; the file name.
 */
import { METADATA_LIMITS } from '@marginalia/shared/import-reading';

export interface TitleSources {
  /** From the file's metadata (HTML <title>, PDF info, DOCX core properties). */
  metadataTitle?: string | null;
  /** The normalised text. */
  text: string;
  /** As uploaded; inside a ZIP, "archive.zip/folder/file.txt". */
  filename?: string | null;
  /** Outlet name, when known, to recognise " | The Outlet" suffixes. */
  siteName?: string | null;
}

const HEADLINE_MAX = 200;
const SENTENCE_TITLE_MAX = 100;
/**
 * Only this much of the first line is looked at: a title is short, and every regex below then
 * runs on bounded input (a 13 MB line once overflowed the stack in stripSiteSuffix).
 */
const FIRST_LINE_SCAN = 4_000;

export function proposeTitle({ metadataTitle, text, filename, siteName }: TitleSources): string {
  const fromMetadata = metadataTitle ? cleanTitle(metadataTitle, siteName) : '';
  if (fromMetadata) return limit(fromMetadata);
  const lineEnd = text.indexOf('\n');
  const hasMore = lineEnd >= 0;
  const wholeFirst = hasMore ? text.slice(0, lineEnd) : text;
  const first = wholeFirst.slice(0, FIRST_LINE_SCAN);
  const secondEnd = hasMore ? text.indexOf('\n', lineEnd + 1) : -1;
  const followedByBlank = hasMore && text.slice(lineEnd + 1, secondEnd < 0 ? undefined : secondEnd).trim() === '';
  // A first line longer than the scan is no headline, whatever its end holds.
  const headline = first === wholeFirst ? cleanTitle(first, siteName) : '';
  if (headline && hasMore && headline.length <= HEADLINE_MAX && (followedByBlank || !endsLikeSentence(stripArtefacts(first)))) return limit(headline);
  const sentence = firstSentence(first);
  if (sentence) return limit(sentence);
  return limit(filenameTitle(filename));
}

/** One trailing artefact, tried on the last few characters only. */
const ARTEFACT_AT_END = /(?:hasMore|Read more|Continue reading|Show more|\[(?:\.\.\.|…)\])$/i;
const LONGEST_ARTEFACT = 'Continue reading'.length;

/**
 * The glued-on and trailing bits scrapers leave behind, and control characters. Artefacts are
 * taken off the end one at a time, looking only at the tail: one regex for "any number of
 * them at the end" is tried from every position and, when the line does not end in one,
 * rescans the rest of the line from each (quadratic: 23 s for 40,000 "Read more").
 */
function stripArtefacts(line: string): string {
  // eslint-disable-next-line no-control-regex
  let text = line.replace(/[\s\u0000-\u001F\u007F]+/g, ' ').trim();
  for (;;) {
    const tail = text.slice(-LONGEST_ARTEFACT);
    const match = ARTEFACT_AT_END.exec(tail);
    if (!match) return text;
    text = text.slice(0, text.length - tail.length + match.index).trimEnd();
  }
}

/** Headline clean-up: artefacts, a trailing site name, wrapping quotes, a final full stop. */
export function cleanTitle(raw: string, siteName?: string | null): string {
  let title = stripArtefacts(raw).replace(/^#{1,6}\s+/, '');
  title = stripSiteSuffix(title, siteName);
  const quoted = /^["“«„](.*)["”»“]$/.exec(title);
  if (quoted?.[1] && !/["“”]/.test(quoted[1])) title = quoted[1].trim();
  // A headline does not end with a full stop (but may end with "...", "?" or "!").
  if (/[^.]\.$/.test(title)) title = title.slice(0, -1);
  return title.trim();
}

function stripSiteSuffix(title: string, siteName?: string | null): string {
  if (siteName) {
    const escaped = siteName.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = title.replace(new RegExp(`\\s+[|–—:-]\\s+${escaped}$`, 'i'), '').replace(new RegExp(`^${escaped}\\s+[|–—:-]\\s+`, 'i'), '');
    if (stripped && stripped !== title) return stripped;
  }
  // " | Anything short" is nearly always a site name.
  const piped = /^(.{12,}?)\s+\|\s+[^|]{1,60}$/.exec(title);
  if (piped?.[1]) return piped[1];
  // " - Site Name" / " — Site Name": only when the suffix looks like a name (few words, all
  // capitalised or a domain), so "Spies - a history of fear" keeps its subtitle.
  const dashed = /^(.{12,}?)\s+[-–—]\s+([^-–—]{2,40})$/.exec(title);
  if (dashed?.[1] && dashed[2] && looksLikeSiteName(dashed[2])) return dashed[1];
  return title;
}

function looksLikeSiteName(suffix: string): boolean {
  if (/\.(com|org|net|co\.\w+|news|info|\w{2})$/i.test(suffix) && !/\s/.test(suffix)) return true;
  const words = suffix.trim().split(/\s+/);
  const small = new Set(['the', 'of', 'and', 'for', 'on', 'de', 'la', 'le', 'el', '&']);
  return words.length <= 4 && words.every((word) => small.has(word.toLowerCase()) || /^[\p{Lu}\p{N}]/u.test(word)) && !/[.!?,;:]$/.test(suffix);
}

function endsLikeSentence(line: string): boolean {
  return /[.!?…。！？]["'”’)\]]*$/.test(line) && !/\.\.\.$/.test(line);
}

/** The first sentence of a paragraph, cut to about 100 characters: at a clause break if there is one, else at a word. */
function firstSentence(paragraph: string): string {
  const clean = stripArtefacts(paragraph);
  if (!clean) return '';
  const segment = new Intl.Segmenter('en', { granularity: 'sentence' }).segment(clean)[Symbol.iterator]().next().value?.segment ?? clean;
  const sentence = segment.trim().replace(/[.。]$/, '');
  const points = [...sentence];
  if (points.length <= SENTENCE_TITLE_MAX) return sentence;
  const head = points.slice(0, SENTENCE_TITLE_MAX + 1).join('');
  const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(': '), head.lastIndexOf(' – '), head.lastIndexOf(' — '));
  if (clause >= 40) return `${head.slice(0, clause).trimEnd()}…`;
  const space = head.lastIndexOf(' ');
  if (space >= 40) return `${head.slice(0, space).replace(/[,;:–—-]+$/, '').trimEnd()}…`;
  // No spaces (Chinese, Japanese): cut at the limit.
  return `${points.slice(0, SENTENCE_TITLE_MAX).join('')}…`;
}

function filenameTitle(filename?: string | null): string {
  const base = (filename ?? '').split('/').pop() ?? '';
  const withoutExtension = base.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim();
  return withoutExtension || 'Untitled document';
}

function limit(title: string): string {
  const points = [...title];
  return points.length <= METADATA_LIMITS.title ? title : `${points.slice(0, METADATA_LIMITS.title - 1).join('')}…`;
}
