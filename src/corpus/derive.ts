import type { Article, Span } from '../model/index.js';
import { genericSource } from './speakers.js';

/**
 * Rows derived from an article's layers and findings for querying (entities, quotes, sources,
 * techniques). Every stage is optional: a missing layer or finding gives no rows, and fields are
 * read defensively because the stages that write them evolve on their own branches.
 */
export interface DerivedRows {
  entities: EntityRow[];
  quotes: QuoteRow[];
  sources: SourceRow[];
  techniques: TechniqueRow[];
}

export interface EntityRow { name: string; key: string; type: string; mentions: number }
export interface QuoteRow { seq: number; start: number; end: number; kind: string; speaker: string; speakerEntity: string; text: string; techniques: string[] }
export interface SourceRow { seq: number; name: string; role: string; affiliation: string; place: string; kind: string; quotes: number; entity: string }
export interface TechniqueRow { technique: string; count: number }

/** Normalises a name for matching: lower case, no diacritics, no punctuation, single spaces. */
export function nameKey(name: string): string {
  // ASCII names (most): NFKD changes nothing and the only letters and digits are [a-z0-9] once
  // lower-cased, so a plain class does the Unicode one's work.
  if (ASCII_ONLY.test(name)) return name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const records = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : []);

/** A source's quote count: `counts` may be a number or a record of counts by kind. */
function quoteCount(counts: unknown): number {
  if (typeof counts === 'number') return counts;
  if (counts && typeof counts === 'object') {
    const c = counts as Record<string, unknown>;
    if (typeof c.quotes === 'number') return c.quotes;
    if (typeof c.total === 'number') return c.total;
    return Object.values(c).reduce<number>((sum, v) => sum + num(v), 0);
  }
  return 0;
}

/** Techniques whose spans overlap the range. */
function techniquesIn(spans: readonly Span[], start: number, end: number): string[] {
  const out = new Set<string>();
  for (const t of spans) if (t.start < end && start < t.end) out.add(t.label);
  return [...out].sort();
}

/** Extracts the query rows of one article (see `DerivedRows`). */
export function deriveRows(article: Article): DerivedRows {
  const entities = records(article.findings.entities)
    .map((e) => ({ name: str(e.name), type: str(e.type), mentions: num(e.mentions) || num(e.count) || num(e.mentionCount) || records(e.mentions).length || 1 }))
    .filter((e) => e.name)
    .map((e) => ({ ...e, key: nameKey(e.name) }));
  const techniqueSpans = article.layers.techniques ?? [];
  const counts = new Map<string, number>();
  for (const t of techniqueSpans) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  const quotes = (article.layers.quotes ?? []).map((q, seq) => {
    const a = q.attrs ?? {};
    const speaker = str(a.speakerText) || (typeof a.speakerStart === 'number' && typeof a.speakerEnd === 'number' ? article.text.slice(a.speakerStart, a.speakerEnd) : '');
    return { seq, start: q.start, end: q.end, kind: str(a.kind) || q.label, speaker, speakerEntity: str(a.speaker), text: article.text.slice(q.start, q.end), techniques: techniquesIn(techniqueSpans, q.start, q.end) };
  });
  const sources = records(article.findings.sources)
    .map((s, seq) => ({ seq, name: str(s.name), role: str(s.role), affiliation: str(s.affiliation), place: str(s.place), kind: str(s.kind), quotes: quoteCount(s.counts ?? s.quotes), entity: str(s.entity) || str(s.id) }))
    .filter((s) => s.name);
  return { entities, quotes, sources, techniques: [...counts].map(([technique, count]) => ({ technique, count })) };
}

/**
 * The source a quote belongs to: same entity id, else the same name, else a source whose name
 * ends with the quote's speaker text (a surname: "Preston" → "Keith Preston").
 */
export function sourceOfQuote(quote: QuoteRow, sources: readonly SourceRow[]): SourceRow | undefined {
  if (quote.speakerEntity) {
    const byEntity = sources.find((s) => s.entity === quote.speakerEntity);
    if (byEntity) return byEntity;
  }
  const key = nameKey(quote.speaker);
  if (!key) return undefined;
  return sources.find((s) => nameKey(s.name) === key) ?? sources.find((s) => nameKey(s.name).endsWith(' ' + key) || key.endsWith(' ' + nameKey(s.name)));
}

/** A quote's speaker text worth making a person of: capitalised, one to five words, no pronoun. */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 1 && words.length <= 5 && /^\p{Lu}/u.test(text.trim()) && !/^(He|She|They|It|We|I|You|The)$/.test(words[0]);
}

/**
 * The query rows of an article packed for the writer: each table's rows as one JSON array of
 * tuples in the column order of its insert (SQLite unpacks them with `json_each`, one statement
 * per table), and what matching speakers to the store's persons needs. Strings pass between
 * threads as a copy; ~50 row objects had to be rebuilt property by property.
 */
export interface PackedRows {
  /** [name, key, type | null, mentions] */
  entities: string;
  /** [technique, count] */
  techniques: string;
  /** [seq, name, role | null, affiliation | null, place | null, kind | null, quotes] */
  sources: string;
  /** [seq, start, end, kind | null, speaker | null, text, techniques as JSON] */
  quotes: string;
  /** Each source's name, role, affiliation and kind (`findings.sources[].kind`, '' when absent), in order. */
  people: [string, string, string, string][];
  /**
   * Each quote's speaker: its source's index in `people`, else the speaker text when it looks like a
   * name or describes an unnamed source ("Officials", see `genericSource`), else null.
   */
  speakers: (number | string | null)[];
}

/** Packs derived rows (see `PackedRows`); stores exactly the values the row objects held. */
export function packRows(rows: DerivedRows): PackedRows {
  const orNull = (v: string) => v || null;
  return {
    entities: JSON.stringify(rows.entities.map((e) => [e.name, e.key, orNull(e.type), e.mentions])),
    techniques: JSON.stringify(rows.techniques.map((t) => [t.technique, t.count])),
    sources: JSON.stringify(rows.sources.map((s) => [s.seq, s.name, orNull(s.role), orNull(s.affiliation), orNull(s.place), orNull(s.kind), s.quotes])),
    quotes: JSON.stringify(rows.quotes.map((q) => [q.seq, q.start, q.end, orNull(q.kind), orNull(q.speaker), q.text, JSON.stringify(q.techniques)])),
    people: rows.sources.map((s) => [s.name, s.role, s.affiliation, s.kind]),
    speakers: rows.quotes.map((q) => {
      const src = sourceOfQuote(q, rows.sources);
      if (src) return rows.sources.indexOf(src);
      return looksLikeName(q.speaker) || genericSource(q.speaker) !== undefined ? q.speaker : null;
    }),
  };
}
