import { createHash } from 'node:crypto';
import type { Article, Span } from '../model/index.js';
import type {
  ArticleFilter, ArticleSummary, CorpusStats, ExportKind, FacetCount, ListOptions, Page, PutResult,
  SearchResult, ServerStore, SpeakerDetail, SpeakerSummary, StorySummary,
} from './store.js';

/*
 * An in-memory corpus: the server's tests run against it, and `spinscope serve` without a
 * database uses it. It reads the same layers the SQLite store reads (quotes → speakers,
 * entities, techniques) but keeps everything in arrays; fine for a few thousand articles.
 */

const LIMITS = {
  /** Default and largest page size. */
  defaultPage: 50,
  maxPage: 500,
  /** Two articles are in one story when their capitalised-word sets overlap this much (Jaccard). */
  storyJaccard: 0.25,
  /** Words of the text read for story keys (title and lead). */
  storyKeyChars: 600,
  /** Characters either side of a search match in the snippet. */
  snippetContext: 60,
  facetSize: 10,
} as const;

const CAPITALISED = /\b[A-Z][a-z]{2,}\b/g;

/** The article id: the first 16 hex digits of the SHA-256 of its text (as the SQLite store). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function attr(span: Span, name: string): string | undefined {
  const v = span.attrs?.[name];
  return typeof v === 'string' && v ? v : undefined;
}

/** The name a quote is attributed to: its speaker text, else the canonical entity name. */
export function quoteSpeaker(article: Article, span: Span): string | undefined {
  const text = attr(span, 'speakerText');
  const id = attr(span, 'speaker');
  const entities = Array.isArray(article.findings.entities) ? (article.findings.entities as Array<{ id?: string; name?: string }>) : [];
  const canonical = id ? entities.find((e) => e.id === id)?.name : undefined;
  return canonical ?? text;
}

function entityNames(article: Article): string[] {
  const found = article.findings.entities;
  if (Array.isArray(found)) return found.map((e) => String((e as { name?: unknown }).name ?? '')).filter(Boolean);
  return (article.layers.entities ?? []).map((s) => article.text.slice(s.start, s.end));
}

function slug(name: string): string {
  return 'p' + contentHash(name.toLowerCase()).slice(0, 10);
}

interface Entry {
  article: Article;
  summary: ArticleSummary;
  key: Set<string>;
}

function increment(map: Map<string, number>, key: string | undefined, by = 1): void {
  if (key) map.set(key, (map.get(key) ?? 0) + by);
}

function top(map: Map<string, number>, n: number = LIMITS.facetSize): FacetCount[] {
  return [...map].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, n);
}

function page<T>(items: T[], options: ListOptions = {}): Page<T> {
  const limit = Math.min(options.limit ?? LIMITS.defaultPage, LIMITS.maxPage);
  const offset = options.offset ?? 0;
  return { total: items.length, items: items.slice(offset, offset + limit) };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both || 1);
}

/** A `ServerStore` kept in memory. */
export class MemoryStore implements ServerStore {
  private readonly entries = new Map<string, Entry>();
  private readonly stories = new Map<string, string[]>();

  async putArticle(article: Article): Promise<PutResult> {
    const id = contentHash(article.text);
    if (this.entries.has(id)) return { id, created: false, story: this.entries.get(id)!.summary.story };
    const stored: Article = { ...article, id };
    const lead = `${article.meta.title ?? ''} ${article.text.slice(0, LIMITS.storyKeyChars)}`;
    const key = new Set(lead.match(CAPITALISED) ?? []);
    const m = article.meta;
    const summary: ArticleSummary = { id, title: m.title, outlet: m.outlet, section: m.section, published: m.published, url: m.url, chars: article.text.length };
    const entry: Entry = { article: stored, summary, key };
    let best: [string, number] = ['', 0];
    for (const [storyId, members] of this.stories) {
      const score = Math.max(...members.map((mid) => jaccard(key, this.entries.get(mid)!.key)));
      if (score > best[1]) best = [storyId, score];
    }
    const story = best[1] >= LIMITS.storyJaccard ? best[0] : 's' + id.slice(0, 8);
    this.stories.set(story, [...(this.stories.get(story) ?? []), id]);
    summary.story = story;
    this.entries.set(id, entry);
    return { id, created: true, story };
  }

  async putArticles(articles: readonly Article[]): Promise<PutResult[]> {
    const out: PutResult[] = [];
    for (const a of articles) out.push(await this.putArticle(a));
    return out;
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return this.entries.get(id)?.article;
  }

  private matching(filter: ArticleFilter = {}): Entry[] {
    const lower = (s?: string) => s?.toLowerCase();
    return [...this.entries.values()]
      .filter(({ article: a, summary: s }) =>
        (!filter.outlet || s.outlet === filter.outlet) &&
        (!filter.section || s.section === filter.section) &&
        (!filter.story || s.story === filter.story) &&
        (!filter.from || (s.published ?? '') >= filter.from) &&
        (!filter.to || (s.published ?? '').slice(0, filter.to.length) <= filter.to) &&
        (!filter.technique || (a.layers.techniques ?? []).some((t) => t.label === filter.technique)) &&
        (!filter.entity || entityNames(a).some((n) => n.toLowerCase() === lower(filter.entity))) &&
        (!filter.speaker || (a.layers.quotes ?? []).some((q) => {
          const name = quoteSpeaker(a, q);
          return !!name && (name.toLowerCase() === lower(filter.speaker) || slug(name) === filter.speaker);
        })))
      .sort((x, y) => (y.summary.published ?? '').localeCompare(x.summary.published ?? '') || x.summary.id.localeCompare(y.summary.id));
  }

  async listArticles(filter: ArticleFilter = {}): Promise<Page<ArticleSummary>> {
    return page(this.matching(filter).map((e) => e.summary), filter);
  }

  async search(query: string, filter: ArticleFilter = {}): Promise<SearchResult> {
    const terms = query.toLowerCase().split(/\s+/).map((t) => t.replace(/["*()]/g, '')).filter((t) => t && !['and', 'or', 'not'].includes(t));
    const hits = this.matching({ ...filter, limit: undefined, offset: undefined })
      .filter((e) => terms.every((t) => e.article.text.toLowerCase().includes(t)));
    const facets = { outlet: new Map<string, number>(), section: new Map<string, number>(), entity: new Map<string, number>(), speaker: new Map<string, number>(), technique: new Map<string, number>(), story: new Map<string, number>() };
    for (const { article, summary } of hits) {
      increment(facets.outlet, summary.outlet);
      increment(facets.section, summary.section);
      increment(facets.story, summary.story);
      for (const n of new Set(entityNames(article))) increment(facets.entity, n);
      for (const n of new Set((article.layers.quotes ?? []).map((q) => quoteSpeaker(article, q)))) increment(facets.speaker, n);
      for (const n of new Set((article.layers.techniques ?? []).map((t) => t.label))) increment(facets.technique, n);
    }
    const items = hits.map(({ article, summary }, rank) => {
      const at = Math.max(0, article.text.toLowerCase().indexOf(terms[0] ?? ''));
      const from = Math.max(0, at - LIMITS.snippetContext);
      const len = terms[0]?.length ?? 0;
      const snippet = (from > 0 ? '…' : '') + article.text.slice(from, at) + '[' + article.text.slice(at, at + len) + ']' + article.text.slice(at + len, at + len + LIMITS.snippetContext) + '…';
      return { ...summary, snippet, rank };
    });
    const p = page(items, filter);
    return { ...p, facets: Object.fromEntries(Object.entries(facets).map(([k, v]) => [k, top(v)])) as SearchResult['facets'] };
  }

  async stats(filter: ArticleFilter = {}): Promise<CorpusStats> {
    const entries = this.matching(filter);
    const perDay = new Map<string, number>();
    const byOutlet: Record<string, Record<string, number>> = {};
    const ents = new Map<string, number>();
    const types = new Map<string, string>();
    const speakers = new Map<string, number>();
    for (const { article, summary } of entries) {
      increment(perDay, summary.published?.slice(0, 10));
      const outlet = summary.outlet ?? 'unknown';
      for (const t of article.layers.techniques ?? []) {
        const row = (byOutlet[outlet] ??= {});
        row[t.label] = (row[t.label] ?? 0) + 1;
      }
      for (const s of article.layers.entities ?? []) {
        const name = article.text.slice(s.start, s.end);
        increment(ents, name);
        types.set(name, s.label);
      }
      for (const q of article.layers.quotes ?? []) increment(speakers, quoteSpeaker(article, q));
    }
    return {
      articles: entries.length,
      outlets: new Set(entries.map((e) => e.summary.outlet)).size,
      stories: new Set(entries.map((e) => e.summary.story)).size,
      speakers: speakers.size,
      perDay: [...perDay].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value)),
      techniquesByOutlet: byOutlet,
      topEntities: top(ents).map((f) => ({ ...f, type: types.get(f.value) })),
      topSpeakers: top(speakers),
    };
  }

  private storySummary(id: string): StorySummary {
    const members = (this.stories.get(id) ?? []).map((m) => this.entries.get(m)!);
    const dates = members.map((m) => m.summary.published).filter((d): d is string => !!d).sort();
    const ents = new Map<string, number>();
    const speakers = new Map<string, number>();
    for (const { article } of members) {
      for (const n of entityNames(article)) increment(ents, n);
      for (const q of article.layers.quotes ?? []) increment(speakers, quoteSpeaker(article, q));
    }
    const first = members.slice().sort((a, b) => (a.summary.published ?? '').localeCompare(b.summary.published ?? ''))[0];
    return {
      id, thread: id, label: first?.summary.title ?? id, size: members.length,
      outlets: [...new Set(members.map((m) => m.summary.outlet).filter((o): o is string => !!o))].sort(),
      first: dates[0], last: dates.at(-1),
      topEntities: top(ents, 5).map((f) => f.value), topSpeakers: top(speakers, 5).map((f) => f.value),
    };
  }

  async listStories(options: ListOptions & { thread?: string; outlet?: string } = {}): Promise<Page<StorySummary>> {
    const all = [...this.stories.keys()].map((id) => this.storySummary(id))
      .filter((s) => (!options.outlet || s.outlets.includes(options.outlet)) && (!options.thread || s.thread === options.thread))
      .sort((a, b) => b.size - a.size || (b.last ?? '').localeCompare(a.last ?? ''));
    return page(all, options);
  }

  async getStory(id: string): Promise<(StorySummary & { articles: ArticleSummary[] }) | undefined> {
    if (!this.stories.has(id)) return undefined;
    return { ...this.storySummary(id), articles: this.matching({ story: id }).map((e) => e.summary).reverse() };
  }

  private speakerTable(): Map<string, SpeakerDetail & { months: Map<string, number>; co: Map<string, number>; tech: Map<string, number> }> {
    const table = new Map<string, SpeakerDetail & { months: Map<string, number>; co: Map<string, number>; tech: Map<string, number> }>();
    for (const { article, summary } of this.entries.values()) {
      const names = new Set<string>();
      for (const q of article.layers.quotes ?? []) {
        const name = quoteSpeaker(article, q);
        if (!name) continue;
        const id = slug(name);
        let s = table.get(id);
        if (!s) {
          s = { id, name, quotes: 0, articles: 0, roles: [], affiliations: [], outlets: [], variants: [name], overTime: [], coQuoted: [], techniques: [], months: new Map(), co: new Map(), tech: new Map() };
          table.set(id, s);
        }
        s.quotes++;
        increment(s.months, summary.published?.slice(0, 7));
        for (const t of article.layers.techniques ?? []) if (t.start < q.end && q.start < t.end) increment(s.tech, t.label);
        if (!names.has(name)) {
          names.add(name);
          s.articles++;
          if (summary.outlet && !s.outlets.includes(summary.outlet)) s.outlets.push(summary.outlet);
        }
      }
      for (const a of names) for (const b of names) if (a !== b) increment(table.get(slug(a))!.co, b);
    }
    return table;
  }

  private static summarise(s: SpeakerDetail): SpeakerSummary {
    return { id: s.id, name: s.name, quotes: s.quotes, articles: s.articles, roles: s.roles, affiliations: s.affiliations, outlets: s.outlets };
  }

  async listSpeakers(options: ListOptions & { query?: string; outlet?: string } = {}): Promise<Page<SpeakerSummary>> {
    const q = options.query?.toLowerCase();
    const all = [...this.speakerTable().values()]
      .filter((s) => (!q || s.name.toLowerCase().includes(q)) && (!options.outlet || s.outlets.includes(options.outlet)))
      .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name))
      .map(MemoryStore.summarise);
    return page(all, options);
  }

  async getSpeaker(id: string): Promise<SpeakerDetail | undefined> {
    const s = this.speakerTable().get(id);
    if (!s) return undefined;
    const { months, co, tech, ...rest } = s;
    return {
      ...rest,
      overTime: [...months].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value)),
      coQuoted: top(co).map((f) => ({ ...f, id: slug(f.value) })),
      techniques: top(tech),
    };
  }

  async *exportRecords(kind: ExportKind): AsyncIterable<Record<string, unknown>> {
    if (kind === 'articles') for (const e of this.matching()) yield { ...e.summary };
    else if (kind === 'stories') for (const s of (await this.listStories({ limit: LIMITS.maxPage })).items) yield { ...s, outlets: s.outlets.join('|'), topEntities: s.topEntities.join('|'), topSpeakers: s.topSpeakers.join('|') };
    else if (kind === 'speakers') for (const s of (await this.listSpeakers({ limit: LIMITS.maxPage })).items) yield { ...s, roles: s.roles.join('|'), affiliations: s.affiliations.join('|'), outlets: s.outlets.join('|') };
    else {
      const layer = kind === 'quotes' ? 'quotes' : kind === 'entities' ? 'entities' : 'techniques';
      for (const { article, summary } of this.matching()) {
        for (const s of article.layers[layer] ?? []) {
          yield { article: summary.id, outlet: summary.outlet, start: s.start, end: s.end, label: s.label, text: article.text.slice(s.start, s.end), ...(layer === 'quotes' ? { speaker: quoteSpeaker(article, s) } : {}) };
        }
      }
    }
  }

  async info(): Promise<{ schemaVersion: number; path: string; articles: number }> {
    return { schemaVersion: 0, path: ':memory:', articles: this.entries.size };
  }

  async close(): Promise<void> {}
}
