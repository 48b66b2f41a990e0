import type { Lexicon } from './lexicon.js';
import { mapPacked } from '../../model/arrays.js';
import { startsUpper, type Mention } from './mentions.js';
import type { SentenceWords } from './words.js';

/** Patterns and limits for reading roles around person mentions. */
export const ROLES = {
  /** Words allowed inside a pre-nominal title besides capitalised words and role nouns. */
  titleGlue: new Set(['of', 'for', 'the', 'and', 'on', '-']),
  /** Longest pre-nominal title, in words. */
  maxTitleWords: 9,
  /** Longest appositive descriptor, in words. */
  maxAppositiveWords: 14,
  /** An appositive opens with an article after the comma: ", a political analyst in Virginia,". */
  appositiveStart: new Set(['a', 'an', 'the']),
  /** Words that end an appositive. */
  appositiveEnd: /^[,;:.()\[\]"“”!?]$|^[\u2014\u2013]$|^--$/,
  /** Courtesy titles that say nothing about a role. */
  honorifics: new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame']),
  /** Words that end the role phrase of an appositive ("analyst in ...", "director of ..."). */
  roleStops: new Set(['in', 'at', 'of', 'for', 'from', 'with', 'who', 'which', 'that', 'based', 'on', 'since', 'after', 'before', 'during', 'to', 'by', 'whose', 'when']),
  /** Prepositions introducing a place inside a descriptor. */
  placePrepositions: new Set(['in', 'from', 'based']),
  /** Prepositions introducing an affiliation inside a descriptor. */
  affiliationPrepositions: new Set(['of', 'at', 'with', 'for']),
  /** Lower-case role nouns that can stand before a name ("analyst Keith Preston"). */
  roleNouns: new Set([
    'analyst', 'journalist', 'commentator', 'researcher', 'adviser', 'advisor', 'spokesman', 'spokeswoman',
    'spokesperson', 'director', 'chairman', 'chairwoman', 'editor', 'professor', 'lawmaker', 'senator',
    'minister', 'president', 'leader', 'founder', 'head', 'chief', 'author', 'writer', 'activist', 'expert',
    'economist', 'historian', 'scholar', 'lawyer', 'attorney', 'general', 'commander', 'envoy', 'ambassador',
    'diplomat', 'official', 'secretary', 'correspondent', 'reporter', 'columnist', 'candidate', 'governor',
    'mayor', 'congressman', 'congresswoman', 'representative', 'prosecutor', 'judge', 'executive', 'ceo',
    'co-founder', 'vice', 'deputy', 'political', 'foreign', 'defense', 'defence', 'former', 'senior', 'chief',
    // Offices and trades news names people by (review of invented wire, interview and press reports).
    'commissioner', 'pollster', 'organiser', 'organizer', 'campaigner', 'strategist', 'consultant', 'negotiator',
    'chancellor', 'manager', 'coach', 'treasurer', 'inspector', 'superintendent', 'chairperson', 'aide', 'counsel',
    'lecturer', 'scientist', 'mediator', 'auditor', 'trustee', 'delegate', 'councillor', 'councilor', 'sheriff',
  ]),
  /**
   * Titles a capitalised portfolio word may precede as part of the title ("Health Minister",
   * "Competition Commissioner", "Home Secretary"); other leading capitalised words are dropped
   * ("When President X").
   */
  portfolioTitles: new Set(['minister', 'secretary', 'commissioner', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'chief', 'adviser', 'advisor', 'envoy', 'czar', 'tsar']),
  /** Determiners opening a role phrase set before a name: "His lawyer, Ann Lee, said". */
  preAppositiveStart: new Set(['the', 'his', 'her', 'its', 'their', 'our', 'a', 'an']),
  /** Possessive clitics: "Britain's chancellor". */
  possessive: /^['\u2019]s?$/,
  /** Conjunctions that may open the sentence before such a phrase ("But her deputy, ..."). */
  leadingConjunctions: new Set(['and', 'but', 'yet', 'so']),
} as const;

/** What was read about a person mention. */
export interface RoleInfo {
  role?: string;
  /** Organisation named with the role: text of an ORG mention, or a capitalised phrase. */
  affiliation?: string;
  affiliationMention?: number;
  /** Place named with the role (a LOC mention, or a country from a demonym). */
  place?: string;
  placeMention?: number;
  /** The name with its adjacent capitalised title, as written ("President Assad"). */
  titled?: string;
}

/**
 * Roles of person mentions from the words around them: a pre-nominal title ("US Secretary of
 * State John Kerry", "director of Institute for Historical Review Mark Weber") or an
 * appositive ("Keith Preston, a political analyst in Virginia,"). Returns one entry per mention
 * (undefined for non-persons or when nothing was found).
 */
export function readRoles(words: readonly SentenceWords[], mentions: readonly Mention[], lex: Lexicon): (RoleInfo | undefined)[] {
  const mentionAt = new Map<number, number>();
  mentions.forEach((m, i) => {
    for (let w = m.first; w <= m.last; w++) mentionAt.set(wordKey(m.sentence, w), i);
  });
  const titleWords = titleVocabulary(lex);
  return mapPacked(mentions, (m, i) => {
    if (m.type !== 'PER') return undefined;
    const sentence = words[m.sentence];
    const before = prenominal(sentence, m, i, mentionAt, mentions, titleWords, lex);
    const after = appositive(sentence, m, mentionAt, mentions, lex, titleWords);
    const info = combine(combine(before, after), preAppositive(sentence, m, mentionAt, mentions, titleWords));
    return info && (info.role || info.affiliation || info.place) ? info : undefined;
  });
}

/** Pre-nominal title first; an honorific alone ("Dr.") yields to an appositive role. */
function combine(before: RoleInfo | undefined, after: RoleInfo | undefined): RoleInfo | undefined {
  if (!before || !after) return before ?? after;
  const honorific = before.role !== undefined && ROLES.honorifics.has(lowerBare(before.role));
  return {
    ...after,
    ...before,
    role: honorific && after.role ? after.role : before.role ?? after.role,
    affiliation: before.affiliation ?? after.affiliation,
    affiliationMention: before.affiliation ? before.affiliationMention : after.affiliationMention,
    place: before.place ?? after.place,
    placeMention: before.place ? before.placeMention : after.placeMention,
  };
}

/** A word or mention of a role phrase, with its place in the text. */
interface RolePart {
  text: string;
  mention?: number;
  start: number;
  end: number;
}

/**
 * The words of a role phrase as written: a space only where the text has one, so a possessive
 * or hyphen stays attached ("the opposition's finance spokesman", not "opposition 's").
 */
export function joinParts(parts: readonly RolePart[]): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) out += (i > 0 && parts[i].start > parts[i - 1].end ? ' ' : '') + parts[i].text;
  return out;
}

/** Words joined by spaces, possessive clitics attached ("company 's" → "company's"). */
export function joinRoleWords(words: readonly string[]): string {
  let out = '';
  for (const w of words) out += out && !ROLES.possessive.test(w) ? ` ${w}` : w;
  return out;
}

/** Key of word `w` of sentence `s` in the mention index (a number: no string per lookup). */
function wordKey(s: number, w: number): number {
  return s * 0x100000 + w;
}

/**
 * A title is a role, not part of the name: a person mention opening with capitalised title words
 * ("Mayor Jane Doe", "Foreign Minister Jane Doe", "Dr. Jane Doe") starts at the name after them,
 * so it links with the bare name elsewhere and `readRoles` reads the title as its role. Glue
 * words count inside a title ("Secretary of State"), and at least one capitalised word that is
 * not a title word is left (a one-word "Ambassador King" keeps "King").
 */
export function trimTitles(mentions: readonly Mention[], words: readonly SentenceWords[], text: string, lex: Lexicon): Mention[] {
  const titleWords = titleVocabulary(lex);
  return mapPacked(mentions, (m) => {
    if (m.type !== 'PER' || m.first === m.last) return m;
    const texts = words[m.sentence].texts;
    let k = m.first;
    let cut = m.first;
    while (k < m.last) {
      const word = texts[k];
      const lower = lowerBare(word);
      if (startsUpper(word) && titleWords.has(lower)) cut = ++k;
      else if (ROLES.titleGlue.has(lower) && k > m.first) k++;
      else break;
    }
    if (cut === m.first || !startsUpper(texts[cut])) return m;
    const start = words[m.sentence].starts[cut];
    return { ...m, first: cut, start, text: text.slice(start, m.end) };
  });
}

/** Title vocabularies per lexicon, built once (the lexicon is loaded once per process). */
const titleVocabularies = new WeakMap<Lexicon, Set<string>>();

function titleVocabulary(lex: Lexicon): Set<string> {
  let set = titleVocabularies.get(lex);
  if (set) return set;
  set = new Set<string>(ROLES.roleNouns);
  for (const title of lex.titles) for (const w of title) if (!ROLES.titleGlue.has(w)) set.add(w.replace(/\.$/, ''));
  titleVocabularies.set(lex, set);
  return set;
}

/** A word lower-cased without a final full stop (as `.toLowerCase().replace(/\.$/, '')`, no regex). */
function lowerBare(word: string): string {
  const lower = word.toLowerCase();
  return lower.charCodeAt(lower.length - 1) === 46 ? lower.slice(0, -1) : lower;
}

/** Whether a word is a title word (any case, a final full stop ignored). */
function isTitleWord(text: string, titleWords: ReadonlySet<string>): boolean {
  return titleWords.has(lowerBare(text));
}

/** Walks left from the name over a title phrase; splits off leading places and organisations. */
function prenominal(
  sentence: SentenceWords,
  m: Mention,
  self: number,
  mentionAt: Map<number, number>,
  mentions: readonly Mention[],
  titleWords: Set<string>,
  lex: Lexicon,
): RoleInfo | undefined {
  let k = m.first - 1;
  const parts: RolePart[] = [];
  while (k >= 0 && parts.length < ROLES.maxTitleWords) {
    const word = sentence.texts[k];
    const at = mentionAt.get(wordKey(m.sentence, k));
    if (at !== undefined && at !== self) {
      const other = mentions[at];
      if (other.type === 'PER') break;
      parts.unshift({ text: other.text, mention: at, start: other.start, end: other.end });
      k = other.first - 1;
      continue;
    }
    const lower = lowerBare(word);
    const ok = titleWords.has(lower) || ROLES.titleGlue.has(lower) || startsUpper(word);
    if (!ok) break;
    parts.unshift({ text: word, start: sentence.starts[k], end: sentence.ends[k] });
    k--;
  }
  // The phrase starts at a title word, a mention or a demonym ("When President X": drop "When").
  while (parts.length && parts[0].mention === undefined && !isTitleWord(parts[0].text, titleWords) && !lex.demonyms.has(parts[0].text) && !isPortfolio(parts, titleWords)) parts.shift();
  if (!parts.some((p) => p.mention === undefined && titleWords.has(lowerBare(p.text)))) return undefined;
  const info: RoleInfo = {};
  // Leading mentions or demonyms are the place/affiliation ("US", "Russian", "United Nations").
  while (parts.length) {
    const p = parts[0];
    if (p.mention !== undefined) {
      const other = mentions[p.mention];
      if (other.type === 'LOC' && !info.place) (info.place = other.text), (info.placeMention = p.mention);
      else if (other.type === 'ORG' && !info.affiliation) (info.affiliation = other.text), (info.affiliationMention = p.mention);
      else if (other.type === 'MISC' && lex.demonyms.has(other.text) && !info.place) info.place = lex.demonyms.get(other.text);
      else break;
      parts.shift();
      continue;
    }
    if (lex.demonyms.has(p.text) && !info.place) {
      info.place = lex.demonyms.get(p.text);
      parts.shift();
      continue;
    }
    break;
  }
  // "director of <Org>": an organisation after "of"/"at" inside the title is the affiliation.
  const ofAt = parts.findIndex((p, j) => j > 0 && ROLES.affiliationPrepositions.has(p.text.toLowerCase()) && parts[j + 1] !== undefined);
  if (ofAt > 0 && !info.affiliation) {
    const after = parts.slice(ofAt + 1);
    const orgMention = after.find((p) => p.mention !== undefined && mentions[p.mention].type === 'ORG');
    const tail = joinParts(after);
    if (orgMention || !after.some((p) => titleWords.has(p.text.toLowerCase()))) {
      info.affiliation = orgMention ? mentions[orgMention.mention!].text : tail;
      if (orgMention) info.affiliationMention = orgMention.mention;
      parts.splice(ofAt);
    }
  }
  const role = joinParts(parts).trim();
  if (role) info.role = role;
  if (role && startsUpper(role) && ofAt <= 0) info.titled = `${role} ${m.text}`;
  return info;
}

/** A capitalised word right before a portfolio title is part of it ("Health Minister"). */
function isPortfolio(parts: readonly { text: string; mention?: number }[], titleWords: ReadonlySet<string>): boolean {
  const next = parts[1];
  return !!next && next.mention === undefined && /^\p{Lu}\p{Ll}+$/u.test(parts[0].text) && !titleWords.has(parts[0].text.toLowerCase()) && ROLES.portfolioTitles.has(next.text.toLowerCase());
}

/**
 * Reads a role phrase set before the name as an apposition: "His lawyer, Ann Lee, said",
 * "The mayor of Lindholm, Sara Vik, said" (place), "Britain's chancellor, Ann Lee," (place of
 * the possessor). The phrase runs from the sentence start (or a clause mark) to the comma before
 * the name, opens with a determiner or a possessor and ends in a role noun; the name must be
 * followed by a comma or end the sentence.
 */
function preAppositive(
  sentence: SentenceWords,
  m: Mention,
  mentionAt: Map<number, number>,
  mentions: readonly Mention[],
  titleWords: Set<string>,
): RoleInfo | undefined {
  const texts = sentence.texts;
  let k = m.first - 1;
  while (k >= 0 && ROLES.honorifics.has(lowerBare(texts[k]))) k--;
  if (k < 1 || texts[k] !== ',') return undefined;
  const next = texts[m.last + 1];
  if (next !== undefined && next !== ',' && next !== '.') return undefined;
  let from = k - 1;
  while (from > 0 && k - from < ROLES.maxTitleWords && !ROLES.appositiveEnd.test(texts[from - 1])) from--;
  if (from > 0 && !ROLES.appositiveEnd.test(texts[from - 1])) return undefined;
  if (ROLES.leadingConjunctions.has(texts[from].toLowerCase())) from++;
  const info: RoleInfo = {};
  let j = from;
  if (ROLES.preAppositiveStart.has(texts[j]?.toLowerCase())) j++;
  // A possessor: "Britain's", "the association's".
  for (let q = j; q < k; q++) {
    if (!ROLES.possessive.test(texts[q])) continue;
    const at = mentionAt.get(wordKey(m.sentence, q - 1));
    if (at !== undefined) setOwner(info, mentions, at);
    j = q + 1;
    break;
  }
  // A leading organisation or place is the owner ("The New York Times columnist, X,").
  const lead = mentionAt.get(wordKey(m.sentence, j));
  if (lead !== undefined && mentions[lead].type !== 'PER' && mentions[lead].last < k - 1 && !info.place && !info.affiliation && !titleWords.has(texts[mentions[lead].last].toLowerCase())) {
    setOwner(info, mentions, lead);
    j = mentions[lead].last + 1;
  }
  if (j === from) return undefined;
  // The role runs to a preposition; what follows it names the place or the organisation.
  let end = j;
  while (end < k && !ROLES.affiliationPrepositions.has(texts[end].toLowerCase()) && !ROLES.placePrepositions.has(texts[end].toLowerCase())) {
    const at = mentionAt.get(wordKey(m.sentence, end));
    // A capitalised title the recogniser took for a name ("Transport Secretary" as LOC) stays in the role.
    if (at !== undefined && (mentions[at].type === 'PER' || !titleWords.has(texts[mentions[at].last].toLowerCase()))) return undefined;
    end++;
  }
  const words = texts.slice(j, end);
  if (!words.length || !titleWords.has(words[words.length - 1].toLowerCase())) return undefined;
  if (end < k) {
    const at = mentionAt.get(wordKey(m.sentence, end + 1));
    if (at === undefined || mentions[at].last !== k - 1) return undefined;
    setOwner(info, mentions, at);
  }
  info.role = joinRoleWords(words);
  return info;
}

/** A place or organisation mention named with a role fills the place or the affiliation. */
function setOwner(info: RoleInfo, mentions: readonly Mention[], at: number): void {
  const other = mentions[at];
  if (other.type === 'LOC') (info.place = other.text), (info.placeMention = at);
  else if (other.type === 'ORG') (info.affiliation = other.text), (info.affiliationMention = at);
}

/** Reads ", a political analyst in Virginia," after the name. */
function appositive(
  sentence: SentenceWords,
  m: Mention,
  mentionAt: Map<number, number>,
  mentions: readonly Mention[],
  lex: Lexicon,
  titleWords: Set<string>,
): RoleInfo | undefined {
  let k = m.last + 1;
  const opener = sentence.texts[k + 1] ?? '';
  if (sentence.texts[k] !== ',') return undefined;
  // ", a political analyst in Virginia," or, without an article, ", head of the WHO,".
  if (ROLES.appositiveStart.has(opener.toLowerCase())) k += 2;
  else if (/^\p{Ll}/u.test(opener) && titleWords.has(opener)) k += 1;
  else return undefined;
  const parts: RolePart[] = [];
  while (k < sentence.texts.length && parts.length < ROLES.maxAppositiveWords) {
    const word = sentence.texts[k];
    if (ROLES.appositiveEnd.test(word)) break;
    const at = mentionAt.get(wordKey(m.sentence, k));
    if (at !== undefined) {
      parts.push({ text: mentions[at].text, mention: at, start: mentions[at].start, end: mentions[at].end });
      k = mentions[at].last + 1;
      continue;
    }
    parts.push({ text: word, start: sentence.starts[k], end: sentence.ends[k] });
    k++;
  }
  if (!parts.length || parts.length >= ROLES.maxAppositiveWords) return undefined;
  const info: RoleInfo = {};
  let cut = parts.length;
  parts.forEach((p, j) => {
    const prev = parts[j - 1]?.text.toLowerCase();
    if (p.mention !== undefined) {
      const other = mentions[p.mention];
      if (other.type === 'LOC' && !info.place) (info.place = other.text), (info.placeMention = p.mention);
      else if (other.type === 'ORG' && !info.affiliation) (info.affiliation = other.text), (info.affiliationMention = p.mention);
      else if (other.type === 'MISC' && lex.demonyms.has(other.text)) {
        // "a 38-year-old Mexican national": the nationality stays in the role and gives the place.
        info.place ??= lex.demonyms.get(other.text);
        return;
      } else return;
      if (prev && (ROLES.placePrepositions.has(prev) || ROLES.affiliationPrepositions.has(prev))) cut = Math.min(cut, j - 1);
      else cut = Math.min(cut, j);
    } else if (prev && ROLES.affiliationPrepositions.has(prev) && startsUpper(p.text) && !info.affiliation) {
      // An untagged capitalised name after "of"/"at": take the capitalised run.
      let end = j;
      while (end + 1 < parts.length && startsUpper(parts[end + 1].text)) end++;
      info.affiliation = joinParts(parts.slice(j, end + 1));
      cut = Math.min(cut, j - 1);
    }
  });
  // The role is the head phrase: it ends at the first preposition or relative word.
  const stop = parts.findIndex((p, j) => j > 0 && p.mention === undefined && ROLES.roleStops.has(p.text.toLowerCase()));
  if (stop > 0) cut = Math.min(cut, stop);
  const role = joinParts(parts.slice(0, cut)).replace(/(?:\s+(?:of|at|in|for|from|with|based|the|a|an))+$/i, '').trim();
  if (role) info.role = role;
  return info;
}
