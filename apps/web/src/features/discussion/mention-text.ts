/**
 * The text side of @mentions in the composer: finding the "@word" being typed at the caret and
 * replacing it with the Markdown the server reads, `[@Display Name](mention:<userId>)`.
 * Pure functions over the textarea's value and caret, so they are easy to reason about.
 */

export interface MentionQuery {
  /** Where the "@" is, in UTF-16 units of the value (as the textarea counts). */
  at: number;
  /** What follows the "@" up to the caret. */
  text: string;
}

/** The "@…" being typed just before the caret, if any: "@" after a space or at the start, no line break in between. */
export function mentionQueryAt(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret);
  const match = /(?:^|[\s(])@([^\s@[\]()]{0,40})$/.exec(before);
  if (!match) return null;
  const text = match[1] ?? '';
  return { at: caret - text.length - 1, text };
}

/** Brackets would end the link text early; the server allows up to 80 characters of name. */
function linkText(name: string): string {
  return name.replace(/[[\]\n]/g, ' ').slice(0, 79);
}

export function mentionMarkdown(userId: string, displayName: string): string {
  return `[@${linkText(displayName)}](mention:${userId})`;
}

/** The value with the query replaced by the mention (and a space), and where the caret goes. */
export function insertMention(value: string, query: MentionQuery, caret: number, userId: string, displayName: string): { value: string; caret: number } {
  const inserted = `${mentionMarkdown(userId, displayName)} `;
  return { value: value.slice(0, query.at) + inserted + value.slice(caret), caret: query.at + inserted.length };
}
