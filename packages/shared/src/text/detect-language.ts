/**
 * A document's language, guessed from its text when the file does not say: enough to choose
 * how search stems its words and how sentences are split. The script decides for Chinese,
 * Japanese, Korean, Russian, Greek, Arabic, Hindi and others; text in Latin script is scored
 * by its most frequent short words. Returns null when unsure (search then treats the text
 * as English, as for a document without a language). Reads at most the first
 * SAMPLE_CHARACTERS, in one pass.
 */

const SAMPLE_CHARACTERS = 5_000;

/** Fewer letters than this: too little to tell. */
const MIN_LETTERS = 20;

const SCRIPTS: { language: string; pattern: RegExp }[] = [
  { language: 'ko', pattern: /[\uac00-\ud7af\u1100-\u11ff]/u },
  { language: 'ja', pattern: /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u },
  { language: 'zh', pattern: /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u },
  { language: 'ru', pattern: /\p{Script=Cyrillic}/u },
  { language: 'el', pattern: /\p{Script=Greek}/u },
  { language: 'ar', pattern: /\p{Script=Arabic}/u },
  { language: 'he', pattern: /\p{Script=Hebrew}/u },
  { language: 'hi', pattern: /\p{Script=Devanagari}/u },
  { language: 'ta', pattern: /\p{Script=Tamil}/u },
  { language: 'th', pattern: /\p{Script=Thai}/u },
];

/** The most frequent words of each language with a Postgres stemmer, none shared with English. */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'was', 'for', 'with', 'this', 'are', 'have', 'which', 'from'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'du', 'dans', 'que', 'pour', 'pas', 'qui', 'sur'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'ein', 'eine', 'mit', 'den', 'dem', 'sich', 'auch', 'auf'],
  es: ['el', 'los', 'las', 'del', 'que', 'por', 'una', 'para', 'con', 'es', 'se', 'lo', 'como', 'pero'],
  it: ['il', 'di', 'che', 'della', 'una', 'per', 'sono', 'gli', 'non', 'nel', 'alla', 'anche', 'come', 'del'],
  pt: ['o', 'os', 'que', 'não', 'uma', 'do', 'da', 'em', 'para', 'com', 'por', 'mais', 'são', 'dos'],
  nl: ['de', 'het', 'een', 'van', 'en', 'niet', 'dat', 'zijn', 'op', 'voor', 'met', 'ook', 'maar', 'wordt'],
  sv: ['och', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'inte'],
  da: ['og', 'at', 'det', 'som', 'en', 'på', 'er', 'af', 'for', 'med', 'til', 'den', 'har', 'ikke'],
  id: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'dalam', 'akan', 'pada', 'juga', 'adalah'],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'gibi', 'ama', 'olan', 'değil'],
};

const WORD_LANGUAGES = new Map<string, string[]>();
for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words) WORD_LANGUAGES.set(word, [...(WORD_LANGUAGES.get(word) ?? []), language]);
}

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARACTERS);
  const byScript = new Map<string, number>();
  let letters = 0;
  let latin = 0;
  for (const character of sample) {
    const code = character.codePointAt(0)!;
    // ASCII first, without a regular expression: most text is mostly ASCII.
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) {
        letters += 1;
        latin += 1;
      }
      continue;
    }
    if (!/\p{L}/u.test(character)) continue;
    letters += 1;
    if (/\p{Script=Latin}/u.test(character)) {
      latin += 1;
      continue;
    }
    const script = SCRIPTS.find((candidate) => candidate.pattern.test(character));
    if (script) byScript.set(script.language, (byScript.get(script.language) ?? 0) + 1);
  }
  if (letters < MIN_LETTERS) return null;
  // Japanese mixes kanji with kana: any real share of kana makes the text Japanese.
  const kana = byScript.get('ja') ?? 0;
  const han = byScript.get('zh') ?? 0;
  if (kana > 0 && kana >= (kana + han) * 0.1) {
    byScript.set('ja', kana + han);
    byScript.delete('zh');
  }
  const [script, count] = [...byScript].reduce((best, entry) => (entry[1] > best[1] ? entry : best), ['', 0]);
  // Ideographs carry a word in one or two characters, so they count more than letters.
  const weight = script === 'zh' || script === 'ja' || script === 'ko' ? 3 : 1;
  if (count * weight >= latin) return script;
  return latinLanguage(sample);
}

function latinLanguage(sample: string): string | null {
  const scores = new Map<string, number>();
  let words = 0;
  for (const [word] of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    words += 1;
    for (const language of WORD_LANGUAGES.get(word) ?? []) scores.set(language, (scores.get(language) ?? 0) + 1);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  // Function words are about a third of running text; demand a clear share and a clear winner.
  if (!first || first[1] < Math.max(3, words * 0.05) || (second && first[1] < second[1] * 1.5)) return null;
  return first[0];
}
