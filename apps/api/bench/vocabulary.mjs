// Words for the synthetic corpus, most frequent first: English function words (stop words to
// Postgres), a few hundred content words of the kind a news or interview corpus has, and a
// long tail of made-up but pronounceable words, so that frequencies can follow Zipf's law over
// a vocabulary of realistic size. Deterministic: the same list on every run.

export const FUNCTION_WORDS = `the of and to a in that is was he for it with as his on be at by i this had not are but from or
have an they which one you were her all she there would their we him been has when who will more no if out so said what up its
about into than them can only other new some could these two may then do first any my now such like our over me even most
made after also did many before must through back where much your way well down should because each just those how too
very make still own see get here between both being under never same another know while last might us off since against
go came right used take three`.split(/\s+/);

export const CONTENT_WORDS = `government minister report policy election campaign party vote council city people public
country state year time week month day president official spokesman committee interview source document record statement
question answer evidence witness court judge trial lawyer police officer investigation inquiry agency security service
secret spy network border embassy ambassador foreign domestic economy market price bank budget tax trade industry company
worker union strike wage pension health hospital doctor patient school teacher student university research study data
science climate energy water river harbour port ship coast island village region province capital parliament senate
congress law bill reform debate speech meeting conference summit treaty agreement crisis conflict war peace army soldier
military defence weapon attack protest crowd demonstration rally leader opposition coalition minority majority candidate
voter ballot result survey poll analysis expert professor author editor newspaper journalist reporter article column story
headline broadcast radio television channel website online platform message letter memo note archive library museum history
memory family mother father child children son daughter brother sister friend neighbour community church mosque temple
festival holiday summer winter spring autumn morning evening night weather storm flood drought harvest farmer farm land field
forest mountain valley road bridge railway train station airport flight travel journey migrant refugee camp aid charity
volunteer donation fund grant contract project plan strategy programme initiative scheme proposal decision choice option
risk threat danger safety protection rights freedom justice equality democracy democratic institution constitution
republic monarchy kingdom empire colony independence revolution movement organisation association federation alliance
partner partnership relationship cooperation competition rival enemy ally support opposition criticism praise blame
responsibility accountability transparency corruption scandal fraud bribe investigation prosecutor sentence prison release
arrest charge accusation denial confession apology resignation appointment promotion career office building street square
market shop restaurant hotel house home apartment rent property owner tenant landlord developer construction housing
population census growth decline increase rise fall change trend pattern figure number percent rate level standard quality
value cost benefit profit loss debt deficit surplus loan credit interest inflation currency exchange export import factory
production product supply demand consumer customer client service delivery transport traffic vehicle car bus truck fuel
oil gas coal electricity power plant nuclear solar wind renewable emission pollution environment nature wildlife species
ocean sea lake island beach desert ice temperature heat cold record warning forecast scientist laboratory experiment
discovery invention technology computer software internet phone device camera photograph image video film music song
artist writer poet novel book chapter page language word translation meaning culture tradition religion belief faith
identity nation citizen passport visa immigration asylum deportation border checkpoint patrol guard intelligence
informant agent operative officer handler mission operation surveillance wiretap recording transcript testimony`.split(/\s+/);

export const FIRST_NAMES = `Anna Boris Clara Daniel Elena Farid Greta Hugo Ines Jonas Karim Lena Marco Nadia Oskar Petra
Rahul Sofia Tomas Ursula Viktor Wanda Yusuf Zofia Amira Bruno Chiara Dmitri Esther Felix Hana Ivan Julia Kofi Lucia Mateo`.split(/\s+/);

export const SURNAMES = `Abbott Barros Castellanos Duarte Eriksen Fontaine Gallagher Haddad Ivanova Janssen Kowalski
Lindqvist Moreau Nakamura Okafor Petrov Quintero Rossi Schneider Takahashi Uribe Varga Weber Xu Yilmaz Zimmermann
Almeida Brennan Chowdhury Dubois Esposito Fischer`.split(/\s+/);

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'cl', 'cr', 'dr', 'fl', 'gr', 'pl', 'pr', 'sc', 'sl', 'st', 'tr', 'th', 'sh', 'ch'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ee', 'io', 'ou', 'oa'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'rt', 'ck'];
const SUFFIXES = ['', '', '', 'tion', 'ment', 'ness', 'ity', 'ing', 'ed', 'al', 'er', 'ous', 'ive', 'able', 'ism', 'ist'];

/** A made-up, pronounceable word per index: the same index gives the same word. */
function madeUpWord(index, random) {
  const syllables = 1 + Math.floor(random() * 3);
  let word = '';
  for (let s = 0; s < syllables; s += 1) {
    word += ONSETS[Math.floor(random() * ONSETS.length)] + NUCLEI[Math.floor(random() * NUCLEI.length)] + CODAS[Math.floor(random() * CODAS.length)];
  }
  return word + SUFFIXES[index % SUFFIXES.length];
}

/**
 * The vocabulary in frequency order: function words interleaved near the top (as in real
 * text, where "the" and "of" lead), then content words, then the made-up tail.
 */
export function buildVocabulary(size, random) {
  const words = [];
  const seen = new Set();
  const add = (word) => {
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  };
  const content = [...CONTENT_WORDS];
  for (let i = 0; i < FUNCTION_WORDS.length; i += 1) {
    add(FUNCTION_WORDS[i]);
    // Every third rank near the top goes to a content word.
    if (i % 3 === 2 && content.length > 0) add(content.shift());
  }
  for (const word of content) add(word);
  for (let i = 0; words.length < size; i += 1) add(madeUpWord(i, random));
  return words;
}
