/**
 * The user's search syntax, parsed into terms; nothing here touches SQL. Postgres turns each
 * term into lexemes itself (see tsquery-sql.ts), so this parser only has to find the structure:
 *
 *   spies network      both words (stemmed: "spies" finds "spy")
 *   "secret service"   the words next to each other, in that order
 *   democra*           words starting with "democra"
 *   -embassy           passages without the word (or "-\"a phrase\"")
 *   spy OR agent       either; OR binds tighter than the implicit AND: a b OR c = a AND (b OR c)
 *   国家安全            Chinese, Japanese, Korean: the characters together, in order (cjk-terms.ts)
 *
 * Anything else is forgiven rather than refused: an unclosed quote runs to the end, an OR with
 * nothing on one side is dropped, tokens without a letter or digit are ignored.
 */

export type SearchTermKind = 'word' | 'phrase' | 'prefix';

export interface SearchTerm {
  kind: SearchTermKind;
  text: string;
}

export interface ParsedSearch {
  /** Every group must match; a group matches when any of its terms does. */
  required: SearchTerm[][];
  /** No term may match. */
  excluded: SearchTerm[];
}

type Token = { type: 'or' } | { type: 'term'; negated: boolean; term: SearchTerm };

/** More terms than this are refused: a query is typed by a person, not generated. */
export const MAX_SEARCH_TERMS = 32;

const MEANINGFUL = /[\p{L}\p{N}]/u;
/** Characters kept in a prefix term; Postgres quotes the rest of it (tsquery-sql.ts). */
const PREFIX_NOISE = /[^\p{L}\p{M}\p{N}'’-]/gu;

export function parseSearchQuery(input: string): ParsedSearch {
  return group(tokenize(input));
}

export function termCount(parsed: ParsedSearch): number {
  return parsed.required.reduce((sum, alternatives) => sum + alternatives.length, 0) + parsed.excluded.length;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (/\s/u.test(char)) {
      i += 1;
      continue;
    }
    // A minus counts as "exclude" only at the start of a token, so "e-mail" stays one word.
    const negated = char === '-' && i + 1 < input.length && !/\s/u.test(input[i + 1]!);
    if (negated) i += 1;
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      const end = close === -1 ? input.length : close;
      pushTerm(tokens, negated, { kind: 'phrase', text: input.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end]!) && input[end] !== '"') end += 1;
    const word = input.slice(i, end);
    i = end;
    if (word === 'OR' && !negated) tokens.push({ type: 'or' });
    else pushTerm(tokens, negated, wordTerm(word));
  }
  return tokens;
}

function wordTerm(word: string): SearchTerm {
  if (!word.endsWith('*')) return { kind: 'word', text: word };
  const stem = word.replace(/\*+$/, '').replace(PREFIX_NOISE, '');
  return { kind: 'prefix', text: stem };
}

function pushTerm(tokens: Token[], negated: boolean, term: SearchTerm): void {
  const text = term.text.trim();
  if (!MEANINGFUL.test(text)) return;
  tokens.push({ type: 'term', negated, term: { kind: term.kind, text } });
}

function group(tokens: Token[]): ParsedSearch {
  const parsed: ParsedSearch = { required: [], excluded: [] };
  let lastWasPositive = false;
  let joinNext = false;
  for (const token of tokens) {
    if (token.type === 'or') {
      // Only an OR after a positive term means anything ("a OR OR b" is still a OR b).
      joinNext = lastWasPositive || joinNext;
      lastWasPositive = false;
      continue;
    }
    if (token.negated) parsed.excluded.push(token.term);
    else if (joinNext) parsed.required.at(-1)!.push(token.term);
    else parsed.required.push([token.term]);
    lastWasPositive = !token.negated;
    joinNext = false;
  }
  return parsed;
}
