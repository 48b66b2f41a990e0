import type { Span } from '../../model/index.js';
import type { Lexicon } from './lexicon.js';
import type { SentenceWords } from './words.js';

/** A recognised mention: word range, text range and CoNLL type. */
export interface Mention {
  /** Sentence index and word range [first, last] within it. */
  sentence: number;
  first: number;
  last: number;
  start: number;
  end: number;
  type: string;
  text: string;
}

/**
 * Turns BIO tags over words into mentions (an I- after O or another type starts a mention,
 * as conlleval reads it). Trailing possessives and stray punctuation are trimmed away.
 */
export function mentionsFromTags(text: string, words: readonly SentenceWords[], tags: readonly (readonly string[])[]): Mention[] {
  const out: Mention[] = [];
  // Plain loops, no named closures: run through tsx (esbuild keepNames), every closure made
  // per call costs a defineProperty of its name.
  for (let s = 0; s < words.length; s++) {
    const sentence = words[s];
    const sentenceTags = tags[s];
    let open: Mention | undefined;
    for (let i = 0; i < sentenceTags.length; i++) {
      const tag = sentenceTags[i];
      const type = tag === 'O' ? '' : tagType(tag);
      if (open && (tag.startsWith('B-') || type !== open.type)) {
        out.push(open);
        open = undefined;
      }
      if (!type) continue;
      if (open) {
        open.last = i;
        open.end = sentence.ends[i];
      } else open = { sentence: s, first: i, last: i, start: sentence.starts[i], end: sentence.ends[i], type, text: '' };
    }
    if (open) out.push(open);
  }
  for (const m of out) m.text = text.slice(m.start, m.end);
  return out.filter((m) => hasLetterOrDigit(m.text));
}

/** The type of a BIO tag ("B-PER" → "PER"), memoised: the tags are a handful of shared strings. */
function tagType(tag: string): string {
  let type = TAG_TYPES.get(tag);
  if (type === undefined) TAG_TYPES.set(tag, (type = tag.slice(2)));
  return type;
}

const TAG_TYPES = new Map<string, string>();

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `/[\p{L}\p{N}]/u.test(text)`, with an ASCII scan first (an ASCII letter or digit decides it). */
function hasLetterOrDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return LETTER_OR_DIGIT.test(text);
    if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) return true;
  }
  return false;
}

const STARTS_UPPER = /^\p{Lu}/u;

/** `/^\p{Lu}/u.test(word)`, without the regex for an ASCII first character. */
export function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return STARTS_UPPER.test(word);
}

/** Words in the longest alias of each lexicon (aliases are looked up as words joined by spaces). */
const MAX_ALIAS_WORDS = new WeakMap<Lexicon, number>();

function maxAliasWords(lex: Lexicon): number {
  let max = MAX_ALIAS_WORDS.get(lex);
  if (max === undefined) {
    max = 0;
    for (const alias of lex.byAlias.keys()) max = Math.max(max, alias.split(' ').length);
    MAX_ALIAS_WORDS.set(lex, max);
  }
  return max;
}

/**
 * Repairs a common run-on: a place or organisation name glued to the person after it
 * ("Envoy for Syria Staffan de Mistura" tagged as one LOC). When a non-person mention starts
 * with a known alias-table name and the rest starts with a known given name, it is split in two.
 */
export function splitMentions(mentions: readonly Mention[], words: readonly SentenceWords[], lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.type === 'PER' || m.last === m.first) {
      out.push(m);
      continue;
    }
    const sentence = words[m.sentence];
    let split = -1;
    // A head longer than the longest alias cannot be one: without this bound a mention of n
    // words (a run of capitalised words with no full stop) cost n^2 (80,000 characters: 14 s).
    const lastHead = Math.min(m.last, m.first + maxAliasWords(lex));
    for (let k = m.first + 1; k <= lastHead && split < 0; k++) {
      // The given-name test first: it is cheap (no string built) and rarely passes.
      if (lex.firstNames.has(sentence.texts[k]) && lex.byAlias.has(sentence.texts.slice(m.first, k).join(' '))) split = k;
    }
    if (split < 0) {
      out.push(m);
      continue;
    }
    const head = { ...m, last: split - 1, end: sentence.ends[split - 1] };
    const tail = { ...m, first: split, start: sentence.starts[split], type: 'PER' };
    head.text = m.text.slice(0, head.end - m.start);
    tail.text = m.text.slice(tail.start - m.start);
    out.push(head, tail);
  }
  return out;
}

/** Lower-case particles inside personal names ("Staffan de Mistura", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'du', 'des', 'van', 'von', 'der', 'den', 'ter', 'ten', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das']);

/**
 * A person name cannot end in a particle: when a PER mention ends with one and the next word
 * is capitalised (tagged or not), the mention runs on to include it (and a PER mention there
 * is absorbed). And a mention right after an untagged particle takes the particle in when the
 * document names a person in full with it ("Staffan de Mistura" … "by de Mistura"), as a person.
 */
export function joinParticles(mentions: readonly Mention[], words: readonly SentenceWords[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const sentence = words[m.sentence];
    const lastWord = sentence.texts[m.last];
    const next = sentence.texts[m.last + 1];
    if (m.type !== 'PER' || m.first === m.last || !NAME_PARTICLES.has(lastWord) || next === undefined || !startsUpper(next)) {
      out.push(m);
      continue;
    }
    const following = mentions[i + 1];
    const absorb = following && following.sentence === m.sentence && following.first === m.last + 1;
    const last = absorb ? following.last : m.last + 1;
    const end = absorb ? following.end : sentence.ends[m.last + 1];
    out.push({ ...m, last, end, text: text.slice(m.start, end) });
    if (absorb) i++;
  }
  let fullNames: string[] | undefined;
  for (let i = 0; i < out.length; i++) {
    const m = out[i];
    const sentence = words[m.sentence];
    const before = m.first > 0 ? sentence.texts[m.first - 1] : undefined;
    // Any type: the particle and name are the tail of a person's full name, so a person.
    if (before === undefined || !NAME_PARTICLES.has(before)) continue;
    if (i > 0 && out[i - 1].sentence === m.sentence && out[i - 1].last >= m.first - 1) continue;
    fullNames ??= out.filter((x) => x.type === 'PER' && x.last > x.first).map((x) => x.text);
    const withParticle = `${before} ${m.text}`;
    const start = sentence.starts[m.first - 1];
    if (fullNames.some((name) => name.endsWith(' ' + withParticle)) && text.slice(start, m.end) === withParticle) {
      out[i] = { ...m, first: m.first - 1, start, text: withParticle, type: 'PER' };
    }
  }
  return out;
}

/**
 * Head words of organisation names written with a plural possessive ("Traders' Guild",
 * "Workers' Union", "Veterans' Affairs"), besides the lexicon's organisation words. Kept apart
 * from the gazetteer, which the recogniser was trained with.
 */
export const POSSESSIVE_ORG_HEADS = new Set(['Guild', 'Fund', 'Affairs', 'Rights', 'Coalition', 'Collective', 'Cooperative', 'Co-operative', 'Network', 'Forum', 'Trust', 'Congress', 'Federation', 'Union', 'Association', 'League', 'Council', 'Society', 'Alliance', 'Movement', 'Party', 'Club', 'Institute', 'Committee']);

function isOrganisationHead(word: string | undefined, lex: Lexicon): boolean {
  return word !== undefined && (POSSESSIVE_ORG_HEADS.has(word) || lex.orgWords.has(word));
}

/**
 * The recogniser splits an organisation at a plural possessive ("Brennian Traders" ORG, "'",
 * "Guild" PER): an organisation mention ending in an -s word, right before "' " or "’ ", and the
 * mention right after it (or the untagged word there) that ends in an organisation head word,
 * become one organisation. A person after it ("the Democrats' Clinton") is left alone.
 */
export function joinPossessiveOrganisations(mentions: readonly Mention[], words: readonly SentenceWords[], text: string, lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const sentence = words[m.sentence];
    const after = m.last + 2;
    if (m.type !== 'ORG' || !/s$/i.test(sentence.texts[m.last]) || !/^['’] $/.test(text.slice(m.end, sentence.starts[after] ?? m.end))) {
      out.push(m);
      continue;
    }
    const next = mentions[i + 1];
    const tagged = next !== undefined && next.sentence === m.sentence && next.first === after;
    const last = tagged ? next.last : after;
    if (!isOrganisationHead(sentence.texts[last], lex) || !startsUpper(sentence.texts[after])) {
      out.push(m);
      continue;
    }
    const end = sentence.ends[last];
    out.push({ ...m, last, end, text: text.slice(m.start, end) });
    if (tagged) i++;
  }
  return out;
}

/** How organisation names the recogniser cuts in pieces are put back together. */
export const ORG_JOIN = {
  /** Head words after which "of"/"for"/"on" continues the name ("Council for the …", "University of …"). */
  heads: new Set(['University', 'School', 'College', 'Academy', 'Council', 'Commission', 'Centre', 'Center', 'Institute', 'Office', 'Department', 'Ministry', 'Committee', 'Bureau', 'Board', 'Agency', 'Federation', 'Association', 'Union', 'League', 'Organisation', 'Organization', 'Society', 'Court', 'Bank', 'Fund', 'Foundation', 'Museum', 'Church', 'Order', 'Coalition', 'Alliance']),
  /** Prepositions that continue such a name ("on" only after the heads in `onHeads`). */
  prepositions: new Set(['of', 'for', 'on']),
  /** Heads that "on" continues ("Commission on Presidential Debates", "Council on Foreign Relations"). */
  onHeads: new Set(['Commission', 'Council', 'Committee', 'Conference', 'Panel', 'Forum']),
  /** Capitalised words that never continue a name: days and months ("… Council on Friday"). */
  stops: new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']),
  /** Lower-case words allowed inside the continuation when a capitalised word follows them. */
  glue: new Set(['of', 'the', 'and', 'for', 'on', '&']),
  /** Longest continuation, in words. */
  maxWords: 8,
} as const;

/**
 * Puts back organisation names the recogniser cut in pieces: a head word followed by "of", "for"
 * or "on" and a capitalised run ("International Council" + "for the Exploration of the Sea",
 * "University of" + "Salamanca", "Commission" + "on Presidential Debates"), and a demonym right
 * before an organisation ending in a head word ("Nigerian" + "Medical Association").
 */
export function joinOrganisationParts(mentions: readonly Mention[], words: readonly SentenceWords[], text: string, lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    let m = mentions[i];
    const sentence = words[m.sentence];
    const texts = sentence.texts;
    const next = mentions[i + 1];
    if (m.type === 'MISC' && lex.demonyms.has(m.text) && next !== undefined && next.sentence === m.sentence && next.first === m.last + 1 && next.type === 'ORG' && ORG_JOIN.heads.has(texts[next.last]) && text.slice(m.end, next.start) === ' ') {
      m = { ...next, first: m.first, start: m.start, text: text.slice(m.start, next.end) };
      i++;
    }
    if (m.type === 'ORG') {
      const end = continuationEnd(texts, m, mentions, i);
      if (end > m.last) {
        const endChar = sentence.ends[end];
        m = { ...m, last: end, end: endChar, text: text.slice(m.start, endChar) };
        while (mentions[i + 1] !== undefined && mentions[i + 1].sentence === m.sentence && mentions[i + 1].start < endChar) i++;
      }
    }
    out.push(m);
  }
  return out;
}

/** The last word of a name's "of/for/on …" continuation, or the mention's own last word. */
function continuationEnd(texts: readonly string[], m: Mention, mentions: readonly Mention[], i: number): number {
  // The recogniser sometimes keeps the preposition ("University of").
  const prep = ORG_JOIN.prepositions.has(texts[m.last]) && m.last > m.first ? m.last : m.last + 1;
  const word = texts[prep] ?? '';
  const head = texts[prep - 1];
  if (!ORG_JOIN.prepositions.has(word) || !ORG_JOIN.heads.has(head) || (word === 'on' && !ORG_JOIN.onHeads.has(head))) return m.last;
  let k = prep + 1;
  if (texts[k] === 'the') k++;
  if (!isNamePart(texts[k])) return m.last;
  let end = k;
  for (let j = k + 1; j < texts.length && j - prep <= ORG_JOIN.maxWords; j++) {
    if (isNamePart(texts[j])) end = j;
    // "… Union of Ohio and Demos": after a place, "and" starts another name.
    else if (!ORG_JOIN.glue.has(texts[j]) || (texts[j] === 'and' && placeEndsAt(mentions, i, m.sentence, j - 1))) break;
  }
  return end;
}

/** Whether a place mention of the sentence (after mention i) ends at word w. */
function placeEndsAt(mentions: readonly Mention[], i: number, sentence: number, w: number): boolean {
  for (let k = i + 1; k < mentions.length && mentions[k].sentence === sentence; k++) if (mentions[k].last === w) return mentions[k].type === 'LOC';
  return false;
}

function isNamePart(word: string | undefined): boolean {
  return word !== undefined && startsUpper(word) && !ORG_JOIN.stops.has(word);
}

/** Rules that correct the recogniser's person mentions from their form and context. */
export const PERSON_CHECKS = {
  /**
   * Geographic head nouns: a name of two or more words ending in one is a place ("Kestrel Bay",
   * "Marren Valley"), unless it opens with a known given name (a person surnamed Bay).
   */
  placeHeads: new Set([
    'Bay', 'River', 'Island', 'Islands', 'Peninsula', 'Valley', 'Harbour', 'Harbor', 'Gulf', 'Ocean', 'Sea', 'Strait', 'Canyon',
    'Mountains', 'Province', 'County', 'District', 'Region', 'Creek', 'Coast', 'Desert', 'Basin', 'Delta', 'Lake', 'Heights', 'Falls', 'Beach', 'Port',
  ]),
  /**
   * Last words of company and group names the recogniser tags as people ("Ashdown Foods",
   * "Peabody Energy", "Ocean Watch", "Solidarity Metal"): a name of two or more words ending in
   * one (or opening with "Radio") is an organisation, unless it opens with a known given name.
   */
  orgHeads: new Set([
    'Foods', 'Energy', 'Music', 'Wings', 'Airways', 'Motors', 'Systems', 'Media', 'Radio', 'Watch', 'Capital', 'Partners',
    'Technologies', 'Pharmaceuticals', 'Pharma', 'Shipping', 'Steel', 'Metal', 'Metals', 'Oil', 'Petroleum', 'Mobile', 'Telecom',
    'Labs', 'Studios', 'Entertainment', 'Insurance', 'Brewery', 'Bakery', 'Software', 'Logistics', 'Construction', 'Properties',
    'Investments', 'Ventures', 'Records', 'Pictures', 'Films', 'Games', 'Rovers', 'Wanderers', 'Athletic', 'Solutions', 'Industries',
  ]),
  /** First words that make a name an outlet ("Radio Meridian"). */
  orgOpeners: new Set(['Radio']),
  /** Part-of-speech of a lower-case word after a sentence-initial one that makes the pair a noun compound ("Harbour town votes"). */
  compoundHead: 'NOUN',
  /**
   * Tags after a "-s" word that show it is a verb the tagger read as a noun ("Bloomberg reports
   * that …", "Acme buys the …"): then the capital before it is the verb's subject, kept.
   */
  afterVerb: new Set(['SCONJ', 'DET', 'PRON', 'ADP', 'NUM', 'PROPN']),
} as const;

/**
 * Corrects person mentions the recogniser gets wrong from capitalisation alone: (1) a name ending
 * in a geographic head noun ("Kestrel Bay") is a place; (2) a lone capitalised word opening a
 * sentence and modifying the lower-case noun after it ("Harbour town votes to …") is no person —
 * a name there heads its clause ("Brown said", "Brown's plan") — unless the word is a known
 * given name or names a person elsewhere in the article ("Dole campaign" after "Bob Dole"):
 * such a mention is dropped. On CoNLL-2003 eng.testa rule 2 fired twice, both on non-persons.
 */
export function checkPersons(mentions: readonly Mention[], words: readonly SentenceWords[], tokens: readonly Span[], lex: Lexicon): Mention[] {
  let personWords: Set<string> | undefined;
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.type !== 'PER') {
      out.push(m);
      continue;
    }
    const texts = words[m.sentence].texts;
    if (m.last > m.first && PERSON_CHECKS.placeHeads.has(texts[m.last]) && !lex.firstNames.has(texts[m.first])) {
      out.push({ ...m, type: 'LOC' });
      continue;
    }
    if (m.last > m.first && !lex.firstNames.has(texts[m.first]) && (PERSON_CHECKS.orgHeads.has(texts[m.last]) || isOrganisationHead(texts[m.last], lex) || PERSON_CHECKS.orgOpeners.has(texts[m.first]))) {
      out.push({ ...m, type: 'ORG' });
      continue;
    }
    const next = texts[m.first + 1];
    const starts = words[m.sentence].starts;
    const verbLike = next !== undefined && next.endsWith('s') && texts.length > 2 && PERSON_CHECKS.afterVerb.has(tokenLabelAt(tokens, starts[2]));
    if (m.first === 0 && m.last === 0 && next !== undefined && /^\p{Ll}/u.test(next) && !verbLike && !lex.firstNames.has(texts[0]) && tokenLabelAt(tokens, starts[1]) === PERSON_CHECKS.compoundHead) {
      if (!personWords) {
        personWords = new Set();
        for (const o of mentions) if (o.type === 'PER' && o.first !== o.last) for (const w of o.text.split(/\s+/)) personWords.add(w);
        for (const o of mentions) if (o.type === 'PER' && o.first === o.last && !(o.first === 0 && /^\p{Ll}/u.test(words[o.sentence].texts[1] ?? ''))) personWords.add(o.text);
      }
      if (!personWords.has(texts[0])) continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * Titles only people bear ("Mr.", "Senator", "Mayor"), written before a name or opening the
 * mention: the name is a person whatever type the recogniser gave it ("Mr. Obama" ORG, "Senator
 * Orla Venn" ORG after an upper-case headline).
 */
export const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'sen', 'senator', 'rep', 'congressman', 'congresswoman', 'gov',
  'governor', 'mayor', 'president', 'ambassador', 'judge', 'pope', 'king', 'queen', 'prince', 'princess', 'sheikh', 'ayatollah',
]);

/** Whether a word is a person title ("Mr.", "Senator"): capitalised, a final stop ignored. */
function isPersonTitle(word: string | undefined): boolean {
  // Titles are short and start with an ASCII capital: most words fail these cheap checks.
  if (word === undefined || word.length > 14) return false;
  const c = word.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  const lower = word.toLowerCase();
  return PERSON_TITLES.has(lower.endsWith('.') ? lower.slice(0, -1) : lower);
}

/**
 * A non-person mention after or opening with a person title ("Senator Orla Venn", "Mr. Obama")
 * becomes a person, unless it names an organisation (an organisation head word: "Mayor's
 * Office", "President Hotel") or the alias table knows it ("President Hotel" aside, "King
 * Abdullah University" has "University").
 */
export function titledPersons(mentions: readonly Mention[], words: readonly SentenceWords[], lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const texts = words[m.sentence].texts;
    if (m.type === 'PER' || (!isPersonTitle(texts[m.first - 1]) && !(m.last > m.first && isPersonTitle(texts[m.first])))) {
      out.push(m);
      continue;
    }
    let org = lex.byAlias.has(m.text);
    for (let w = m.first; w <= m.last && !org; w++) org = isOrganisationHead(texts[w], lex);
    out.push(org ? m : { ...m, type: 'PER' });
  }
  return out;
}

/** The label of the token starting at `start` (binary search over tokens sorted by start), or ''. */
function tokenLabelAt(tokens: readonly Span[], start: number): string {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (t.start === start) return t.label;
    if (t.start < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return '';
}
