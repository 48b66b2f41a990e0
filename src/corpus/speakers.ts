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
} as const;

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
