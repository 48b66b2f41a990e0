import type { TimeSeries, TimeUnit } from './time-buckets.js';
import type { Article } from '../model/index.js';
import type { PreparedArticle } from './prepare.js';

/**
 * The corpus store: one interface, implemented by SQLite (`src/corpus/sqlite/`) and later by
 * PostgreSQL. Every method returns a Promise (or an async iterable for streams) even though
 * better-sqlite3 is synchronous: a PostgreSQL client (`pg`) is asynchronous, and an interface
 * that is async from the start lets the server, the CLI and ingest run against either without
 * change. The SQLite implementation does its work synchronously inside each call, so there is no
 * interleaving between calls and the only cost is one resolved promise per call (batch with
 * `putArticles` on hot paths).
 *
 * Article ids are strings: the first 16 hex digits of the SHA-256 of the article text (the
 * content hash). Ids are therefore stable across databases and re-ingesting is a no-op.
 *
 * @example
 * const store = await openStore('corpus.db');
 * const { id, created } = await store.putArticle(await analyze('Kerry met Lavrov.'));
 * const article = await store.getArticle(id); // equal to what was put (text, meta, layers, ...)
 * const page = await store.listArticles({ outlet: 'Example Times', limit: 20 });
 * const found = await store.search('ceasefire', { from: '2016-10-01' });
 * await store.close();
 */
export interface CorpusStore {
  /** Stores one analysed article; a second put of the same text is a no-op (`created: false`). */
  putArticle(article: Article, options?: PutOptions): Promise<PutResult>;
  /** Stores many articles in one transaction (all or nothing); results in input order. */
  putArticles(articles: readonly Article[], options?: PutOptions): Promise<PutResult[]>;
  /** `putArticles` for articles prepared elsewhere (ingest workers) with `prepareArticle`. */
  putPrepared(items: readonly PreparedArticle[], options?: PutOptions): Promise<PutResult[]>;
  /** Which of these content hashes (see `contentHash`) are stored already. */
  hasHashes(hashes: readonly string[]): Promise<Set<string>>;
  /** The article exactly as it was put (text, meta, every layer, findings, notices, analysis), plus `id`. */
  getArticle(id: string): Promise<Article | undefined>;
  /** Summaries of the articles matching the filter, newest first, with the total count. */
  listArticles(filter?: ArticleFilter): Promise<Page<ArticleSummary>>;
  /**
   * Full-text search (FTS5 syntax: words, "phrases", OR, NOT, prefix*) within the filter; hits
   * carry a snippet with matches between `[` and `]`, and facet counts over all matches.
   */
  search(query: string, filter?: ArticleFilter): Promise<SearchResult>;
  /** Totals, counts over time, technique frequencies per outlet, top entities and speakers. */
  stats(filter?: ArticleFilter): Promise<CorpusStats>;
  /** Stories (same event), biggest first; `thread` groups stories on one ongoing topic. */
  listStories(options?: ListOptions & { thread?: string; outlet?: string }): Promise<Page<StorySummary>>;
  /**
   * One story with a page of its articles, oldest first (`limit`, default 50, and `offset`; the
   * story's `size` is their number).
   */
  getStory(id: string, options?: ListOptions): Promise<(StorySummary & { articles: ArticleSummary[]; offset: number }) | undefined>;
  /**
   * Speakers (persons merged across articles, and unnamed sources by label), most quoted first;
   * `query` filters by name, `generic` keeps only unnamed sources (true) or named speakers (false).
   */
  listSpeakers(options?: SpeakerListOptions): Promise<Page<SpeakerSummary>>;
  /** One speaker with quote counts over time, co-quoted speakers and top techniques. */
  getSpeaker(id: string): Promise<SpeakerDetail | undefined>;
  /** Streams one table of the corpus as flat records (for `spinscope export`); memory stays flat whatever the corpus size. */
  exportRecords(kind: ExportKind): AsyncIterable<Record<string, unknown>>;
  /** Ids of articles whose recorded stage versions differ from `current` (stage → version). */
  staleArticles(current: Record<string, string>): Promise<string[]>;
  /** Replaces an article's analysis (same text, same id) after re-analysis. */
  replaceArticle(id: string, article: Article): Promise<void>;
  /**
   * Optional: places the articles that arrived since the store last re-clustered its recent
   * articles (it does so every few hundred arrivals) as the batch method would. For the end of a
   * bulk run; costs one re-clustering of the recent window (~0.2 s at 2,000 articles).
   */
  settleStories?(): Promise<void>;
  /**
   * Optional capability: writing split in two, so that parallel ingest workers write the bulk of
   * each article's rows on their own connections (see `SplitWrites`). Absent when the store cannot
   * be opened from another thread (an in-memory SQLite database); ingest then uses `putPrepared`.
   */
  readonly split?: SplitWrites;
  /** The schema version and the path, for diagnostics. */
  info(): Promise<{ schemaVersion: number; path: string; articles: number }>;
  close(): Promise<void>;
}

/**
 * Split writing. An article's own rows (text, columns, full-text index, layers, entities,
 * techniques) need nothing from other articles, so any number of row writers (`RowWriter`, one per
 * ingest worker, each on its own connection) can write them in parallel; they record what linking
 * needs as a pending link. What is global and order-dependent — persons (sources, quotes),
 * near-duplicates and stories — is then done by `link`, in input order, in one place.
 */
export interface SplitWrites {
  /** What a worker thread needs to open its own row writer (structured-cloneable). */
  readonly target: RowWriterTarget;
  /** Links articles stored by row writers, in the order given, in one transaction; deletes their pending links. */
  link(items: readonly StoredArticle[]): Promise<PutResult[]>;
  /** Articles stored by row writers and not yet linked (a run stopped in between), in storage order. */
  unlinked(): Promise<StoredArticle[]>;
}

/** How a row writer reaches the store (`openRowWriter` in the implementation's folder). */
export type RowWriterTarget = { kind: 'sqlite'; path: string; busyTimeoutMs: number };

/** Writes articles' own rows (see `SplitWrites`); synchronous, for worker threads. */
export interface RowWriter {
  /** In one transaction: per article, its stored form, or `created: false` when the text was stored already. */
  write(items: readonly PreparedArticle[]): Array<StoredArticle | { id: string; created: false }>;
  close(): void;
}

/** An article whose rows are written and whose linking is pending. */
export interface StoredArticle {
  id: string;
  created: true;
  /** The store's own key of the article row (SQLite: `articles.n`). */
  ref: number;
  link: LinkInput;
}

/** What linking needs of an article (a few KB; kept in the store until linked). */
export interface LinkInput {
  title?: string;
  published?: string;
  /** The story label as `storyLabel` gives it. */
  label: string;
  hasText: boolean;
  fingerprint?: { signature: number[]; bands: number[] };
  storyTerms: Array<[string, number]>;
  /** The `PackedRows` fields that need persons: sources, quotes, people, speakers. */
  sources: string;
  /** Quote rows with those whose text is the article's between their offsets marked (`markQuoteTexts`). */
  quotes: string;
  people: [string, string, string, string][];
  speakers: (number | string | null)[];
}

export interface PutOptions {
  /** Skip story clustering and near-duplicate detection (tests, re-analysis). Default false. */
  skipLinking?: boolean;
}

export interface PutResult {
  id: string;
  /** False when the text was already stored (nothing was written). */
  created: boolean;
  /** Story the article was assigned to (absent when linking was skipped). */
  story?: string;
  /** The id of an earlier article this one nearly duplicates (syndicated copy, small edit). */
  duplicateOf?: string;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

/** Article filters; every field is optional and they combine with AND. */
export interface ArticleFilter extends ListOptions {
  outlet?: string;
  section?: string;
  /** Inclusive ISO dates (compared as strings on `meta.published`). */
  from?: string;
  to?: string;
  /** Canonical entity name (case-insensitive) as in `findings.entities`. */
  entity?: string;
  /** Speaker id (`p…`) or name (case-insensitive). */
  speaker?: string;
  /** PTC technique name, e.g. `Loaded_Language`. */
  technique?: string;
  story?: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface ArticleSummary {
  id: string;
  title?: string;
  outlet?: string;
  section?: string;
  published?: string;
  url?: string;
  story?: string;
  duplicateOf?: string;
  chars: number;
}

export interface FacetCount {
  value: string;
  count: number;
  /** What to show when `value` is an id: a story facet's story label. */
  label?: string;
}

export interface SearchHit extends ArticleSummary {
  /** Text around the matches; matched terms between `[` and `]`. */
  snippet: string;
  /** bm25 rank (lower is better). */
  rank: number;
}

export interface SearchResult extends Page<SearchHit> {
  /** Facet counts: over every match, or over the best-ranked `facetsOver` when there are more. */
  facets: Record<'outlet' | 'section' | 'entity' | 'speaker' | 'technique' | 'story', FacetCount[]>;
  /** Present when the facets count only this many best-ranked matches (of `total`). */
  facetsOver?: number;
}

export interface CorpusStats {
  articles: number;
  outlets: number;
  stories: number;
  /** Named speakers (unnamed sources are in `topUnnamed`). */
  speakers: number;
  /** Articles per day (`YYYY-MM-DD` of `published`; days without articles left out). */
  perDay: FacetCount[];
  /** The "attention" curve: articles per day, week, month or year by the span of the dates, zeros included (see `bucketByTime`). */
  attention: TimeSeries;
  /** outlet → technique → spans. */
  techniquesByOutlet: Record<string, Record<string, number>>;
  /** outlet → articles ('' for articles without an outlet): divides `techniquesByOutlet` into rates comparable across outlets. */
  articlesByOutlet: Record<string, number>;
  topEntities: Array<FacetCount & { type?: string }>;
  /** Most quoted named speakers. */
  topSpeakers: FacetCount[];
  /**
   * Present when a filter selected more articles than this: top entities, top speakers and the
   * speaker count then come from the selection's this-many most recent articles.
   */
  sampledFrom?: number;
  /** Most quoted unnamed sources by label ("officials", "analysts"). */
  topUnnamed: FacetCount[];
}

export interface StorySummary {
  id: string;
  thread: string;
  label: string;
  size: number;
  outlets: string[];
  first?: string;
  last?: string;
  topEntities: string[];
  topSpeakers: string[];
}

/** Options of `listSpeakers`. */
export interface SpeakerListOptions extends ListOptions {
  query?: string;
  outlet?: string;
  /** true: only unnamed sources ("officials"); false: only named speakers; absent: both. */
  generic?: boolean;
}

export interface SpeakerSummary {
  id: string;
  /** The person's name, or an unnamed source's label ("officials", "spokesperson for the board"). */
  name: string;
  /**
   * True for an unnamed source: quotes credited to a description ("officials said", "a
   * spokesperson said"), counted under its label across the corpus but never merged with a named
   * person (each article's officials may be different people).
   */
  generic: boolean;
  quotes: number;
  articles: number;
  roles: string[];
  affiliations: string[];
  outlets: string[];
}

export interface SpeakerDetail extends SpeakerSummary {
  variants: string[];
  /**
   * Quotes over time, one point per `overTimeUnit` from the first quote to the last (zeros
   * included): days for a few weeks of quotes, weeks, months, or years for a long span (see
   * `bucketByTime`).
   */
  overTime: FacetCount[];
  overTimeUnit: TimeUnit;
  coQuoted: Array<FacetCount & { id: string }>;
  techniques: FacetCount[];
}

export type ExportKind = 'articles' | 'quotes' | 'entities' | 'techniques' | 'stories' | 'speakers';
export const EXPORT_KINDS: readonly ExportKind[] = ['articles', 'quotes', 'entities', 'techniques', 'stories', 'speakers'];
