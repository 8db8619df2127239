/**
 * Putting people's text into Markdown safely: inline text is escaped so a tag named `*x*` or
 * `<script>` stays literal (the HTML report renders this Markdown, so escaping here is also
 * what keeps raw HTML out of it); table cells also escape pipes and fold line breaks.
 */
const INLINE_SPECIALS = /[\\`*_{}[\]()<>#+!|~&-]/g;

export function mdInline(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(INLINE_SPECIALS, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : `\\${char}`));
}

export function mdCell(text: string): string {
  return mdInline(text).trim() || ' ';
}

/** A block quote, line by line, escaped. */
export function mdQuote(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => `> ${mdInline(line)}`.trimEnd())
    .join('\n');
}

/** A paragraph block kept as the author wrote it, but with raw HTML neutralised. */
export function mdBlock(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/^(\s*)(&gt;)/gm, '$1>');
}

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function figure(value: number | null, digits = 2): string {
  return value === null ? '–' : value.toFixed(digits);
}

export function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)} %`;
}
