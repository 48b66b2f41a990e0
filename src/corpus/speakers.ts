import { nameKey } from './derive.js';

/**
 * Merging per-article sources into persons across the corpus. Two mentions are the same person
 * when their surnames agree, their first names are compatible (equal, one an initial of the
 * other, or a one-letter spelling variant), and their affiliations do not contradict, or, when
 * they do, the full name is the same and so is the occupation (the roles share a word): an
 * affiliation read wrongly in one article ("Labour economist Dr. Miriam Okafor" read as of the
 * Labour Party) or a change of employer should not split one person in two.
 */
export const SPEAKER_MATCH = {
  /** Honorifics and titles dropped before comparing names. */
  titles: new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'president', 'minister', 'sen', 'senator', 'rep', 'gov', 'governor', 'gen', 'general', 'col', 'lt', 'capt', 'rev', 'sheikh', 'ayatollah', 'king', 'queen', 'prince', 'pm', 'secretary', 'mayor', 'judge', 'chancellor']),
  /** Forms of address: not roles worth listing, and not evidence that two roles agree. */
  honorifics: new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'rev']),
  /** Words that say nothing about an occupation when comparing roles. */
  roleStopWords: new Set(['the', 'and', 'for', 'of', 'its', 'his', 'her', 'former', 'senior', 'chief', 'deputy', 'acting', 'head']),
  /** First names at least this long may differ by one edit (Sergey/Sergei, Mohammad/Mohammed). */
  variantMinLength: 5,
  /** Source kinds of the quotes stage that name no one (`findings.sources[].kind`). */
  genericKinds: new Set(['anonymous', 'document']),
  /** Words opening a description of an unnamed source ("a spokesperson", "some analysts"), dropped from its label. */
  genericDeterminers: new Set(['a', 'an', 'the', 'some', 'several', 'many', 'most', 'other', 'few', 'both', 'two', 'three', 'four', 'one', 'another', 'unnamed', 'anonymous']),
  /**
   * Group and role nouns that, ending a speaker phrase without a name, describe an unnamed source
   * ("Officials said", "Hospital officials", "a spokesman"). Written for the project.
   */
  genericNouns: new Set([
    'official', 'officials', 'analyst', 'analysts', 'expert', 'experts', 'source', 'sources', 'spokesman', 'spokeswoman', 'spokesperson',
    'critic', 'critics', 'observer', 'observers', 'economist', 'economists', 'scientist', 'scientists', 'engineer', 'engineers',
    'researcher', 'researchers', 'resident', 'residents', 'witness', 'witnesses', 'insider', 'insiders', 'diplomat', 'diplomats',
    'investor', 'investors', 'trader', 'traders', 'retailer', 'retailers', 'worker', 'workers', 'farmer', 'farmers', 'fishermen',
    'doctor', 'doctors', 'nurse', 'nurses', 'teacher', 'teachers', 'parent', 'parents', 'local', 'locals', 'villager', 'villagers',
    'protester', 'protesters', 'campaigner', 'campaigners', 'activist', 'activists', 'opponent', 'opponents', 'supporter', 'supporters',
    'lawmaker', 'lawmakers', 'legislator', 'legislators', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'executive', 'executives',
    'organiser', 'organisers', 'organizer', 'organizers', 'authorities', 'police', 'officers', 'staff', 'employees', 'members', 'groups',
    'voters', 'shoppers', 'commuters', 'passengers', 'patients', 'students', 'scholars', 'historians', 'commentators', 'pollsters', 'strategists',
  ]),
  /** Common words that open a group description at a sentence start ("Hospital officials"): lower-cased in its label. */
  genericModifiers: new Set([
    'hospital', 'industry', 'government', 'company', 'military', 'security', 'health', 'union', 'party', 'city', 'council', 'board', 'bank',
    'school', 'local', 'senior', 'western', 'independent', 'defence', 'defense', 'ministry', 'state', 'federal', 'regional', 'market',
    'energy', 'legal', 'medical', 'rescue', 'aid', 'court', 'prison', 'port', 'border', 'intelligence', 'opposition', 'campaign',
    'business', 'labour', 'labor', 'trade', 'financial', 'foreign', 'administration', 'club', 'shipping', 'fishing', 'farm', 'tech',
  ]),
} as const;

/**
 * The label of an unnamed source ("officials", "spokesperson for the health board"), or undefined
 * when the speaker is named. A source is unnamed when the quotes stage says so (kind `anonymous`
 * or `document`), or when its phrase has no name and ends in a group or role noun ("Officials",
 * "Hospital officials", "a spokesman"; see `SPEAKER_MATCH.genericNouns`). Unnamed sources are
 * counted by their label, never merged with a named person: each article's "officials" may be
 * different people.
 *
 * @example
 * genericSource('A spokesperson for the health board', 'anonymous'); // 'spokesperson for the health board'
 * genericSource('Officials');                                        // 'officials'
 * genericSource('Ilse Varga', 'person');                             // undefined
 */
export function genericSource(name: string, kind?: string): string | undefined {
  const words = name.trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && SPEAKER_MATCH.genericDeterminers.has(words[0].toLowerCase())) words.shift();
  if (!words.length) return undefined;
  const last = nameKey(words[words.length - 1]);
  // Capitalised words after the first are a name ("Officials from Eskmark" stays unnamed by its kind only).
  const named = words.slice(1).some((w) => /^\p{Lu}/u.test(w));
  if (!(kind !== undefined && SPEAKER_MATCH.genericKinds.has(kind)) && (named || !SPEAKER_MATCH.genericNouns.has(last))) return undefined;
  // A sentence-initial capital is not part of the label ("Officials" → "officials", "Hospital officials" →
  // "hospital officials"); a name or acronym keeps it ("UN officials", "Eskmark officials").
  const first = nameKey(words[0]);
  if (/^\p{Lu}\p{Ll}*$/u.test(words[0]) && (SPEAKER_MATCH.genericNouns.has(first) || SPEAKER_MATCH.genericModifiers.has(first))) words[0] = words[0].toLowerCase();
  return words.join(' ');
}

/** A person as the store keeps it. */
export interface Person {
  id: string;
  name: string;
  surname: string;
  first: string;
  roles: string[];
  affiliations: string[];
  variants: string[];
}

/** Splits a name into its key parts, titles removed: `{first, surname}` (first may be ''). */
export function nameParts(name: string): { first: string; surname: string; key: string } {
  const words = nameKey(name).split(' ').filter((w) => w && !SPEAKER_MATCH.titles.has(w));
  if (words.length === 0) return { first: '', surname: '', key: '' };
  const surname = words[words.length - 1];
  return { first: words.length > 1 ? words[0] : '', surname, key: words.join(' ') };
}

/** Edit distance up to 1 (true when the two strings differ by at most one edit). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Equal surnames, or long ones one edit apart (Ekvall/Ekval). */
export function surnamesCompatible(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= SPEAKER_MATCH.variantMinLength && withinOneEdit(a, b));
}

/** True when two first names may belong to one person. An empty first name is compatible. */
export function firstNamesCompatible(a: string, b: string): boolean {
  if (!a || !b || a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return Math.min(a.length, b.length) >= SPEAKER_MATCH.variantMinLength && withinOneEdit(a, b);
}

/** True when the affiliations do not contradict: either is missing, or they share a word. */
export function affiliationsCompatible(a: readonly string[], b: string): boolean {
  if (!b || a.length === 0) return true;
  const words = new Set(nameKey(b).split(' ').filter((w) => w.length > 2));
  return a.some((x) => nameKey(x).split(' ').some((w) => words.has(w)));
}

/** A role as listed: forms of address at either end dropped ("economist Dr." is "economist"); '' when nothing is left. */
export function cleanRole(role: string): string {
  const words = role.trim().split(/\s+/);
  const honorific = (w: string | undefined) => w !== undefined && SPEAKER_MATCH.honorifics.has(nameKey(w));
  while (honorific(words[0])) words.shift();
  while (honorific(words[words.length - 1])) words.pop();
  return words.join(' ');
}

/** The words of a role that name an occupation ("labour economist" → labour, economist). */
function roleWords(role: string): string[] {
  return nameKey(role).split(' ').filter((w) => w.length > 2 && !SPEAKER_MATCH.honorifics.has(w) && !SPEAKER_MATCH.roleStopWords.has(w));
}

/** True when the role shares an occupation word with one of the roles (both must be known). */
export function rolesCompatible(roles: readonly string[], role: string): boolean {
  const words = new Set(roleWords(role));
  return words.size > 0 && roles.some((r) => roleWords(r).some((w) => words.has(w)));
}

/**
 * Picks the person a source belongs to among candidates with a similar surname: compatible first
 * name and affiliation (or the same full name and a role sharing a word, see `SPEAKER_MATCH`); a
 * full-name match wins; a bare surname only matches a single candidate.
 */
export function matchPerson(source: { name: string; affiliation: string; role?: string }, candidates: readonly Person[]): Person | undefined {
  const parts = nameParts(source.name);
  if (!parts.surname) return undefined;
  const sameFullName = (p: Person) => parts.first.length > 1 && p.first === parts.first && p.surname === parts.surname;
  const ok = candidates.filter((p) => surnamesCompatible(parts.surname, p.surname) && firstNamesCompatible(parts.first, p.first)
    && (affiliationsCompatible(p.affiliations, source.affiliation) || (sameFullName(p) && rolesCompatible(p.roles, source.role ?? ''))));
  if (!parts.first) return ok.length === 1 ? ok[0] : undefined;
  return ok.find((p) => p.first === parts.first && p.surname === parts.surname) ?? ok.find((p) => p.first === parts.first) ?? ok.find((p) => p.first !== '') ?? ok[0];
}
