import type { Article } from '../../model/index.js';
import { mapPacked } from '../../model/arrays.js';
import { LIMITS, NAME_PARTICLES, SOURCE_NOUNS, TITLE_WORDS } from './constants.js';
import type { TokenView } from './view.js';
import { genderOf, type Gender } from './gender.js';

/** A person (or other named) entity as the quotes stage sees it. */
export interface PersonInfo {
  id: string;
  name: string;
  type: string;
  /** The entities stage's kind ("country", "government", "media outlet"), when it gave one. */
  kind?: string;
  /** Grammatical gender the article shows for a person (honorific, role word, given name), when it shows one. */
  gender?: Gender;
  roles: string[];
  affiliations: string[];
  places: string[];
}

/** A mention of a named entity in the text, linked to its entity. */
export interface NameMention { start: number; end: number; entity: string }

/** What speaker resolution needs: the named mentions in order, and the entities. */
export interface MentionIndex {
  mentions: NameMention[];
  entities: Map<string, PersonInfo>;
  /** Where the index came from: the entities stage, or the fallback proper-noun finder. */
  origin: 'entities' | 'fallback';
  /** Surname / single-word key → entity id (for names in speaker phrases). */
  byKey: Map<string, string>;
}

interface EntityFinding { id: string; name: string; type?: string; kind?: string; roles?: string[]; affiliations?: string[]; places?: string[]; aliases?: string[] }

/**
 * The adapter between speaker resolution and named entities: uses the entities stage's layer
 * and findings when the article has them, otherwise finds names itself (runs of PROPN tokens,
 * titles stripped, surnames linked to full names).
 */
export function mentionIndex(article: Article, v: TokenView): MentionIndex {
  const layer = article.layers.entities;
  const found = article.findings.entities as EntityFinding[] | undefined;
  if (layer && Array.isArray(found)) return fromEntities(mapPacked(layer, (s) => ({ start: s.start, end: s.end, entity: String(s.attrs?.entity ?? ''), label: s.label })), found);
  return fallback(v);
}

/**
 * The last word of a name that is no title ("President Ann Lee" → "lee"): as the last element of
 * `name.toLowerCase().split(/\s+/).filter((w) => !TITLE_WORDS.has(w))`, or '' (a trailing space
 * gives an empty last word), found from the end without splitting the whole name.
 */
function keyOf(name: string): string {
  const lower = name.toLowerCase();
  let end = lower.length;
  for (;;) {
    let start = end;
    while (start > 0 && !isSpace(lower.charCodeAt(start - 1))) start--;
    const word = lower.slice(start, end);
    if (!TITLE_WORDS.has(word) || start === 0) return TITLE_WORDS.has(word) ? '' : word;
    end = start - 1;
    while (end > 0 && isSpace(lower.charCodeAt(end - 1))) end--;
  }
}

/** Whether a character is white space as `\s` matches it (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function fromEntities(spans: { start: number; end: number; entity: string; label: string }[], found: EntityFinding[]): MentionIndex {
  const entities = new Map<string, PersonInfo>();
  const byKey = new Map<string, string>();
  for (const e of found) {
    const type = e.type ?? 'PER';
    const gender = type === 'PER' ? genderOf(e.name, e.aliases ?? [], e.roles ?? []) : undefined;
    entities.set(e.id, { id: e.id, name: e.name, type, kind: e.kind, gender, roles: [...(e.roles ?? [])], affiliations: [...(e.affiliations ?? [])], places: [...(e.places ?? [])] });
    for (const alias of [e.name, ...(e.aliases ?? [])]) {
      const key = keyOf(alias);
      if (key && (!byKey.has(key) || e.type === 'PER')) byKey.set(key, e.id);
    }
  }
  return { mentions: spans.filter((s) => s.entity), entities, origin: 'entities', byKey };
}

/** Fallback: proper-noun runs as names; a surname links to the earlier or later full name. */
function fallback(v: TokenView): MentionIndex {
  const runs: { from: number; to: number; words: string[] }[] = [];
  for (let i = 0; i < v.n; i++) {
    if (v.pos[i] !== 'PROPN') continue;
    let j = i + 1;
    while (j < v.n && v.para[j] === v.para[i] && (v.pos[j] === 'PROPN' || (NAME_PARTICLES.has(v.lower[j]) && v.pos[j + 1] === 'PROPN') || (v.lower[j] === '-' && v.end[j - 1] === v.start[j] && v.pos[j + 1] === 'PROPN'))) j++;
    let from = i;
    // A title inside the run ends what came before it ("Foreign Minister Sergei Lavrov").
    for (let k = j - 1; k > i; k--) if (TITLE_WORDS.has(v.lower[k])) { from = k + 1; break; }
    while (from < j && TITLE_WORDS.has(v.lower[from])) from++;
    // Long runs are an organisation or place before a name ("Historical Review Mark Weber").
    if (j - from > LIMITS.maxNameTokens) {
      let k = j - 2;
      while (k > from && NAME_PARTICLES.has(v.lower[k])) k--;
      from = Math.max(from, k);
    }
    if (from < j) runs.push({ from, to: j, words: v.lower.slice(from, j).filter((w) => w !== '-') });
    i = j - 1;
  }
  const entities = new Map<string, PersonInfo>();
  const byKey = new Map<string, string>();
  // Full names first, so surnames link to them wherever they occur.
  const ordered = [...runs].sort((a, b) => b.words.length - a.words.length);
  for (const r of ordered) {
    const key = r.words[r.words.length - 1];
    if (byKey.has(key)) continue;
    const id = `p${entities.size + 1}`;
    const name = v.text.slice(v.start[r.from], v.end[r.to - 1]);
    entities.set(id, { id, name, type: r.words.length > 1 ? 'PER' : 'NAME', roles: [], affiliations: [], places: [] });
    byKey.set(key, id);
  }
  const mentions = runs.map((r) => ({ start: v.start[r.from], end: v.end[r.to - 1], entity: byKey.get(r.words[r.words.length - 1])! }));
  for (const r of runs) collectRoles(v, r.from, r.to, entities.get(byKey.get(r.words[r.words.length - 1])!)!);
  return { mentions, entities, origin: 'fallback', byKey };
}

/**
 * Roles, affiliations and places around a name: nouns before it in the same phrase ("American
 * analyst Keith Preston") and an apposition after it (", a political analyst in Virginia,").
 */
function collectRoles(v: TokenView, from: number, to: number, info: PersonInfo): void {
  for (let k = from - 1; k >= 0 && from - k <= 4 && v.para[k] === v.para[from] && (v.pos[k] === 'NOUN' || v.pos[k] === 'ADJ' || v.pos[k] === 'PROPN'); k--) {
    if (SOURCE_NOUNS[v.lower[k]]) addOnce(info.roles, v.lower[k]);
  }
  if (v.lower[to] !== ',') return;
  let prep = '';
  for (let k = to + 1; k < v.n && k - to <= 14; k++) {
    const w = v.lower[k];
    if (w === ',' || w === '.' || v.pos[k] === 'VERB' || v.pos[k] === 'AUX' || v.pos[k] === 'PRON') break;
    if (v.pos[k] === 'ADP') { prep = w; continue; }
    if (v.pos[k] === 'NOUN' && !prep && SOURCE_NOUNS[w]) addOnce(info.roles, w);
    if (v.pos[k] === 'PROPN' && prep) {
      let j = k;
      while (j + 1 < v.n && (v.pos[j + 1] === 'PROPN' || (v.end[j] === v.start[j + 1] && (v.lower[j + 1] === '.' || v.lower[j + 1] === '-')))) j++;
      while (j > k && v.pos[j] === 'PUNCT') j--;
      const name = v.text.slice(v.start[k], v.end[j]);
      addOnce(prep === 'in' ? info.places : info.affiliations, name);
      k = j;
      prep = '';
    }
  }
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}
