/**
 * Chinese, Japanese and Korean text: scripts written without spaces between words. Search
 * indexes each run of such characters as its overlapping character pairs (see the
 * multilingual-search migration, whose character class must stay the same as this one).
 */

/** Kana, CJK ideographs (with extensions and compatibility forms), Hangul syllables, half-width katakana. */
const CJK_CLASS = '\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f\\u{20000}-\\u{3134f}';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const CJK_RUNS = new RegExp(`[${CJK_CLASS}]+|[^${CJK_CLASS}]+`, 'gu');

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

export interface TextRun {
  text: string;
  cjk: boolean;
}

/** The text cut into alternating runs of CJK and other characters, in order. Linear. */
export function cjkRuns(text: string): TextRun[] {
  return Array.from(text.matchAll(CJK_RUNS), ([run]) => ({ text: run, cjk: CJK.test(run) }));
}

/** "国家安全" -> ["国家", "家安", "安全"]; a single character is its own pair. Code points, not UTF-16 units. */
export function characterPairs(run: string): string[] {
  const characters = Array.from(run);
  if (characters.length < 2) return characters;
  return characters.slice(1).map((character, i) => characters[i]! + character);
}
