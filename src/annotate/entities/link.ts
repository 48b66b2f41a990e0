import type { AliasEntry, Lexicon } from './lexicon.js';
import type { Mention } from './mentions.js';

/** Thresholds and word lists for grouping mentions into entities. */
export const LINKING = {
  /** Given names this similar (1 − edit distance / longer length) are spelling variants. */
  minNameSimilarity: 0.7,
  /** Arabic-style article prefixes ignored when matching surnames ("al-Assad" ~ "Assad"). */
  surnamePrefix: /^(?:al|el|ad|as|an|ar|at|ash|ibn|bin)[-\u2010]/i,
  /** Words skipped when making an acronym from an expansion. */
  acronymStopWords: new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', '&']),
  /** Outlet-like organisation names. */
  mediaOutlet: /\b(?:TV|News|Times|Post|Herald|Gazette|Tribune|Journal|Radio|Press|Telegraph|Daily)\b/,
  website: /\.(?:com|org|net|info|co\.uk|ir|ru)$/i,
} as const;

/** A canonical entity: the group of mentions that refer to one thing in the article. */
export interface Entity {
  id: string;
  name: string;
  type: string;
  kind?: string;
  aliases: string[];
  mentions: number[];
}

/** Cleans a mention's text for matching: drops a leading "the" and a trailing possessive. */
export function normalizeName(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^the /i, '')
    .replace(/'s?$/, '')
    .trim();
}

/** Surname key: last word without an article prefix, lower-cased. */
function surnameKey(name: string): string {
  const words = name.split(' ');
  return words[words.length - 1].replace(LINKING.surnamePrefix, '').toLowerCase();
}

/** Initials of an expansion ("Central Intelligence Agency" → "CIA"). */
export function acronymOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !LINKING.acronymStopWords.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** 1 − Levenshtein distance / longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const m = a.length;
  const n = b.length;
  if (!m || !n) return 0;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[n] / Math.max(m, n);
}

function aliasEntry(lex: Lexicon, name: string): AliasEntry | undefined {
  return lex.byAlias.get(name) ?? (name.length > 4 ? lex.byAliasLower.get(name.toLowerCase()) : undefined);
}

interface Group {
  names: Map<string, number>;
  types: Map<string, number>;
  mentions: number[];
  alias?: AliasEntry;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function newGroup(): Group {
  return { names: new Map(), types: new Map(), mentions: [] };
}

function most(map: Map<string, number>, tieBreak: (a: string, b: string) => number = () => 0): string {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || tieBreak(a[0], b[0]))[0][0];
}

/**
 * Groups the mentions of one article into entities, in three passes: (1) the alias table
 * (country and organisation names, acronyms, transliterations), (2) people by surname, with
 * given names compared by string similarity (Sergey ~ Sergei), (3) acronyms of expansions seen
 * in the article, then exact names. Mention order decides entity ids (e1, e2, ...).
 */
export function linkMentions(mentions: readonly Mention[], lex: Lexicon): { entities: Entity[]; entityOf: number[] } {
  const groups: Group[] = [];
  const groupOf = new Array<number>(mentions.length).fill(-1);
  const byAlias = new Map<string, number>();
  const byName = new Map<string, number>();
  const people: number[] = [];
  const add = (g: number, i: number, name: string) => {
    groupOf[i] = g;
    groups[g].mentions.push(i);
    bump(groups[g].names, name);
    bump(groups[g].types, mentions[i].type);
  };
  const make = (alias?: AliasEntry) => {
    groups.push({ ...newGroup(), alias });
    return groups.length - 1;
  };
  // Pass 1: alias table and multi-word person names (so later surnames have somewhere to go).
  mentions.forEach((m, i) => {
    const name = normalizeName(m.text);
    const entry = aliasEntry(lex, name);
    if (entry && (m.type !== 'PER' || entry.type === 'PER')) {
      const g = byAlias.get(entry.name) ?? make(entry);
      byAlias.set(entry.name, g);
      add(g, i, name);
      return;
    }
    if (m.type === 'PER' && name.includes(' ')) {
      const g = findPerson(groups, people, name) ?? make();
      if (!people.includes(g)) people.push(g);
      add(g, i, name);
    }
  });
  // Pass 2: the rest — multi-word names first (so acronyms find expansions written later),
  // then single words: surnames, acronyms, exact names.
  const rest = mentions.map((_, i) => i).filter((i) => groupOf[i] < 0);
  let acronyms: Map<string, number> | undefined;
  const multi = (i: number) => normalizeName(mentions[i].text).includes(' ');
  [...rest.filter(multi), ...rest.filter((i) => !multi(i))].forEach((i) => {
    const m = mentions[i];
    const name = normalizeName(m.text);
    if (m.type === 'PER' || !name.includes(' ')) {
      const g = findPerson(groups, people, name);
      if (g !== undefined && (m.type === 'PER' || m.type === 'ORG' || m.type === 'MISC')) return add(g, i, name);
    }
    if (/^[A-Z]{2,6}$/.test(name)) {
      acronyms ??= acronymIndex(groups);
      const g = acronyms.get(name);
      if (g !== undefined) return add(g, i, name);
    }
    // Nationalities group by the country they name ("Russian", "Russians").
    const country = m.type === 'MISC' ? lex.demonyms.get(name) : undefined;
    const key = country ? `demonym:${country}` : `${m.type}:${name.toLowerCase()}`;
    const g = byName.get(key) ?? make();
    byName.set(key, g);
    if (m.type === 'PER') people.push(g);
    add(g, i, name);
  });
  const entityOf = groupOf.slice();
  const entities: Entity[] = [];
  // groupOf lists groups in first-mention order already.
  const order = [...new Set(groupOf)];
  order.forEach((g, k) => {
    const group = groups[g];
    const entity = toEntity(`e${k + 1}`, group, lex);
    entities.push(entity);
    for (const i of group.mentions) entityOf[i] = k;
  });
  return { entities, entityOf };
}

/** Acronyms of the multi-word names in the groups so far ("CIA" → its group). */
function acronymIndex(groups: readonly Group[]): Map<string, number> {
  const index = new Map<string, number>();
  groups.forEach((g, k) => {
    for (const n of g.names.keys()) if (n.includes(' ')) {
      const a = acronymOf(n);
      if (a.length >= 2 && !index.has(a)) index.set(a, k);
    }
  });
  return index;
}

/** A person group whose surname (and given name, when both have one) matches `name`. */
function findPerson(groups: readonly Group[], people: readonly number[], name: string): number | undefined {
  const surname = surnameKey(name);
  const given = givenName(name);
  for (const g of people) {
    for (const other of groups[g].names.keys()) {
      if (lastWordKey(other) !== surname) continue;
      const otherGiven = givenName(other);
      if (!given || !otherGiven || similarity(given, otherGiven) >= LINKING.minNameSimilarity) return g;
    }
  }
  return undefined;
}

const surnameMemo = new Map<string, string>();

/** `surnameKey`, memoised (names recur across mentions and articles). */
function lastWordKey(name: string): string {
  let key = surnameMemo.get(name);
  if (key === undefined) {
    if (surnameMemo.size > 50_000) surnameMemo.clear();
    surnameMemo.set(name, (key = surnameKey(name)));
  }
  return key;
}

/** The given name of a multi-word person name; lower-case particles ("de Mistura") have none. */
function givenName(name: string): string | undefined {
  const first = name.split(' ')[0];
  return name.includes(' ') && /^\p{Lu}/u.test(first) ? first.toLowerCase() : undefined;
}

function toEntity(id: string, group: Group, lex: Lexicon): Entity {
  const type = group.alias?.type ?? most(group.types);
  // Canonical name: the alias table's, else the longest name (people: full name), then most frequent.
  const name = group.alias?.name ?? most(group.names, (a, b) => b.length - a.length || a.localeCompare(b));
  const longest = [...group.names.keys()].sort((a, b) => b.length - a.length)[0];
  const canonical = group.alias ? name : type === 'PER' ? longest : name;
  const aliases = [...new Set([...group.names.keys()].filter((n) => n !== canonical))];
  return { id, name: canonical, type, kind: kindOf(group, type, canonical, lex), aliases, mentions: group.mentions.slice().sort((a, b) => a - b) };
}

function kindOf(group: Group, type: string, name: string, lex: Lexicon): string | undefined {
  if (group.alias) return group.alias.kind;
  if (type === 'PER') return 'person';
  if (type === 'MISC' && [...group.names.keys()].some((n) => lex.demonyms.has(n))) return 'nationality';
  if (type === 'LOC' && lex.cities.has(name)) return 'city';
  if (type === 'ORG' && LINKING.website.test(name)) return 'website';
  if (type === 'ORG' && LINKING.mediaOutlet.test(name)) return 'media outlet';
  return undefined;
}
