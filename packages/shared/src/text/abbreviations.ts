/**
 * Where ICU's sentence segmenter breaks too early. Unicode's sentence rules (UAX #29) end a
 * sentence at a full stop followed by a space and a capital letter, so "a professor at St.
 * Thomas University" becomes two sentences, as do "Mr. Chen", "the U.S. CIA" and "John F.
 * Kennedy". ICU's own suppression lists are not reachable through Intl.Segmenter, hence this.
 *
 * Every check looks at a bounded number of characters at the end of one sentence and the start
 * of the next (no regular expression runs over the whole text), so it costs the same for any
 * length of input.
 */

/** Titles and the like: never the last word of a sentence, so always joined to what follows. */
const TITLES = new Set([
  'capt', 'col', 'dr', 'ft', 'gen', 'gov', 'lt', 'maj', 'messrs', 'mr', 'mrs', 'ms', 'mt', 'prof', 'rep', 'rev', 'sen', 'sgt', 'st', 'vs',
]);

/** Month abbreviations ("Jan. 5"); May has none. */
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/**
 * Words that start a new sentence far more often than they continue a name: after "the U.S."
 * or an initial, "The ..." is a new sentence, "Director ..." is not.
 */
const SENTENCE_OPENERS = new Set([
  'a', 'after', 'an', 'and', 'as', 'at', 'before', 'but', 'during', 'for', 'he', 'her', 'his', 'however', 'i', 'if', 'in', 'it', 'its', 'on', 'our',
  'she', 'since', 'so', 'that', 'the', 'their', 'there', 'these', 'they', 'this', 'those', 'we', 'when', 'while', 'yet',
]);

/** Longest abbreviation looked at, full stop included ("Messrs.", "U.S.A."). */
const TAIL = 8;
const WORD_BEFORE = /^[\p{L}.]+$/u;
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
const INITIAL = /^\p{Lu}$/u;
const LOWERCASE = /^\p{Ll}/u;
const DIGIT = /^\d/;
/** Unicode's rules end a sentence after "?”" even before a lower-case word (only "." gets that exception). */
const QUOTED_QUESTION = /[?!][”’"')\]]+$/u;

/**
 * True when `next` (a sentence, trimmed) continues `sentence` (the one before it, trimmed):
 * `sentence` ends with an abbreviation or an initial, or with a quoted question or exclamation
 * that `next` attributes in lower case ("Have you rebuilt?” host Mary Louise Kelly asked.").
 * Both arguments may be long; only their ends are read.
 */
export function continuesSentence(sentence: string, next: string): boolean {
  if (QUOTED_QUESTION.test(sentence.slice(-4))) return LOWERCASE.test(next);
  if (!sentence.endsWith('.')) return false;
  const word = lastWord(sentence);
  if (word === null) return false;
  const key = word.toLowerCase();
  if (TITLES.has(key)) return true;
  if (key === 'no') return DIGIT.test(next);
  if (DOTTED.test(word)) return LOWERCASE.test(word) || !opensSentence(next); // "e.g." never ends a sentence; "U.S." may
  if (INITIAL.test(word) || MONTHS.has(key)) return !opensSentence(next);
  return false;
}

/** The word before the final full stop, without it, when short enough to be an abbreviation. */
function lastWord(sentence: string): string | null {
  const tail = sentence.slice(-(TAIL + 1), -1);
  let start = tail.length;
  while (start > 0 && !isWordBoundary(tail[start - 1]!)) start -= 1;
  // The tail ran out before a boundary: the word is longer than any abbreviation.
  if (start === 0 && sentence.length > TAIL + 1) return null;
  const word = tail.slice(start);
  return word !== '' && WORD_BEFORE.test(word) ? word : null;
}

function isWordBoundary(char: string): boolean {
  return /[\s(“"‘'[—–-]/u.test(char);
}

function opensSentence(next: string): boolean {
  const match = /^[\p{L}]+/u.exec(next.slice(0, 12));
  return match !== null && SENTENCE_OPENERS.has(match[0].toLowerCase());
}
