import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project's hand-made resources (data/aliases, data/gazetteers), loaded once. */
export const DATA_ROOT = join(import.meta.dirname, '..', '..', '..', 'data');

/** One row of the alias table: a canonical entity with its type, kind and aliases. */
export interface AliasEntry {
  name: string;
  type: string;
  kind: string;
  aliases: string[];
}

/** A gazetteer phrase as lowercase tokens, with the list it came from. */
export interface GazetteerEntry {
  tokens: string[];
  list: string;
}

/** Everything the recogniser and the linker read from data/. */
export interface Lexicon {
  aliases: AliasEntry[];
  /** Alias or canonical name (exact case) → entry. */
  byAlias: Map<string, AliasEntry>;
  /** Lowercased alias → entry (for case-insensitive fallbacks on long names). */
  byAliasLower: Map<string, AliasEntry>;
  /** Demonym → country/region name ("Russian" → "Russia"). */
  demonyms: Map<string, string>;
  firstNames: Set<string>;
  /** Cities from the gazetteer list. */
  cities: Set<string>;
  orgWords: Set<string>;
  /** Titles as lowercase token lists, longest first. */
  titles: string[][];
  /** Gazetteer phrases indexed by their first lowercase token. */
  gazetteer: Map<string, GazetteerEntry[]>;
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Splits a phrase into the tokens the recogniser sees (hyphen/dot compounds stay whole). */
export function phraseTokens(phrase: string): string[] {
  return phrase.split(/\s+/).filter(Boolean);
}

function addPhrase(index: Map<string, GazetteerEntry[]>, phrase: string, list: string): void {
  const tokens = phraseTokens(phrase.toLowerCase());
  if (!tokens.length) return;
  const bucket = index.get(tokens[0]) ?? [];
  if (!bucket.some((e) => e.list === list && e.tokens.join(' ') === tokens.join(' '))) bucket.push({ tokens, list });
  index.set(tokens[0], bucket);
}

/** Gazetteer list name of an alias-table entry: type plus a coarse kind. */
function listOf(entry: AliasEntry): string {
  return `${entry.type}.${entry.kind.split(' ')[0]}`;
}

/** Reads the alias table and gazetteers from `root` (default: the project's data/). */
export function loadLexicon(root = DATA_ROOT): Lexicon {
  const aliases: AliasEntry[] = lines(join(root, 'aliases', 'aliases.tsv')).map((line) => {
    const [name, type, kind, list] = line.split('\t');
    return { name, type, kind, aliases: list ? list.split('|').filter(Boolean) : [] };
  });
  const byAlias = new Map<string, AliasEntry>();
  const byAliasLower = new Map<string, AliasEntry>();
  const gazetteer = new Map<string, GazetteerEntry[]>();
  for (const entry of aliases) {
    for (const form of [entry.name, ...entry.aliases]) {
      if (!byAlias.has(form)) byAlias.set(form, entry);
      const bare = form.replace(/^the /i, '');
      if (!byAlias.has(bare)) byAlias.set(bare, entry);
      if (!byAliasLower.has(bare.toLowerCase())) byAliasLower.set(bare.toLowerCase(), entry);
      addPhrase(gazetteer, bare, listOf(entry));
    }
  }
  const demonyms = new Map<string, string>();
  for (const line of lines(join(root, 'gazetteers', 'demonyms.tsv'))) {
    const [demonym, place] = line.split('\t');
    demonyms.set(demonym, place);
    addPhrase(gazetteer, demonym, 'MISC.demonym');
  }
  const cities = new Set(lines(join(root, 'gazetteers', 'cities.txt')));
  for (const city of cities) addPhrase(gazetteer, city, 'LOC.city');
  const firstNames = new Set(lines(join(root, 'gazetteers', 'first-names.txt')));
  const orgWords = new Set(lines(join(root, 'gazetteers', 'org-words.txt')));
  const titles = lines(join(root, 'gazetteers', 'titles.txt'))
    .map((t) => phraseTokens(t.toLowerCase()))
    .sort((a, b) => b.length - a.length);
  return { aliases, byAlias, byAliasLower, demonyms, firstNames, cities, orgWords, titles, gazetteer };
}

let shared: Lexicon | undefined;

/** The project lexicon, loaded once per process. */
export function lexicon(): Lexicon {
  shared ??= loadLexicon();
  return shared;
}
