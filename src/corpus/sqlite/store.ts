import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { SpinscopeError, type Article } from '../../model/index.js';
import { contentHash } from '../hash.js';
import { decodeLayer, type EncodedLayer } from '../layer-codec.js';
import { nameKey } from '../derive.js';
import { prepareArticle, decodeLayers, readJsonColumn, type PreparedArticle } from '../prepare.js';
import { madeFromUnnamedSources, migrate, SCHEMA_VERSION } from './schema.js';
import { filterSql, isUnfiltered, pageOf } from './filters.js';
import { searchBodyStart } from './search-text.js';
import { Aggregates } from './aggregates.js';
import { Linker } from './linking.js';
import { bucketByTime } from '../time-buckets.js';
import { ArticleRows, bindable, linkInputOf, markQuoteTexts, openSqliteRowWriter } from './rows.js';

export { markQuoteTexts } from './rows.js';
import type {
  ArticleFilter, ArticleSummary, CorpusStats, CorpusStore, ExportKind, FacetCount, LinkInput, ListOptions, Page, PutOptions, PutResult,
  RowWriter, RowWriterTarget, SearchResult, SpeakerDetail, SpeakerListOptions, SpeakerSummary, SplitWrites, StoredArticle, StorySummary,
} from '../store.js';

/**
 * Stored in `quotes.text` (schema 5) when the quote's text is exactly the article's text from
 * `start` to `end` (`markQuoteTexts`): a zero-length blob (column affinity keeps it a blob, so no
 * text, not even an empty one, is mistaken for it), read back with `QUOTE_TEXT`.
 */
export const QUOTE_TEXT_SAME = "X''";

/** A quote's text (`q`: quotes, `a`: its article), whether stored or `QUOTE_TEXT_SAME`. */
export const QUOTE_TEXT = `CASE WHEN typeof(q.text) = 'blob' THEN substr(a.text, q.start + 1, q."end" - q.start) ELSE q.text END`;

/** Connection settings. */
export const SQLITE = {
  /** How long a write waits for another process's lock before failing (ms). */
  busyTimeoutMs: 5000,
  /** Rows per facet and per "top" list. */
  facetSize: 10,
  /** Snippet length in tokens. */
  snippetTokens: 16,
  /**
   * Search facets count the best-ranked matches up to this many (all of them when there are
   * fewer; `SearchResult.facetsOver` says when not): counting a facet over every match of a
   * common word cost seconds on 50,000 articles and grows with the corpus. Totals stay exact.
   */
  facetMatches: 1000,
  /**
   * Statistics of a selection (a filter) larger than this take top entities, top speakers and the
   * speaker count from its most recent this-many articles (`CorpusStats.sampledFrom`); the whole
   * corpus uses the kept counts (aggregates.ts), and totals, days and techniques stay exact.
   */
  statsSample: 2000,
  /** A story's top entities and speakers come from its most recent articles, up to this many. */
  storySample: 100,
  /** Articles a story returns per call when no limit is given (`getStory`). */
  storyArticles: 50,
  /**
   * Prefix terms ("harb*") one search may hold: each expands over the index's vocabulary for the
   * count, the ranking and the facets, so 150 of them took ~11 s.
   */
  maxPrefixTerms: 10,
} as const;

export interface OpenOptions {
  /** Milliseconds to wait on a locked database (default `SQLITE.busyTimeoutMs`). */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

export { analysisKey } from '../prepare.js';
import { analysisKey } from '../prepare.js';

/** Turns SQLite's errors into ones a user can act on (locked database, full disk). */
export function translateError(err: unknown, path: string): unknown {
  const code = (err as { code?: string })?.code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new SpinscopeError('db-locked', `database ${path} is locked by another process; nothing already stored was lost — retry when it is free`);
  }
  if (code === 'SQLITE_FULL') return new SpinscopeError('disk-full', `disk full while writing ${path}; the last batch was rolled back and everything stored before it is kept`);
  if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT') {
    // A WAL database needs its -shm file beside it, even to be read.
    return new SpinscopeError('db-readonly', `database ${path} cannot be opened: its folder is read-only and SQLite must create ${basename(path)}-shm beside it (copy the database to a writable folder)`);
  }
  if (code.startsWith('SQLITE_READONLY')) return new SpinscopeError('db-readonly', `database ${path} is read-only`);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new SpinscopeError('db-invalid', `${path} is not a spinscope database (or is damaged)`);
  if (code === 'SQLITE_CANTOPEN') return new SpinscopeError('db-cantopen', `cannot open database ${path} (check that its folder exists and that you may write there)`);
  // better-sqlite3 checks the folder itself, with a TypeError that does not name the path.
  if (err instanceof TypeError && /directory does not exist/.test(err.message)) return new SpinscopeError('db-cantopen', `cannot open database ${path}: the folder ${dirname(path)} does not exist`);
  return err;
}

/**
 * Opens a row writer on a SQLite corpus (in an ingest worker thread; see `SplitWrites`).
 *
 * @example
 * const writer = openRowWriter(store.split!.target); const stored = writer.write(prepared);
 */
export function openRowWriter(target: RowWriterTarget): RowWriter {
  return openSqliteRowWriter(target, (err) => translateError(err, target.path));
}

/**
 * Opens (creating if needed) a SQLite corpus: WAL journal, foreign keys, schema migrated.
 *
 * @example
 * const store = openSqliteStore('corpus.db');
 */
export function openSqliteStore(path: string, options: OpenOptions = {}): SqliteStore {
  // Reading a corpus that is not there is a mistake in the path, not a request for an empty one.
  if (options.readonly && path !== ':memory:' && path !== '' && !existsSync(path)) {
    throw new SpinscopeError('db-missing', `no corpus database at ${path} (make one with: spinscope ingest <inputs> --db ${path})`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, timeout: options.busyTimeoutMs ?? SQLITE.busyTimeoutMs });
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (!options.readonly) migrate(db);
    // Read the schema now, so a damaged file or an unreadable WAL fails here, translated, not at the first query.
    else db.prepare('SELECT count(*) FROM sqlite_master').get();
    const store = new SqliteStore(db, path);
    // Articles stored and not yet in the kept counts (a corpus just upgraded to schema 6, a run
    // stopped before closing) are folded in now rather than at the first read; when another
    // process holds the write lock, the first read that needs them does it.
    if (!options.readonly) {
      try {
        store.refreshAggregates();
      } catch {
        // see above
      }
    }
    return store;
  } catch (err) {
    db?.close();
    throw translateError(err, path);
  }
}

/** The SQLite implementation of `CorpusStore` (see `store.ts` for the contract). */
export class SqliteStore implements CorpusStore {
  private linkerState: Linker | undefined;
  private readonly rows: ArticleRows | undefined;
  private readonly q: Record<string, Database.Statement>;
  readonly split: SplitWrites | undefined;
  /** Corpus-wide counts (schema 6; absent on an older store opened read-only). */
  private readonly aggs: Aggregates | undefined;
  /**
   * `articles` read through its (n, outlet, section, published) index, never its rows (schema 6;
   * plain `articles` on an older store opened read-only).
   */
  private readonly facetRows: string;

  /**
   * The linking state (persons, stories' in-memory index, document frequencies), loaded at the
   * first write: reading it costs a scan of every term and the open stories, which a server that
   * only reads, or a re-analysis, need not wait for.
   */
  private get linker(): Linker | undefined {
    if (this.db.readonly) return undefined;
    return (this.linkerState ??= new Linker(this.db));
  }

  constructor(readonly db: Database.Database, readonly path: string) {
    this.rows = db.readonly ? undefined : new ArticleRows(db);
    const has = (type: string, name: string) => db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get(type, name) !== undefined;
    this.aggs = has('table', 'agg_entities') ? new Aggregates(db) : undefined;
    if (db.readonly) deriveGenericColumn(db);
    this.facetRows = has('index', 'articles_facets') ? 'articles INDEXED BY articles_facets' : 'articles';
    this.split = db.readonly || path === ':memory:' || path === '' ? undefined : {
      target: { kind: 'sqlite', path, busyTimeoutMs: (db.pragma('busy_timeout', { simple: true }) as number) ?? SQLITE.busyTimeoutMs },
      link: async (items) => this.linkStored(items),
      unlinked: async () => this.unlinked(),
    };
    this.q = {
      byHash: db.prepare('SELECT n, id FROM articles WHERE id = ?'),
      setLinks: db.prepare('INSERT OR REPLACE INTO article_links(story, duplicate_of, article) VALUES (?, ?, ?)'),
      unpend: db.prepare('DELETE FROM pending_links WHERE article = ?'),
      pending: db.prepare('SELECT a.id FROM pending_links p JOIN articles a ON a.n = p.article ORDER BY p.article').pluck(),
      // Rows arrive packed as JSON arrays of tuples (see `PackedRows`), one statement per table.
      // Parameters: article, persons (a JSON array, one per row), rows.
      sources: db.prepare(`INSERT INTO sources(article, seq, name, role, affiliation, place, kind, quotes, person)
        SELECT ?, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, ? ->> key FROM json_each(?)`),
      // A quote marked by `markQuoteTexts` (its text is the article's between its offsets) is
      // stored as `QUOTE_TEXT_SAME` (read back with `QUOTE_TEXT`).
      quotes: db.prepare(`INSERT INTO quotes(article, seq, start, end, kind, speaker, person, text, techniques)
        SELECT ?, value->>0, value->>1, value->>2, value->>3, value->>4, ? ->> key,
          CASE WHEN value->>7 THEN ${QUOTE_TEXT_SAME} ELSE value->>5 END, value->>6 FROM json_each(?)`),
      articleText: db.prepare('SELECT text FROM articles WHERE n = ?').pluck(),
      getRow: db.prepare('SELECT * FROM articles WHERE id = ?'),
      getLayers: db.prepare('SELECT data FROM article_layers WHERE article = ?').pluck(),
      getLayersV1: db.prepare('SELECT name, spans FROM layers WHERE article = ? ORDER BY seq'),
      // Writes (a store opened read-only may be older than schema 8, and never writes). An
      // article's full-text entry is its row of the view `articles_search`: deleted with the values it was indexed
      // with (read before the row changes), added back from the row as it is after.
      ...(db.readonly ? {} : {
        update: db.prepare(`UPDATE articles SET title = @title, outlet = @outlet, section = @section, author = @author, published = @published, url = @url,
          meta = @meta, findings = @findings, notices = @notices, analysis = @analysis, analysis_key = @analysis_key, body_start = @body_start WHERE n = @n`),
        ftsDelete: db.prepare("INSERT INTO articles_fts(articles_fts, rowid, title, text) SELECT 'delete', n, title, text FROM articles_search WHERE n = ?"),
        ftsAdd: db.prepare('INSERT INTO articles_fts(rowid, title, text) SELECT n, title, text FROM articles_search WHERE n = ?'),
      }),
    };
  }

  /** Runs a write in a transaction; on failure, in-memory linking state is re-read and the error explained. */
  private write<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      this.linkerState?.reset();
      throw translateError(err, this.path);
    }
  }

  private read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw translateError(err, this.path);
    }
  }

  async settleStories(): Promise<void> {
    if (this.db.readonly) return;
    this.write(() => this.linker?.settle());
  }

  async putArticle(article: Article, options: PutOptions = {}): Promise<PutResult> {
    return (await this.putArticles([article], options))[0];
  }

  async putArticles(articles: readonly Article[], options: PutOptions = {}): Promise<PutResult[]> {
    return this.putPrepared(articles.map(prepareArticle), options);
  }

  async putPrepared(items: readonly PreparedArticle[], options: PutOptions = {}): Promise<PutResult[]> {
    if (this.db.readonly) throw new SpinscopeError('db-readonly', `database ${this.path} was opened read-only`);
    return this.write(() => {
      const results = items.map((a) => this.putOne(a, options));
      this.linkerState?.persist();
      return results;
    });
  }

  private putOne(p: PreparedArticle, options: PutOptions): PutResult {
    const { id } = p;
    const existing = this.rows!.existing(id);
    if (existing) return { id, created: false, story: existing.story ?? undefined, duplicateOf: existing.duplicate_of ?? undefined };
    const n = this.rows!.insert(p);
    if (options.skipLinking || !this.linker) {
      this.writePeople(n, p.rows);
      return { id, created: true };
    }
    return this.linkOne(n, id, linkInputOf(p), p.storyTerms);
  }

  /**
   * Links an article whose own rows are written: its sources and quotes (matched to persons),
   * near-duplicate, story (see `Linker`).
   */
  private linkOne(n: number, id: string, link: LinkInput, terms: Map<string, number>): PutResult {
    this.writePeople(n, link, true);
    const duplicateOf = link.fingerprint ? this.linker!.nearDuplicate(n, link.fingerprint) : undefined;
    const item = { id, title: link.title, published: link.published, text: link.hasText ? link.label : undefined };
    const story = this.linker!.assignStory(item, terms, link.label);
    this.q.setLinks.run(story, duplicateOf ?? null, n);
    return { id, created: true, story, duplicateOf };
  }

  /**
   * Sources and quotes of article `n`, each with its person (merged across articles). `marked`:
   * the quote rows are a `LinkInput`'s, already marked (`markQuoteTexts`) where the row writer
   * had the text.
   */
  private writePeople(n: number, rows: Pick<LinkInput, 'sources' | 'quotes' | 'people' | 'speakers'>, marked = false): void {
    const persons = this.linker?.linkPersons(rows) ?? { sources: [], quotes: [] };
    if (rows.sources !== '[]') this.q.sources.run(n, JSON.stringify(persons.sources), rows.sources);
    if (rows.quotes !== '[]') this.writeQuotes(n, persons.quotes, rows.quotes, marked);
  }

  /** Quote rows (packed, see `PackedRows`) of article `n`, stored, with their persons. */
  private writeQuotes(n: number, persons: (string | null)[], quotes: string, marked: boolean): void {
    const text = marked ? undefined : (this.q.articleText.get(n) as string | undefined);
    this.q.quotes.run(n, JSON.stringify(persons), text === undefined ? quotes : markQuoteTexts(text, quotes));
  }

  /** `SplitWrites.link`: links articles written by row writers, in order, in one transaction. */
  private linkStored(items: readonly StoredArticle[]): PutResult[] {
    if (!this.linker) throw new SpinscopeError('db-readonly', `database ${this.path} was opened read-only`);
    return this.write(() => {
      const results = items.map((s) => {
        this.q.unpend.run(s.ref);
        return this.linkOne(s.ref, s.id, s.link, new Map(s.link.storyTerms));
      });
      this.linker!.persist();
      return results;
    });
  }

  /**
   * `SplitWrites.unlinked`: the articles a run wrote and did not link before it stopped, with what
   * linking needs derived again from the stored article (equal to what the run had: the article
   * reads back exactly as it was put).
   */
  private async unlinked(): Promise<StoredArticle[]> {
    const out: StoredArticle[] = [];
    for (const id of this.read(() => this.q.pending.all() as string[])) {
      const article = (await this.getArticle(id))!;
      const ref = (this.q.byHash.get(id) as { n?: number } | undefined)?.n;
      out.push({ id, created: true, ref: ref!, link: linkInputOf(prepareArticle(article)) });
    }
    return out;
  }

  async hasHashes(hashes: readonly string[]): Promise<Set<string>> {
    return this.read(() => new Set(hashes.filter((h) => this.q.byHash.get(h))));
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return this.read(() => {
      const row = this.q.getRow.get(id) as any;
      if (!row) return undefined;
      const blob = this.q.getLayers.get(row.n) as Buffer | undefined;
      let layers: Article['layers'] = {};
      if (blob) layers = decodeLayers(blob);
      else {
        // Stored under schema version 1: a row per layer, JSON text or deflated JSON bytes.
        for (const l of this.q.getLayersV1.all(row.n) as { name: string; spans: string | Buffer }[]) layers[l.name] = decodeLayer(readJsonColumn(l.spans) as EncodedLayer);
      }
      return { id: row.id, text: row.text, meta: JSON.parse(row.meta), layers, findings: readJsonColumn(row.findings) as Article['findings'], notices: JSON.parse(row.notices), analysis: JSON.parse(row.analysis) };
    });
  }

  async replaceArticle(id: string, article: Article): Promise<void> {
    if (contentHash(article.text) !== id) throw new SpinscopeError('bad-replace', `article ${id}: the replacement has a different text`);
    this.write(() => {
      const row = this.q.getRow.get(id) as any;
      if (!row) throw new SpinscopeError('not-found', `no article ${id}`);
      this.aggs?.adjust(row.n, -1);
      for (const t of ['layers', 'article_layers', 'entities', 'sources', 'quotes', 'techniques']) this.db.prepare(`DELETE FROM ${t} WHERE article = ?`).run(row.n);
      this.q.ftsDelete.run(row.n);
      const p = prepareArticle(article);
      this.q.update.run({ n: row.n, ...p.columns, findings: bindable(p.columns.findings), body_start: searchBodyStart(article.text) });
      this.q.ftsAdd.run(row.n);
      this.rows!.writeOwn(row.n, p);
      this.writePeople(row.n, p.rows);
      this.aggs?.adjust(row.n, 1);
    });
  }

  async staleArticles(current: Record<string, string>): Promise<string[]> {
    return this.read(() => (this.db.prepare('SELECT id FROM articles WHERE analysis_key != ? ORDER BY n').pluck().all(analysisKey(current)) as string[]));
  }

  private summaries(where: string, params: unknown[], order: string, page: { limit: number; offset: number }, extra = '', from = 'articles a'): any[] {
    return this.db.prepare(`SELECT a.id, a.title, a.outlet, a.section, a.published, a.url, l.story, l.duplicate_of, length(a.text) chars${extra} FROM ${from} LEFT JOIN article_links l ON l.article = a.n WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset);
  }

  /**
   * True when the corpus-wide counts (`agg_*`) count every article: folded in first on a writable
   * connection; on a read-only one that finds them behind, false (callers compute from the rows).
   */
  private aggregatesReady(): boolean {
    if (!this.aggs) return false;
    if (this.aggs.fresh()) return true;
    if (this.db.readonly) return false;
    try {
      this.write(() => this.aggs!.refresh());
      return true;
    } catch {
      // Another process is writing (locked): count from the rows this time rather than fail a read.
      return false;
    }
  }

  /** Folds stored articles into the corpus-wide counts (see aggregates.ts); a writable store does it when opened and closed. */
  refreshAggregates(): number {
    return this.aggs && !this.db.readonly ? this.write(() => this.aggs!.refresh()) : 0;
  }

  async listArticles(filter: ArticleFilter = {}): Promise<Page<ArticleSummary>> {
    return this.read(() => {
      const { where, params } = filterSql(filter);
      // Counted from the indexes: without an outlet, section or date to look up, over the
      // (n, outlet, section, published) one (counting `articles` rows read each ~5 KB row).
      const columns = !!(filter.outlet || filter.section || filter.from || filter.to);
      const counted = columns ? 'articles a' : this.facetRows.replace('articles', 'articles a');
      const total = (this.db.prepare(`SELECT count(*) c FROM ${counted} WHERE ${where}`).get(...params) as { c: number }).c;
      // The page: articles walked in date order (index), each tested against the filter's sets
      // (`+a.n`: not looked up from them, which would sort every match by date).
      const ordered = filterSql(filter, '+a.n');
      const items = this.summaries(ordered.where, ordered.params, 'a.published DESC, a.n DESC', pageOf(filter)).map(toSummary);
      return { total, items };
    });
  }

  /**
   * Entities most mentioned among a set of articles (`IN (…)` text and its parameters): counted per
   * key from the covering index, then named (the longest-sorting spelling, as before) only for
   * the keys that can make the list.
   */
  private topEntities(inArticles: string, params: unknown[], withType: boolean): Array<FacetCount & { type?: string }> {
    const counts = this.db.prepare(`SELECT key, count(DISTINCT article) c FROM entities WHERE article IN ${inArticles} GROUP BY key ORDER BY c DESC`).raw().all(...params) as [string, number][];
    // `+key`: the names are read through the articles' index (a common key's own index entries
    // are every article mentioning it: 69,000 for the most common one at 100,000 articles).
    return this.nameTop(counts, (keys) => this.db.prepare(`SELECT key, max(name) name, max(type) type FROM entities WHERE +key IN (SELECT value FROM json_each(?)) AND article IN ${inArticles} GROUP BY key`).all(JSON.stringify(keys), ...params) as any[], withType);
  }

  /** The top `facetSize` of counts sorted by count, ties by name (names looked up for the candidates only). */
  private nameTop(counts: [string, number][], names: (keys: string[]) => Array<{ key: string; name: string; type?: string | null }>, withType: boolean): Array<FacetCount & { type?: string }> {
    if (!counts.length) return [];
    const floor = counts[Math.min(SQLITE.facetSize, counts.length) - 1][1];
    const candidates = counts.filter(([, c]) => c >= floor);
    const named = new Map(names(candidates.map(([k]) => k)).map((r) => [r.key, r]));
    return candidates
      .map(([key, count]) => {
        const r = named.get(key);
        const out: FacetCount & { type?: string } = { value: r?.name ?? key, count };
        if (withType) (out as any).type = r?.type ?? null;
        return out;
      })
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, SQLITE.facetSize);
  }

  /** Speakers (persons of sources) among a set of articles, by the articles quoting them. */
  private speakerFacet(inArticles: string, params: unknown[]): FacetCount[] {
    return this.db.prepare(`SELECT p.name value, x.c count FROM (SELECT person, count(DISTINCT article) c FROM sources WHERE article IN ${inArticles} AND person IS NOT NULL GROUP BY person) x
      JOIN persons p ON p.id = x.person WHERE p.generic = 0 ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all(...params) as FacetCount[];
  }

  async search(query: string, filter: ArticleFilter = {}): Promise<SearchResult> {
    if (!query.trim()) throw new SpinscopeError('bad-query', 'give some words to search for');
    const prefixes = countPrefixTerms(query);
    if (prefixes > SQLITE.maxPrefixTerms) throw new SpinscopeError('bad-query', `the search has ${prefixes} prefix terms (word*); at most ${SQLITE.maxPrefixTerms} are allowed, as each one expands over the whole vocabulary`);
    return this.read(() => {
      // Matches are found, counted and ranked in the full-text index with the filter as sets of
      // article numbers (never reading an article row); rows, snippets and ranks are read for the
      // page only, and facets are counted over the best-ranked `facetMatches` (see SQLITE).
      // `+f.rowid`: the sets are tested on each match; a rowid constraint handed to the full-text
      // index would run the whole query once per article of the set.
      const { where, params } = filterSql(filter, '+f.rowid', false);
      const w = `articles_fts MATCH ? AND ${where}`;
      const p = [query, ...params];
      try {
        const total = (this.db.prepare(`SELECT count(*) c FROM articles_fts f WHERE ${w}`).get(...p) as { c: number }).c;
        const page = pageOf(filter);
        const ranked = (limit: number, offset: number) => this.db.prepare(`SELECT f.rowid FROM articles_fts f WHERE ${w} ORDER BY rank LIMIT ? OFFSET ?`).pluck().all(...p, limit, offset) as number[];
        // Ranked once for the page and the facets' best matches (ranking every match costs ~50 ms
        // CPU for 37,000 of 100,000 articles; it was done twice).
        const best = total === 0 ? [] : ranked(Math.max(SQLITE.facetMatches, page.offset + page.limit), 0);
        const pageIds = page.limit > 0 ? best.slice(page.offset, page.offset + page.limit) : [];
        // Snippets one row at a time (rowid handed to the full-text index): made in the page query,
        // a snippet of a prefix search ("a*") cost a scan of the index per row (seconds per row with
        // an article of 50,000 matching words; the API fuzz's 150 prefixes never answered).
        const snippet = this.db.prepare(`SELECT snippet(articles_fts, 1, '[', ']', '…', ${SQLITE.snippetTokens}) s FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`).pluck();
        const items = pageIds.length === 0 ? [] : this.summaries(`articles_fts MATCH ? AND +f.rowid IN (SELECT value FROM json_each(?))`, [query, JSON.stringify(pageIds)], 'rank', { limit: pageIds.length, offset: 0 },
          ', bm25(articles_fts) rank, a.n row', 'articles_fts f JOIN articles a ON a.n = f.rowid')
          .map((r) => ({ ...toSummary(r), snippet: (snippet.get(query, r.row) as string | undefined) ?? '', rank: r.rank as number }));
        const sample = total > SQLITE.facetMatches;
        const ids = JSON.stringify(best.slice(0, SQLITE.facetMatches));
        const m = '(SELECT value FROM json_each(?))';
        const facet = (sql: string) => (this.db.prepare(`${sql} ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all(ids) as FacetCount[])
          .map((f) => (f.label === null ? { value: f.value, count: f.count } : f));
        const facets = {
          outlet: facet(`SELECT f.outlet value, count(*) count FROM ${this.facetRows.replace('articles', 'articles f')} WHERE f.n IN ${m} AND f.outlet IS NOT NULL GROUP BY f.outlet`),
          section: facet(`SELECT f.section value, count(*) count FROM ${this.facetRows.replace('articles', 'articles f')} WHERE f.n IN ${m} AND f.section IS NOT NULL GROUP BY f.section`),
          story: facet(`SELECT l.story value, max(s.label) label, count(*) count FROM article_links l LEFT JOIN stories s ON s.id = l.story WHERE l.article IN ${m} AND l.story IS NOT NULL GROUP BY l.story`),
          technique: facet(`SELECT technique value, count(DISTINCT article) count FROM techniques WHERE article IN ${m} GROUP BY technique`),
          entity: this.topEntities(m, [ids], false),
          speaker: this.speakerFacet(m, [ids]),
        };
        return { total, items, facets, ...(sample ? { facetsOver: SQLITE.facetMatches } : {}) };
      } catch (err) {
        // The MATCH expression is the only user text in these statements, so an SQL error is its fault.
        if ((err as { code?: string }).code === 'SQLITE_ERROR') {
          const why = (err as Error).message.replace(/^fts5: /, '');
          throw new SpinscopeError('bad-query', `cannot read the search "${query}": ${why} (quote phrases in pairs; AND, OR and NOT go between words)`);
        }
        throw err;
      }
    });
  }

  /**
   * The articles a filter selects, with their outlet and date, into `temp.selection` (this
   * connection's; refilled by each call): read from the indexes alone (a count over `articles`
   * rows read a ~5 KB row per article: 10 s for 95,000 of 100,000), so that statistics read the
   * selection once, not once per figure. Joins start from it (`CROSS JOIN`): the planner, with no
   * statistics for a temporary table, scanned all of `techniques` instead. Returns its size.
   */
  private select(filter: ArticleFilter): number {
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS selection(n INTEGER PRIMARY KEY, outlet TEXT, published TEXT); DELETE FROM temp.selection;');
    // Every clause a set of article numbers (outlet, section and dates looked up in their own
    // indexes), then each article's outlet and date from the (n, …) index.
    const { where, params } = filterSql(filter, 'f.n', false);
    return this.db.prepare(`INSERT INTO temp.selection SELECT f.n, f.outlet, f.published FROM ${this.facetRows.replace('articles', 'articles f')} WHERE ${where}`).run(...params).changes;
  }

  async stats(filter: ArticleFilter = {}): Promise<CorpusStats> {
    return this.read(() => (isUnfiltered(filter) ? this.corpusStats() : this.selectionStats(filter)));
  }

  /** Statistics of the whole corpus, from the kept counts when they are up to date (aggregates.ts). */
  private corpusStats(): CorpusStats {
    const facets = this.facetRows.replace('articles', 'articles f');
    const one = (sql: string) => (this.db.prepare(sql).pluck().get() as number);
    const useAggs = this.aggregatesReady();
    if (!useAggs) return this.selectionStats({});
    const techniquesByOutlet: Record<string, Record<string, number>> = {};
    for (const r of this.db.prepare('SELECT outlet, technique, spans c FROM agg_techniques WHERE spans != 0 ORDER BY 1, 2').all() as any[]) (techniquesByOutlet[r.outlet] ??= {})[r.technique] = r.c;
    const { articles, outlets, articlesByOutlet, perDay } = this.outletDays(`SELECT f.outlet, substr(f.published, 1, 10) day, count(*) c FROM ${facets} GROUP BY 1, 2`, []);
    const topQuoted = (generic: 0 | 1) => this.db.prepare(`SELECT p.name value, g.quote_rows count FROM agg_persons g JOIN persons p ON p.id = g.person WHERE g.quote_rows > 0 AND p.generic = ${generic} ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all() as FacetCount[];
    return {
      articles,
      outlets,
      stories: one('SELECT count(DISTINCT story) FROM article_links'),
      speakers: one('SELECT count(*) FROM agg_persons g JOIN persons p ON p.id = g.person WHERE g.articles > 0 AND p.generic = 0'),
      perDay,
      attention: bucketByTime(perDay),
      techniquesByOutlet,
      articlesByOutlet,
      topEntities: this.db.prepare(`SELECT name value, nullif(type, '') type, articles count FROM agg_entities WHERE articles > 0 ORDER BY articles DESC, name LIMIT ${SQLITE.facetSize}`).all() as any[],
      topSpeakers: topQuoted(0),
      topUnnamed: topQuoted(1),
    };
  }

  /**
   * Articles, outlets, articles per outlet and per day from one statement giving (outlet, day,
   * count) rows: one pass over the selection instead of one per figure.
   */
  private outletDays(sql: string, params: unknown[]): Pick<CorpusStats, 'articles' | 'outlets' | 'articlesByOutlet' | 'perDay'> {
    let articles = 0;
    const outlets = new Set<string>();
    const articlesByOutlet: Record<string, number> = {};
    const days = new Map<string, number>();
    for (const [outlet, day, c] of this.db.prepare(sql).raw().all(...params) as Array<[string | null, string | null, number]>) {
      articles += c;
      if (outlet !== null) outlets.add(outlet);
      articlesByOutlet[outlet ?? ''] = (articlesByOutlet[outlet ?? ''] ?? 0) + c;
      if (day !== null) days.set(day, (days.get(day) ?? 0) + c);
    }
    // Days in SQLite's text order (byte order, as GROUP BY … ORDER BY gave them).
    const perDay = [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, count]) => ({ value, count }));
    return { articles, outlets: outlets.size, articlesByOutlet, perDay };
  }

  /**
   * Technique spans per outlet in the selection. From the kept counts when they are up to date
   * and the filter is an outlet alone; for a selection of most of the corpus (a technique most
   * articles use), the kept counts less those of the articles left out (grouping 760,000 rows of
   * 95,000 articles cost ~0.8 s of CPU); else counted over the selection.
   */
  private selectionTechniques(filter: ArticleFilter, size: number): Record<string, Record<string, number>> {
    const byOutlet: Record<string, Record<string, number>> = {};
    const add = (rows: any[], sign: 1 | -1) => {
      for (const r of rows) {
        const counts = (byOutlet[r.outlet] ??= {});
        counts[r.technique] = (counts[r.technique] ?? 0) + sign * r.c;
      }
    };
    const outletOnly = !!filter.outlet && isUnfiltered({ ...filter, outlet: undefined });
    if (outletOnly && this.aggregatesReady()) {
      add(this.db.prepare('SELECT outlet, technique, spans c FROM agg_techniques WHERE spans != 0 AND outlet = ? ORDER BY 1, 2').all(filter.outlet), 1);
      return byOutlet;
    }
    const facets = this.facetRows.replace('articles', 'articles f');
    // Articles are numbered from 1 and never deleted: the last number is the corpus size (cheaper than a count).
    const most = size > ((this.db.prepare('SELECT max(n) FROM articles').pluck().get() as number | null) ?? 0) / 2;
    if (!most || !this.aggregatesReady()) {
      add(this.db.prepare("SELECT coalesce(s.outlet, '') outlet, t.technique, sum(t.count) c FROM temp.selection s CROSS JOIN techniques t ON t.article = s.n GROUP BY 1, 2").all(), 1);
      return byOutlet;
    }
    add(this.db.prepare('SELECT outlet, technique, spans c FROM agg_techniques WHERE spans != 0 ORDER BY 1, 2').all(), 1);
    add(this.db.prepare(`SELECT coalesce(f.outlet, '') outlet, t.technique, sum(t.count) c FROM ${facets} CROSS JOIN techniques t ON t.article = f.n
      WHERE f.n NOT IN (SELECT n FROM temp.selection) GROUP BY 1, 2`).all(), -1);
    for (const [outlet, counts] of Object.entries(byOutlet)) {
      for (const [technique, c] of Object.entries(counts)) if (c === 0) delete counts[technique];
      if (!Object.keys(counts).length) delete byOutlet[outlet];
    }
    return byOutlet;
  }

  /**
   * Statistics of a selection (`select`). Top entities, top speakers and the speaker count of a
   * selection larger than `statsSample` come from its most recent `statsSample` articles; totals,
   * days, outlets, stories and techniques count every article.
   */
  private selectionStats(filter: ArticleFilter): CorpusStats {
    const facets = this.facetRows.replace('articles', 'articles f');
    const one = (sql: string, ...p: unknown[]) => (this.db.prepare(sql).pluck().get(...p) as number);
    const size = this.select(filter);
    const sampled = size > SQLITE.statsSample;
    if (sampled) {
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS sample(n INTEGER PRIMARY KEY); DELETE FROM temp.sample;');
      // The date index walked from the latest, each article tested against the selection (`+a.n`),
      // until enough are found: no sort of the whole selection.
      this.db.prepare(`INSERT INTO temp.sample SELECT a.n FROM articles a INDEXED BY articles_published WHERE +a.n IN (SELECT n FROM temp.selection)
        ORDER BY a.published DESC, a.n DESC LIMIT ${SQLITE.statsSample}`).run();
    }
    const some = sampled ? '(SELECT n FROM temp.sample)' : '(SELECT n FROM temp.selection)';
    const techniquesByOutlet = this.selectionTechniques(filter, size);
    const { articles, outlets, articlesByOutlet, perDay } = this.outletDays('SELECT outlet, substr(published, 1, 10) day, count(*) c FROM temp.selection GROUP BY 1, 2', []);
    // Speakers of the whole corpus (kept counts behind, on a read-only connection) are all counted.
    const of = isUnfiltered(filter) ? 'person IS NOT NULL' : `article IN ${some}`;
    const persons = `(SELECT person FROM sources WHERE ${of} UNION SELECT person FROM quotes WHERE ${of})`;
    // Most quoted persons, named (generic 0) or unnamed sources by label (generic 1).
    const topQuoted = (generic: 0 | 1) => this.db.prepare(`SELECT p.name value, x.c count FROM (SELECT person, count(*) c FROM quotes WHERE article IN ${some} AND person IS NOT NULL GROUP BY person) x JOIN persons p ON p.id = x.person
      WHERE p.generic = ${generic} ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all() as FacetCount[];
    return {
      articles,
      outlets,
      stories: one('SELECT count(DISTINCT l.story) FROM temp.selection s CROSS JOIN article_links l ON l.article = s.n'),
      speakers: one(`SELECT count(*) FROM ${persons} x JOIN persons p ON p.id = x.person WHERE p.generic = 0`),
      perDay,
      attention: bucketByTime(perDay),
      techniquesByOutlet,
      articlesByOutlet,
      topEntities: this.topEntities(some, [], true),
      topSpeakers: topQuoted(0),
      topUnnamed: topQuoted(1),
      ...(sampled ? { sampledFrom: SQLITE.statsSample } : {}),
    };
  }

  /** A story's outlets (all of them), and top entities and speakers of its `storySample` most recent articles. */
  private storySummary(r: any): StorySummary {
    const facets = this.facetRows.replace('articles', 'articles f');
    const recent = JSON.stringify(this.db.prepare(`SELECT l.article FROM article_links l JOIN ${facets} ON f.n = l.article WHERE l.story = ? ORDER BY f.published DESC, f.n DESC LIMIT ${SQLITE.storySample}`).pluck().all(r.id));
    const m = '(SELECT value FROM json_each(?))';
    return {
      id: r.id, thread: r.thread, label: r.label, size: r.size, first: r.first ?? undefined, last: r.last ?? undefined,
      outlets: this.db.prepare(`SELECT DISTINCT f.outlet FROM article_links l JOIN ${facets} ON f.n = l.article WHERE l.story = ? AND f.outlet IS NOT NULL ORDER BY 1`).pluck().all(r.id) as string[],
      topEntities: this.db.prepare(`SELECT max(e.name) FROM entities e WHERE e.article IN ${m} GROUP BY e.key ORDER BY count(*) DESC, max(e.name) LIMIT 5`).pluck().all(recent) as string[],
      topSpeakers: this.db.prepare(`SELECT p.name FROM (SELECT person, count(*) c FROM quotes WHERE article IN ${m} AND person IS NOT NULL GROUP BY person) x JOIN persons p ON p.id = x.person WHERE p.generic = 0 ORDER BY x.c DESC, p.name LIMIT 5`).pluck().all(recent) as string[],
    };
  }

  async listStories(options: ListOptions & { thread?: string; outlet?: string } = {}): Promise<Page<StorySummary>> {
    return this.read(() => {
      const clauses = ['1'];
      const params: unknown[] = [];
      if (options.thread) clauses.push('s.thread = ?'), params.push(options.thread);
      if (options.outlet) clauses.push('s.id IN (SELECT l.story FROM article_links l WHERE l.article IN (SELECT n FROM articles WHERE outlet = ?))'), params.push(options.outlet);
      const where = clauses.join(' AND ');
      const page = pageOf(options);
      const total = (this.db.prepare(`SELECT count(*) c FROM stories s WHERE ${where}`).get(...params) as { c: number }).c;
      const rows = this.db.prepare(`SELECT s.id, s.thread, s.label, s.size, s.first, s.last FROM stories s WHERE ${where} ORDER BY size DESC, last DESC, id LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset);
      return { total, items: rows.map((r) => this.storySummary(r)) };
    });
  }

  async getStory(id: string, options: ListOptions = {}) {
    return this.read(() => {
      const row = this.db.prepare('SELECT id, thread, label, size, first, last FROM stories WHERE id = ?').get(id);
      if (!row) return undefined;
      const page = pageOf({ limit: options.limit ?? SQLITE.storyArticles, offset: options.offset });
      // The page's articles in date order, chosen from the index; then their rows.
      const ids = this.db.prepare(`SELECT l.article FROM article_links l JOIN ${this.facetRows.replace('articles', 'articles f')} ON f.n = l.article WHERE l.story = ? ORDER BY f.published, f.n LIMIT ? OFFSET ?`).pluck().all(id, page.limit, page.offset) as number[];
      const articles = ids.length ? this.summaries('a.n IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)], 'a.published, a.n', { limit: ids.length, offset: 0 }).map(toSummary) : [];
      return { ...this.storySummary(row), articles, offset: page.offset };
    });
  }

  private speakerSummary(r: any): SpeakerSummary {
    const outlets = this.aggregatesReady()
      ? this.db.prepare('SELECT outlet FROM agg_person_outlets WHERE person = ? AND articles > 0 ORDER BY 1').pluck().all(r.id)
      : this.db.prepare(`SELECT DISTINCT f.outlet FROM ${this.facetRows.replace('articles', 'articles f')} WHERE f.outlet IS NOT NULL AND f.n IN (SELECT article FROM sources WHERE person = ? UNION SELECT article FROM quotes WHERE person = ?) ORDER BY 1`).pluck().all(r.id, r.id);
    return {
      id: r.id, name: r.name, generic: r.generic === 1, quotes: r.quotes, articles: r.articles, roles: JSON.parse(r.roles), affiliations: JSON.parse(r.affiliations),
      outlets: outlets as string[],
    };
  }

  /** Persons with quote and article counts (a quote counts once, from the quotes layer or the source's counts). */
  private static readonly SPEAKERS = `SELECT p.*, max((SELECT count(*) FROM quotes q WHERE q.person = p.id), (SELECT coalesce(sum(s.quotes), 0) FROM sources s WHERE s.person = p.id)) quotes,
    (SELECT count(*) FROM (SELECT article FROM sources WHERE person = p.id UNION SELECT article FROM quotes WHERE person = p.id)) articles FROM persons p`;
  /** The same from the corpus-wide counts (see aggregates.ts). */
  private static readonly SPEAKERS_AGG = `SELECT p.*, coalesce(max(g.quote_rows, g.source_quotes), 0) quotes, coalesce(g.articles, 0) articles FROM persons p LEFT JOIN agg_persons g ON g.person = p.id`;

  private speakersSql(): string {
    return this.aggregatesReady() ? SqliteStore.SPEAKERS_AGG : SqliteStore.SPEAKERS;
  }

  async listSpeakers(options: SpeakerListOptions = {}): Promise<Page<SpeakerSummary>> {
    return this.read(() => {
      const clauses = ['1'];
      const params: unknown[] = [];
      const agg = this.aggregatesReady();
      if (options.generic !== undefined) clauses.push(`p.generic = ${options.generic ? 1 : 0}`);
      if (options.query) clauses.push("p.key LIKE ? ESCAPE '\\'"), params.push(`%${nameKey(options.query).replace(/[%_\\]/g, '\\$&')}%`);
      if (options.outlet && agg) clauses.push('p.id IN (SELECT person FROM agg_person_outlets WHERE outlet = ? AND articles > 0)'), params.push(options.outlet);
      else if (options.outlet) clauses.push('p.id IN (SELECT s.person FROM sources s WHERE s.article IN (SELECT n FROM articles WHERE outlet = ?) UNION SELECT q.person FROM quotes q WHERE q.article IN (SELECT n FROM articles WHERE outlet = ?))'), params.push(options.outlet, options.outlet);
      const where = clauses.join(' AND ');
      const page = pageOf(options);
      const total = (this.db.prepare(`SELECT count(*) c FROM persons p WHERE ${where}`).get(...params) as { c: number }).c;
      const rows = this.db.prepare(`${this.speakersSql()} WHERE ${where} ORDER BY quotes DESC, articles DESC, p.name LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset);
      return { total, items: rows.map((r) => this.speakerSummary(r)) };
    });
  }

  async getSpeaker(id: string): Promise<SpeakerDetail | undefined> {
    return this.read(() => {
      const row = this.db.prepare(`${this.speakersSql()} WHERE p.id = ?`).get(id) as any;
      if (!row) return undefined;
      const arts = 'SELECT article FROM sources WHERE person = ? UNION SELECT article FROM quotes WHERE person = ?';
      const techniques = new Map<string, number>();
      for (const t of this.db.prepare('SELECT techniques FROM quotes WHERE person = ?').pluck().all(id) as string[]) {
        for (const name of JSON.parse(t) as string[]) techniques.set(name, (techniques.get(name) ?? 0) + 1);
      }
      return {
        ...this.speakerSummary(row),
        variants: JSON.parse(row.variants),
        ...overTime(this.db.prepare(`SELECT substr(f.published, 1, 10) value, count(*) count FROM quotes q JOIN ${this.facetRows.replace('articles', 'articles f')} ON f.n = q.article WHERE q.person = ? AND f.published IS NOT NULL GROUP BY 1 ORDER BY 1`).all(id) as FacetCount[]),
        coQuoted: this.db.prepare(`SELECT p.id, p.name value, x.c count FROM (SELECT person, count(DISTINCT article) c FROM (SELECT article, person FROM sources WHERE article IN (${arts}) UNION SELECT article, person FROM quotes WHERE article IN (${arts}))
          WHERE person IS NOT NULL AND person != ? GROUP BY person) x JOIN persons p ON p.id = x.person WHERE p.generic = 0 ORDER BY count DESC, p.name LIMIT ${SQLITE.facetSize}`).all(id, id, id, id, id) as any[],
        techniques: [...techniques].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      };
    });
  }

  async *exportRecords(kind: ExportKind): AsyncIterable<Record<string, unknown>> {
    const speakers = this.aggregatesReady() ? SqliteStore.SPEAKERS_AGG : SqliteStore.SPEAKERS;
    const sql: Record<ExportKind, string> = {
      articles: 'SELECT a.id, a.title, a.outlet, a.section, a.author, a.published, a.url, l.story, s.thread, l.duplicate_of, a.analysis, a.text FROM articles a LEFT JOIN article_links l ON l.article = a.n LEFT JOIN stories s ON s.id = l.story ORDER BY a.n',
      // The rows quoteRecords gives, by a quicker path.
      quotes: `SELECT a.id article, q.seq, q.start, q."end", q.kind, q.speaker, q.person, p.name person_name, p.generic person_unnamed, q.techniques, ${QUOTE_TEXT} text FROM quotes q JOIN articles a ON a.n = q.article LEFT JOIN persons p ON p.id = q.person ORDER BY q.article, q.seq`,
      entities: 'SELECT a.id article, e.name, e.type, e.mentions FROM entities e JOIN articles a ON a.n = e.article ORDER BY e.article, e.rowid',
      techniques: `SELECT a.id article, f.outlet, t.technique, t.count FROM techniques t JOIN articles a ON a.n = t.article JOIN ${this.facetRows.replace('articles', 'articles f')} ON f.n = t.article ORDER BY t.article, t.technique`,
      stories: 'SELECT id, thread, label, size, first, last FROM stories ORDER BY CAST(substr(id, 2) AS INTEGER)',
      speakers: `SELECT id, name, generic, roles, affiliations, variants, quotes, articles FROM (${speakers}) ORDER BY CAST(substr(id, 2) AS INTEGER)`,
    };
    // A separate read-only connection streams without holding up writers (WAL readers see a snapshot).
    const reader = this.path === ':memory:' ? this.db : deriveGenericColumn(new Database(this.path, { readonly: true, timeout: SQLITE.busyTimeoutMs }));
    try {
      if (kind === 'quotes') yield* quoteRecords(reader);
      else for (const row of reader.prepare(sql[kind]).iterate() as Iterable<Record<string, unknown>>) yield row;
    } finally {
      if (reader !== this.db) reader.close();
    }
  }

  async info() {
    return this.read(() => ({ schemaVersion: SCHEMA_VERSION, path: this.path, articles: (this.db.prepare('SELECT count(*) c FROM articles').get() as { c: number }).c }));
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // What this connection stored is folded into the corpus-wide counts now, so the next reader
    // (read-only, it cannot fold) finds them whole. A failure here loses nothing: they are folded
    // in by the next writer, and readers compute from the rows meanwhile.
    try {
      this.refreshAggregates();
    } catch {
      // see above
    }
    this.db.close();
  }
}

/**
 * The quotes export: the rows `QUOTE_TEXT` gives (same columns, same order), with a text stored
 * as `QUOTE_TEXT_SAME` cut here from its article's text, read once per article: in SQL, `substr`
 * read the article's whole text again for every quote (at 100,000 articles and 1.5 million
 * quotes, 1.67 s of CPU per 150,000 rows against 1.07 s).
 */
function* quoteRecords(db: Database.Database): Generator<Record<string, unknown>> {
  const textOf = db.prepare('SELECT text FROM articles WHERE n = ?').pluck();
  let n = -1;
  let text = '';
  const rows = db.prepare(`SELECT q.article n, a.id article, q.seq, q.start, q."end", q.kind, q.speaker, q.person, p.name person_name, p.generic person_unnamed, q.techniques,
    typeof(q.text) = 'blob' same, CASE WHEN typeof(q.text) = 'blob' THEN NULL ELSE q.text END text
    FROM quotes q JOIN articles a ON a.n = q.article LEFT JOIN persons p ON p.id = q.person ORDER BY q.article, q.seq`);
  for (const r of rows.iterate() as Iterable<Record<string, any>>) {
    if (r.same) {
      if (r.n !== n) text = textOf.get((n = r.n)) as string;
      // `markQuoteTexts` marks a quote only when its text's SQL and JavaScript offsets agree.
      r.text = text.slice(r.start, r.end);
    }
    delete r.n;
    delete r.same;
    yield r;
  }
}

/** Prefix terms (a word ending in `*`) of a full-text query, outside quoted phrases. */
export function countPrefixTerms(query: string): number {
  return query.replace(/"[^"]*"/g, ' ').match(/[^\s*"()]\*/g)?.length ?? 0;
}

/**
 * A store older than schema 7 read without migrating (a read-only connection) has no
 * `persons.generic`: a temporary view of the same name, which SQLite searches before the file's
 * own tables, derives it as migration 7 does, so every query reads the same columns.
 */
function deriveGenericColumn(db: Database.Database): Database.Database {
  const persons = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'persons'").get();
  if (persons && !db.prepare("SELECT 1 FROM pragma_table_info('persons') WHERE name = 'generic'").get()) {
    db.exec(`CREATE TEMP VIEW IF NOT EXISTS persons AS SELECT p.*, (${madeFromUnnamedSources('p.id', 'main.sources')}) generic FROM main.persons p`);
  }
  return db;
}

/** Quotes per day as the speaker's `overTime` at a width that suits their span. */
function overTime(days: FacetCount[]): Pick<SpeakerDetail, 'overTime' | 'overTimeUnit'> {
  const series = bucketByTime(days);
  return { overTime: series.points, overTimeUnit: series.unit };
}

function toSummary(r: any): ArticleSummary {
  const s: ArticleSummary = { id: r.id, chars: r.chars };
  for (const [k, col] of [['title', 'title'], ['outlet', 'outlet'], ['section', 'section'], ['published', 'published'], ['url', 'url'], ['story', 'story'], ['duplicateOf', 'duplicate_of']] as const) {
    if (r[col] !== null && r[col] !== undefined) (s as any)[k] = r[col];
  }
  return s;
}
