/**
 * Finds people quoted in a sentence of English news text: "said X", "X told", "X, a senior
 * analyst at Y, said", "commentator X believes". Deliberately conservative: candidates go to a
 * person for review, so a missed name costs less than a flood of false ones.
 */

export interface ActorMention {
  name: string;
  /** UTF-16 index of the name in the text searched, to find the sentence around it. */
  index: number;
  /** Role or affiliation from an apposition ("a senior analyst at ...") or a title before the name. */
  affiliation: string | null;
}

const NAME_TOKEN = String.raw`[A-Z][a-z]+(?:-[a-zA-Z]+)?`;
const NAME = String.raw`${NAME_TOKEN}(?:\s${NAME_TOKEN}){1,2}`;
const SPEECH_VERB = String.raw`(?:said|says|told|tells|stated|states|noted|notes|explained|explains|believes|believed|added|argued|argues|warned|warns|pointed out|wrote|writes|commented|claimed|suggested|observed|emphasi[sz]ed|stressed|remarked|mentioned|analy[sz]ed)`;
const ROLE = String.raw`(?:commentator|analyst|scholar|professor|researcher|expert|agent|officer|lawyer|economist|journalist|director|spokesperson|spokesman|spokeswoman|fellow|historian|dissident|activist|official|minister|chairman|president|lecturer|specialist|editor|columnist|diplomat)`;
const APPOSITION = String.raw`(?:an?\s|the\s)?([^,;:“”"]{3,160}?)`;

const PATTERNS: { regex: RegExp; affiliationGroup: number | null; nameGroup: number; roleFirst?: boolean }[] = [
  // "..., said Su Tzu-yun, a senior analyst at the Institute for National Defense and Security Research."
  { regex: new RegExp(String.raw`\b(?:said|says|according to)\s(${NAME})(?:,\s${APPOSITION}(?=[,.]|$))?`, 'g'), nameGroup: 1, affiliationGroup: 2 },
  // "Malcolm Davis, a senior analyst on China at ASPI, said ..."
  { regex: new RegExp(String.raw`(?:^|[\s“"(])(${NAME}),\s${APPOSITION},\s(?:also\s)?${SPEECH_VERB}\b`, 'g'), nameGroup: 1, affiliationGroup: 2 },
  // "Current affairs commentator Li Linyi told ..."
  { regex: new RegExp(String.raw`\b((?:[A-Za-z’'-]+\s){0,3}?${ROLE})\s(${NAME}|${NAME_TOKEN})\s(?:also\s|further\s)?${SPEECH_VERB}\b`, 'g'), nameGroup: 2, affiliationGroup: 1, roleFirst: true },
  // "Shen Mingshi stated that ..."
  { regex: new RegExp(String.raw`(?:^|[\s“"(])(${NAME})\s(?:also\s|further\s|then\s)?${SPEECH_VERB}\b`, 'g'), nameGroup: 1, affiliationGroup: null },
];

/**
 * Every pattern needs a speech verb or "according to": one scan for them lets most passages
 * skip the four patterns (most of a corpus quotes nobody; imports run this on every passage).
 */
const SPEECH_CUE = new RegExp(String.raw`\b(?:according to|${SPEECH_VERB})\b`);

/** False when no pattern can match the passage; true means look closer. */
export function mayMentionActors(passage: string): boolean {
  return SPEECH_CUE.test(passage);
}

/** Words that make a capitalised run an organisation, a place or a sentence opener, not a person. */
const NOT_PERSON_WORDS = new Set(
  [
    'the', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'as', 'and', 'but', 'he', 'she', 'it', 'they', 'we', 'his', 'her', 'their', 'our',
    'according', 'however', 'meanwhile', 'recently', 'former', 'current', 'independent', 'chinese', 'china', 'communist', 'party', 'ministry',
    'state', 'states', 'security', 'national', 'public', 'foreign', 'global', 'times', 'reuters', 'beijing', 'taiwan', 'united', 'bureau',
    'department', 'institute', 'university', 'council', 'committee', 'government', 'agency', 'service', 'news', 'media', 'daily', 'post',
    'foundation', 'office', 'commission', 'congress', 'people', 'republic', 'central', 'general', 'intelligence', 'police', 'army',
    'epoch', 'dajiyuan', 'xinhua', 'caller', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
    'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'wechat', 'weibo',
  ],
);

function looksLikePerson(name: string): boolean {
  return name.split(/\s+/).every((token) => !NOT_PERSON_WORDS.has(token.toLowerCase()));
}

function cleanAffiliation(raw: string | undefined, roleFirst: boolean | undefined): string | null {
  if (!raw) return null;
  // A relative clause ("who has long been ...") describes, it does not affiliate.
  let text = raw.trim().replace(/\s+/g, ' ').replace(/\s(?:who|which|that)\s.*$/, '');
  if (roleFirst) text = text.charAt(0).toLowerCase() + text.slice(1);
  return text.length >= 3 ? text : null;
}

/** Mentions in a passage (not per sentence: abbreviations like "St. Thomas" fool sentence splitters). */
export function findActorMentions(passage: string): ActorMention[] {
  const found = new Map<string, ActorMention>();
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (const match of passage.matchAll(pattern.regex)) {
      const name = match[pattern.nameGroup]?.trim();
      if (!name || !looksLikePerson(name)) continue;
      const affiliation = pattern.affiliationGroup === null ? null : cleanAffiliation(match[pattern.affiliationGroup], pattern.roleFirst);
      // Where the name itself starts (a match may begin with the word before it).
      const index = match.index + match[0].indexOf(name);
      const key = `${name.toLowerCase()}@${index}`;
      const previous = found.get(key);
      if (previous) {
        previous.affiliation ??= affiliation;
        continue;
      }
      found.set(key, { name, index, affiliation });
    }
  }
  return [...found.values()];
}
