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
  /** Sentences back within which a bare surname shared by several people goes to the one named last. */
  surnameWindow: 4,
} as const;

/** Tie-break between mention types of one name: organisations are most often mistaken for people. */
const TYPE_PREFERENCE = ['ORG', 'LOC', 'PER', 'MISC'];

function byTypePreference(a: string, b: string): number {
  return TYPE_PREFERENCE.indexOf(a) - TYPE_PREFERENCE.indexOf(b);
}

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
  // Most mention texts are clean already: a scan of their characters is cheaper than a memo lookup.
  if (isCleanName(text)) return text;
  let name = nameMemo.get(text);
  if (name === undefined) {
    if (nameMemo.size > 50_000) nameMemo.clear();
    nameMemo.set(text, (name = cleanName(text)));
  }
  return name;
}

const nameMemo = new Map<string, string>();

/**
 * Whether `cleanName(text) === text` for sure: printable ASCII without double, leading or
 * trailing spaces, not opening with "the " and not ending in "'" or "'s" (every rule of
 * `cleanName` is then a no-op). False sends the text through `cleanName`.
 */
function isCleanName(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32 || text.charCodeAt(n - 1) === 39) return false;
  if (n >= 2 && text.charCodeAt(n - 2) === 39 && text.charCodeAt(n - 1) === 115) return false;
  if (n >= 4 && (text.charCodeAt(0) | 32) === 116 && (text.charCodeAt(1) | 32) === 104 && (text.charCodeAt(2) | 32) === 101 && text.charCodeAt(3) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126 || (c === 32 && text.charCodeAt(i - 1) === 32)) return false;
  }
  return true;
}

function cleanName(text: string): string {
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
  // Two rows of the edit-distance table in one scratch array (no arrays per call).
  if (editRows.length < 2 * (n + 1)) editRows = new Int32Array(4 * (n + 1));
  const rows = editRows;
  let prev = 0;
  let cur = n + 1;
  for (let j = 0; j <= n; j++) rows[j] = j;
  for (let i = 1; i <= m; i++) {
    rows[cur] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) rows[cur + j] = Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + (ai === b.charCodeAt(j - 1) ? 0 : 1));
    const t = prev;
    prev = cur;
    cur = t;
  }
  return 1 - rows[prev + n] / Math.max(m, n);
}

/** Scratch rows of `similarity`. */
let editRows = new Int32Array(64);

/** `findAlias` results per lexicon and name (names recur across mentions and articles). */
const aliasMemo = new WeakMap<Lexicon, Map<string, AliasEntry | null>>();

/** `findAlias`, memoised. */
function aliasEntry(lex: Lexicon, name: string): AliasEntry | undefined {
  let memo = aliasMemo.get(lex);
  if (!memo) aliasMemo.set(lex, (memo = new Map()));
  let entry = memo.get(name);
  if (entry === undefined) {
    if (memo.size > 50_000) memo.clear();
    memo.set(name, (entry = findAlias(lex, name) ?? null));
  }
  return entry ?? undefined;
}

function findAlias(lex: Lexicon, name: string): AliasEntry | undefined {
  const hit = lex.byAlias.get(name) ?? (name.length > 4 ? lex.byAliasLower.get(name.toLowerCase()) : undefined);
  // Dotted acronyms: "W.H.O." is "WHO".
  return hit ?? (/^(?:[A-Z]\.){2,}$/.test(name) ? lex.byAlias.get(name.replace(/\./g, '')) : undefined);
}

interface Group {
  names: Map<string, number>;
  types: Map<string, number>;
  mentions: number[];
  alias?: AliasEntry;
  /** Mentions tagged as a person with a full (multi-word) name. */
  fullNames?: number;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The default-locale collation of `String.prototype.localeCompare`, made once (same order, far cheaper per call). */
const collator = new Intl.Collator();

/**
 * The most frequent key, ties broken by `tieBreak`; among keys still tied, the first inserted
 * (what a stable sort would put first, found in one pass).
 */
function most(map: Map<string, number>, tieBreak: (a: string, b: string) => number = () => 0): string {
  let best: string | undefined;
  let bestCount = 0;
  for (const [key, count] of map) {
    if (best === undefined || count - bestCount > 0 || (count === bestCount && tieBreak(key, best) < 0)) {
      best = key;
      bestCount = count;
    }
  }
  return best!;
}

/** What `linkMentions` builds, for its helpers (module functions rather than closures: under tsx's keepNames a closure pays a defineProperty per call). */
interface LinkState {
  groups: Group[];
  groupOf: number[];
  people: PersonIndex;
  mentions: readonly Mention[];
  /** Given name → the one full-name person group with it (-1 when several), built at first need. */
  givenNames?: Map<string, number>;
}

/** Puts mention i, normalised as `name`, in group g. */
function addMention(st: LinkState, g: number, i: number, name: string): void {
  const { groups, people } = st;
  st.groupOf[i] = g;
  groups[g].mentions.push(i);
  if (!groups[g].names.has(name) && people.has(g)) people.add(g, name);
  bump(groups[g].names, name);
  bump(groups[g].types, st.mentions[i].type);
}

/** Marks group g as a person (its names go into the person index). */
function markPerson(st: LinkState, g: number): void {
  if (!st.people.has(g)) for (const n of st.groups[g].names.keys()) st.people.add(g, n);
  st.people.mark(g);
}

/** A new empty group; returns its index. */
function newGroup(groups: Group[], alias?: AliasEntry): number {
  groups.push({ names: new Map(), types: new Map(), mentions: [], alias });
  return groups.length - 1;
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
  const people = new PersonIndex();
  const names = mentions.map((m) => normalizeName(m.text));
  // Each mention's alias-table entry, looked up once (passes 1 and 2 and `namedOtherwise` read it).
  const entries = names.map((name) => aliasEntry(lex, name));
  const state: LinkState = { groups, groupOf, people, mentions };
  // Pass 1: alias table and multi-word person names (so later surnames have somewhere to go).
  mentions.forEach((m, i) => {
    const name = names[i];
    const entry = entries[i];
    // A person-tagged word takes a non-person alias only when the alias is a one-word group
    // label ("Takfiri", "Sunni"): no person is named that, while "Jordan" may well be one.
    // A bare head word ("the Commission") waits for pass 2: it refers back to the organisation
    // named in full earlier in the article, and to the alias table's only without one.
    if (entry && !name.includes(' ') && isHeadWordOf(name, entry.name)) return;
    if (entry && (m.type !== 'PER' || entry.type === 'PER' || (entry.type === 'MISC' && !name.includes(' ')))) {
      const g = byAlias.get(entry.name) ?? newGroup(groups, entry);
      byAlias.set(entry.name, g);
      addMention(state, g, i, name);
      return;
    }
    if (m.type === 'PER' && name.includes(' ')) {
      const g = people.find(name) ?? newGroup(groups);
      markPerson(state, g);
      addMention(state, g, i, name);
      groups[g].fullNames = (groups[g].fullNames ?? 0) + 1;
    }
  });
  // Pass 2: the rest — multi-word names first (so acronyms find expansions written later),
  // then single words: surnames, acronyms, exact names.
  const rest = mentions.map((_, i) => i).filter((i) => groupOf[i] < 0);
  let acronyms: Map<string, number> | undefined;
  // Built at the first single word, when every multi-word name has its group.
  let heads: Set<string> | undefined;
  [...rest.filter((i) => names[i].includes(' ')), ...rest.filter((i) => !names[i].includes(' '))].forEach((i) => {
    const m = mentions[i];
    const name = names[i];
    if (m.type !== 'PER' && !name.includes(' ') && /^\p{Lu}\p{Ll}/u.test(name)) {
      heads ??= headWords(groups);
      const g = heads.has(name) ? backReference(groups, name, i) : undefined;
      if (g !== undefined) return addMention(state, g, i, name);
      const entry = entries[i];
      // The alias table's organisation only when the article names it otherwise too ("European
      // Commission", "EC"): a lone "the Commission" in a piece on US debates is not Brussels'.
      if (entry && isHeadWordOf(name, entry.name) && namedOtherwise(names, entries, entry, name)) {
        const a = byAlias.get(entry.name) ?? newGroup(groups, entry);
        byAlias.set(entry.name, a);
        return addMention(state, a, i, name);
      }
    }
    if (m.type === 'PER' || !name.includes(' ')) {
      const g = !name.includes(' ') ? nearestPerson(state, name, i) : people.find(name);
      if (g !== undefined && (m.type === 'PER' || m.type === 'ORG' || m.type === 'MISC')) return addMention(state, g, i, name);
      // A person called by the given name alone ("Robert is selling …" after "Robert Ashdown").
      const byGiven = m.type === 'PER' && !name.includes(' ') ? onlyWithGivenName(state, name) : undefined;
      if (byGiven !== undefined) return addMention(state, byGiven, i, name);
    }
    if (/^[A-Z]{2,6}$/.test(name)) {
      acronyms ??= acronymIndex(groups);
      const g = acronyms.get(name);
      if (g !== undefined) return addMention(state, g, i, name);
    }
    // Nationalities group by the country they name ("Russian", "Russians").
    const country = m.type === 'MISC' ? lex.demonyms.get(name) : undefined;
    // Same name, same entity, whatever type the tagger gave each mention (majority decides).
    const key = country ? `demonym:${country}` : name.toLowerCase();
    const g = byName.get(key) ?? newGroup(groups);
    byName.set(key, g);
    if (m.type === 'PER') markPerson(state, g);
    addMention(state, g, i, name);
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

/**
 * The person a bare surname refers to when several share it ("Lars Holm" and "Erik Holm", then
 * "Holm said"): the one named within `LINKING.surnameWindow` sentences before it, the most recent;
 * failing that, the first of them (the index's order: the first named).
 */
function nearestPerson(st: LinkState, name: string, i: number): number | undefined {
  const first = st.people.find(name);
  if (first === undefined) return undefined;
  const all = st.people.candidates(name);
  if (!all) return first;
  const sentence = st.mentions[i].sentence;
  let best = first;
  let bestAt = -1;
  for (const g of all) {
    for (const k of st.groups[g].mentions) {
      if (k < i && k > bestAt && sentence - st.mentions[k].sentence <= LINKING.surnameWindow) (best = g), (bestAt = k);
    }
  }
  return best;
}

/** The one person group with a full name opening with `given`, when exactly one has it. */
function onlyWithGivenName(st: LinkState, given: string): number | undefined {
  // Built once, when single words are linked: every full name has its group by then.
  if (!st.givenNames) {
    const index = new Map<string, number>();
    for (let g = 0; g < st.groups.length; g++) {
      if (!st.groups[g].fullNames) continue;
      for (const n of st.groups[g].names.keys()) {
        const space = n.indexOf(' ');
        if (space < 0) continue;
        const first = n.slice(0, space);
        const had = index.get(first);
        index.set(first, had === undefined || had === g ? g : -1);
      }
    }
    st.givenNames = index;
  }
  const g = st.givenNames.get(given);
  return g === undefined || g < 0 ? undefined : g;
}

/** Words after an organisation's head word that still leave it the head ("Commission on …", "Office for …"). */
const HEAD_FIRST_JOINERS = new Set(['of', 'on', 'for']);

/**
 * Whether a single word is the head of a multi-word organisation name: its last word ("Union"
 * of "European Union") or its first word before "of"/"on"/"for" ("Commission on Presidential
 * Debates", "Office for National Statistics").
 */
function isHeadWordOf(word: string, name: string): boolean {
  const last = name.lastIndexOf(' ');
  if (last < 0) return false;
  if (name.length - last - 1 === word.length && name.endsWith(word)) return true;
  if (name.charCodeAt(word.length) !== 32 || !name.startsWith(word)) return false;
  const next = name.indexOf(' ', word.length + 1);
  return HEAD_FIRST_JOINERS.has(name.slice(word.length + 1, next < 0 ? name.length : next));
}

/** Head words of the multi-word names (and alias-table names) in the groups: all `backReference` can find. */
function headWords(groups: readonly Group[]): Set<string> {
  const heads = new Set<string>();
  for (const group of groups) {
    // People are not referred back to by a head word ("Trump" is no organisation's head).
    if (group.fullNames || group.types.has('PER')) continue;
    for (const n of group.names.keys()) addHeads(heads, n);
    if (group.alias) addHeads(heads, group.alias.name);
  }
  return heads;
}

function addHeads(heads: Set<string>, name: string): void {
  const last = name.lastIndexOf(' ');
  if (last < 0) return;
  heads.add(name.slice(last + 1));
  const first = name.indexOf(' ');
  const next = name.indexOf(' ', first + 1);
  if (HEAD_FIRST_JOINERS.has(name.slice(first + 1, next < 0 ? name.length : next))) heads.add(name.slice(0, first));
}

/**
 * A bare head word ("the Union", "the Commission") refers back to the organisation last named
 * in full with that head before it: the non-person group with such a name whose latest mention
 * before mention `i` is the most recent.
 */
function backReference(groups: readonly Group[], word: string, i: number): number | undefined {
  let best: number | undefined;
  let bestAt = -1;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if ((group.fullNames ?? 0) > 0) continue;
    let named = false;
    for (const n of group.names.keys()) if (isHeadWordOf(word, n)) { named = true; break; }
    if (!named && !(group.alias && isHeadWordOf(word, group.alias.name))) continue;
    let at = -1;
    for (const k of group.mentions) if (k < i && k > at) at = k;
    if (at > bestAt) (best = g), (bestAt = at);
  }
  return best;
}

/** Whether some mention names the alias entry by another form than `head`. */
function namedOtherwise(names: readonly string[], entries: readonly (AliasEntry | undefined)[], entry: AliasEntry, head: string): boolean {
  for (let k = 0; k < names.length; k++) if (entries[k] === entry && names[k] !== head) return true;
  return false;
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

/**
 * Person groups indexed by surname key (and by the first part of double surnames): `find`
 * returns the group whose surname matches and whose given name, when both have one, is
 * similar enough (Sergey ~ Sergei).
 */
class PersonIndex {
  private readonly marked = new Set<number>();
  private readonly bySurname = new Map<string, { group: number; given?: string }[]>();
  private readonly byFirstPart = new Map<string, { group: number; given?: string }[]>();

  has(group: number): boolean {
    return this.marked.has(group);
  }

  mark(group: number): void {
    this.marked.add(group);
  }

  add(group: number, name: string): void {
    const { surname: key, given } = nameParts(name);
    const entry = { group, given };
    push(this.bySurname, key, entry);
    const dash = key.indexOf('-');
    if (dash > 0) push(this.byFirstPart, key.slice(0, dash), entry);
  }

  /** Every group whose surname matches a bare surname (no given name to compare); undefined when at most one entry has it. */
  candidates(surname: string): number[] | undefined {
    const list = this.bySurname.get(nameParts(surname).surname);
    if (!list || list.length < 2) return undefined;
    const out: number[] = [];
    for (const c of list) if (!out.includes(c.group)) out.push(c.group);
    return out.length > 1 ? out : undefined;
  }

  find(name: string): number | undefined {
    const { surname, given } = nameParts(name);
    for (const c of this.bySurname.get(surname) ?? []) {
      if (!given || !c.given || similarity(given, c.given) >= LINKING.minNameSimilarity) return c.group;
    }
    // Without a given name any double-surname entry matches ("Smith" ~ "Smith-Jones").
    const first = given ? undefined : this.byFirstPart.get(surname)?.[0];
    if (first) return first.group;
    return undefined;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Surname key and given name of a name, computed once per name. */
interface NameParts {
  surname: string;
  given: string | undefined;
}

const partsMemo = new Map<string, NameParts>();

/** `surnameKey` and `givenName`, memoised (names recur across mentions and articles). */
function nameParts(name: string): NameParts {
  let parts = partsMemo.get(name);
  if (parts === undefined) {
    if (partsMemo.size > 50_000) partsMemo.clear();
    partsMemo.set(name, (parts = { surname: surnameKey(name), given: givenName(name) }));
  }
  return parts;
}

/** The given name of a multi-word person name; lower-case particles ("de Mistura") have none. */
function givenName(name: string): string | undefined {
  const first = name.split(' ')[0];
  return name.includes(' ') && /^\p{Lu}/u.test(first) ? first.toLowerCase() : undefined;
}

function toEntity(id: string, group: Group, lex: Lexicon): Entity {
  // A full name tagged as a person makes its surname mentions a person's too, however the
  // tagger typed them ("Donald Trump" … "Trump" tagged ORG forty times after an upper-case headline).
  const type = group.alias?.type ?? (group.fullNames ? 'PER' : most(group.types, byTypePreference));
  const nationality = type === 'MISC' && [...group.names.keys()].some((n) => lex.demonyms.has(n));
  // Canonical name: the alias table's; people: the longest (full) name; nationalities: the
  // shortest; else the most frequent name, the longest among equals.
  const canonical = group.alias
    ? group.alias.name
    : type === 'PER'
      ? longestName(group.names)
      : nationality
        ? shortestName(group.names)
        : most(group.names, (a, b) => b.length - a.length || collator.compare(a, b));
  // Map keys are distinct already: no set needed.
  const aliases: string[] = [];
  for (const n of group.names.keys()) if (n !== canonical) aliases.push(n);
  return { id, name: canonical, type, kind: kindOf(group, type, canonical, lex), aliases, mentions: ascending(group.mentions) };
}

/** A sorted copy of mention indices (most groups gain their mentions in order: then no sort). */
function ascending(indices: readonly number[]): number[] {
  for (let i = 1; i < indices.length; i++) if (indices[i] < indices[i - 1]) return indices.slice().sort(byNumber);
  return indices.slice();
}

function byNumber(a: number, b: number): number {
  return a - b;
}

/** The first of the longest keys (what a stable sort by length, longest first, puts first). */
function longestName(names: Map<string, number>): string {
  let longest = '';
  for (const n of names.keys()) if (n.length > longest.length) longest = n;
  return longest;
}

/** The shortest key, alphabetical among equals, first inserted among still-equal ones (as a stable sort). */
function shortestName(names: Map<string, number>): string {
  let shortest: string | undefined;
  for (const n of names.keys()) {
    if (shortest === undefined || n.length < shortest.length || (n.length === shortest.length && collator.compare(n, shortest) < 0)) shortest = n;
  }
  return shortest!;
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
