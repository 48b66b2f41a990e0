import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { SpinscopeError, type Article } from '../../model/index.js';
import { contentHash } from '../hash.js';
import { decodeLayer, type EncodedLayer } from '../layer-codec.js';
import { nameKey } from '../derive.js';
import { prepareArticle, decodeLayers, readJsonColumn, type PreparedArticle } from '../prepare.js';
import { migrate, SCHEMA_VERSION } from './schema.js';
import { filterSql, pageOf } from './filters.js';
import { Linker } from './linking.js';
import { ArticleRows, bindable, linkInputOf, markQuoteTexts, openSqliteRowWriter } from './rows.js';

export { markQuoteTexts } from './rows.js';
import type {
  ArticleFilter, ArticleSummary, CorpusStats, CorpusStore, ExportKind, FacetCount, LinkInput, ListOptions, Page, PutOptions, PutResult,
  RowWriter, RowWriterTarget, SearchResult, SpeakerDetail, SpeakerSummary, SplitWrites, StoredArticle, StorySummary,
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
    return new SqliteStore(db, path);
  } catch (err) {
    db?.close();
    throw translateError(err, path);
  }
}

/** The SQLite implementation of `CorpusStore` (see `store.ts` for the contract). */
export class SqliteStore implements CorpusStore {
  private readonly linker: Linker | undefined;
  private readonly rows: ArticleRows | undefined;
  private readonly q: Record<string, Database.Statement>;
  readonly split: SplitWrites | undefined;

  constructor(readonly db: Database.Database, readonly path: string) {
    this.linker = db.readonly ? undefined : new Linker(db);
    this.rows = db.readonly ? undefined : new ArticleRows(db);
    this.split = db.readonly || path === ':memory:' || path === '' ? undefined : {
      target: { kind: 'sqlite', path, busyTimeoutMs: (db.pragma('busy_timeout', { simple: true }) as number) ?? SQLITE.busyTimeoutMs },
      link: async (items) => this.linkStored(items),
      unlinked: async () => this.unlinked(),
    };
    this.q = {
      byHash: db.prepare('SELECT n, id FROM articles WHERE id = ?'),
      update: db.prepare(`UPDATE articles SET title = @title, outlet = @outlet, section = @section, author = @author, published = @published, url = @url,
        meta = @meta, findings = @findings, notices = @notices, analysis = @analysis, analysis_key = @analysis_key WHERE n = @n`),
      setLinks: db.prepare('INSERT OR REPLACE INTO article_links(story, duplicate_of, article) VALUES (?, ?, ?)'),
      fts: db.prepare('INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)'),
      unpend: db.prepare('DELETE FROM pending_links WHERE article = ?'),
      pending: db.prepare('SELECT a.id FROM pending_links p JOIN articles a ON a.n = p.article ORDER BY p.article').pluck(),
      ftsDelete: db.prepare("INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)"),
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
    };
  }

  /** Runs a write in a transaction; on failure, in-memory linking state is re-read and the error explained. */
  private write<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      this.linker?.reset();
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
      this.linker?.persist();
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
      for (const t of ['layers', 'article_layers', 'entities', 'sources', 'quotes', 'techniques']) this.db.prepare(`DELETE FROM ${t} WHERE article = ?`).run(row.n);
      this.q.ftsDelete.run(row.n, row.title ?? '', row.text);
      const p = prepareArticle(article);
      this.q.update.run({ n: row.n, ...p.columns, findings: bindable(p.columns.findings) });
      this.q.fts.run(row.n, p.columns.title ?? '', article.text);
      this.rows!.writeOwn(row.n, p);
      this.writePeople(row.n, p.rows);
    });
  }

  async staleArticles(current: Record<string, string>): Promise<string[]> {
    return this.read(() => (this.db.prepare('SELECT id FROM articles WHERE analysis_key != ? ORDER BY n').pluck().all(analysisKey(current)) as string[]));
  }

  private summaries(where: string, params: unknown[], order: string, page: { limit: number; offset: number }, extra = '', from = 'articles a'): any[] {
    return this.db.prepare(`SELECT a.id, a.title, a.outlet, a.section, a.published, a.url, l.story, l.duplicate_of, length(a.text) chars${extra} FROM ${from} LEFT JOIN article_links l ON l.article = a.n WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset);
  }

  async listArticles(filter: ArticleFilter = {}): Promise<Page<ArticleSummary>> {
    return this.read(() => {
      const { where, params } = filterSql(filter);
      const total = (this.db.prepare(`SELECT count(*) c FROM articles a WHERE ${where}`).get(...params) as { c: number }).c;
      const items = this.summaries(where, params, 'a.published DESC, a.n DESC', pageOf(filter)).map(toSummary);
      return { total, items };
    });
  }

  async search(query: string, filter: ArticleFilter = {}): Promise<SearchResult> {
    if (!query.trim()) throw new SpinscopeError('bad-query', 'give some words to search for');
    return this.read(() => {
      const { where, params } = filterSql(filter);
      const from = 'articles_fts f JOIN articles a ON a.n = f.rowid';
      const w = `articles_fts MATCH ? AND ${where}`;
      const p = [query, ...params];
      try {
        const total = (this.db.prepare(`SELECT count(*) c FROM ${from} WHERE ${w}`).get(...p) as { c: number }).c;
        const items = this.summaries(w, p, 'rank', pageOf(filter), `, snippet(articles_fts, 1, '[', ']', '…', ${SQLITE.snippetTokens}) snippet, bm25(articles_fts) rank`, from)
          .map((r) => ({ ...toSummary(r), snippet: r.snippet as string, rank: r.rank as number }));
        const matched = `SELECT a.n FROM ${from} WHERE ${w}`;
        const facet = (sql: string) => this.db.prepare(`${sql} ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all(...p) as FacetCount[];
        const facets = {
          outlet: facet(`SELECT a.outlet value, count(*) count FROM articles a WHERE a.n IN (${matched}) AND a.outlet IS NOT NULL GROUP BY a.outlet`),
          section: facet(`SELECT a.section value, count(*) count FROM articles a WHERE a.n IN (${matched}) AND a.section IS NOT NULL GROUP BY a.section`),
          story: facet(`SELECT l.story value, count(*) count FROM article_links l WHERE l.article IN (${matched}) AND l.story IS NOT NULL GROUP BY l.story`),
          technique: facet(`SELECT technique value, count(DISTINCT article) count FROM techniques WHERE article IN (${matched}) GROUP BY technique`),
          entity: facet(`SELECT max(name) value, count(DISTINCT article) count FROM entities WHERE article IN (${matched}) GROUP BY key`),
          speaker: facet(`SELECT p.name value, count(DISTINCT s.article) count FROM sources s JOIN persons p ON p.id = s.person WHERE s.article IN (${matched}) GROUP BY p.id`),
        };
        return { total, items, facets };
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

  async stats(filter: ArticleFilter = {}): Promise<CorpusStats> {
    return this.read(() => {
      const { where, params } = filterSql(filter);
      const sel = `SELECT a.n FROM articles a WHERE ${where}`;
      const one = (sql: string) => (this.db.prepare(sql).get(...params) as { c: number }).c;
      const techniquesByOutlet: Record<string, Record<string, number>> = {};
      for (const r of this.db.prepare(`SELECT coalesce(a.outlet, '') outlet, t.technique, sum(t.count) c FROM techniques t JOIN articles a ON a.n = t.article WHERE ${where} GROUP BY 1, 2`).all(...params) as any[]) {
        (techniquesByOutlet[r.outlet] ??= {})[r.technique] = r.c;
      }
      return {
        articles: one(`SELECT count(*) c FROM articles a WHERE ${where}`),
        outlets: one(`SELECT count(DISTINCT a.outlet) c FROM articles a WHERE ${where}`),
        stories: one(`SELECT count(DISTINCT l.story) c FROM articles a JOIN article_links l ON l.article = a.n WHERE ${where}`),
        speakers: (this.db.prepare(`SELECT count(DISTINCT person) c FROM (SELECT person FROM sources WHERE article IN (${sel}) UNION SELECT person FROM quotes WHERE article IN (${sel})) WHERE person IS NOT NULL`).get(...params, ...params) as { c: number }).c,
        perDay: this.db.prepare(`SELECT substr(a.published, 1, 10) value, count(*) count FROM articles a WHERE ${where} AND a.published IS NOT NULL GROUP BY 1 ORDER BY 1`).all(...params) as FacetCount[],
        techniquesByOutlet,
        topEntities: this.db.prepare(`SELECT max(e.name) value, max(e.type) type, count(DISTINCT e.article) count FROM entities e WHERE e.article IN (${sel}) GROUP BY e.key ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all(...params) as any[],
        topSpeakers: this.db.prepare(`SELECT p.name value, count(*) count FROM quotes q JOIN persons p ON p.id = q.person WHERE q.article IN (${sel}) GROUP BY p.id ORDER BY count DESC, value LIMIT ${SQLITE.facetSize}`).all(...params) as FacetCount[],
      };
    });
  }

  private storySummary(r: any): StorySummary {
    const top = (sql: string) => (this.db.prepare(sql).pluck().all(r.id) as string[]);
    return {
      id: r.id, thread: r.thread, label: r.label, size: r.size, first: r.first ?? undefined, last: r.last ?? undefined,
      outlets: top('SELECT DISTINCT a.outlet FROM article_links l JOIN articles a ON a.n = l.article WHERE l.story = ? AND a.outlet IS NOT NULL ORDER BY a.outlet'),
      topEntities: top(`SELECT max(e.name) FROM entities e JOIN article_links l ON l.article = e.article WHERE l.story = ? GROUP BY e.key ORDER BY count(*) DESC, max(e.name) LIMIT 5`),
      topSpeakers: top(`SELECT p.name FROM quotes q JOIN article_links l ON l.article = q.article JOIN persons p ON p.id = q.person WHERE l.story = ? GROUP BY p.id ORDER BY count(*) DESC, p.name LIMIT 5`),
    };
  }

  async listStories(options: ListOptions & { thread?: string; outlet?: string } = {}): Promise<Page<StorySummary>> {
    return this.read(() => {
      const clauses = ['1'];
      const params: unknown[] = [];
      if (options.thread) clauses.push('s.thread = ?'), params.push(options.thread);
      if (options.outlet) clauses.push('EXISTS (SELECT 1 FROM article_links l JOIN articles a ON a.n = l.article WHERE l.story = s.id AND a.outlet = ?)'), params.push(options.outlet);
      const where = clauses.join(' AND ');
      const page = pageOf(options);
      const total = (this.db.prepare(`SELECT count(*) c FROM stories s WHERE ${where}`).get(...params) as { c: number }).c;
      const rows = this.db.prepare(`SELECT * FROM stories s WHERE ${where} ORDER BY size DESC, last DESC, id LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset);
      return { total, items: rows.map((r) => this.storySummary(r)) };
    });
  }

  async getStory(id: string) {
    return this.read(() => {
      const row = this.db.prepare('SELECT * FROM stories WHERE id = ?').get(id);
      if (!row) return undefined;
      const articles = this.summaries('l.story = ?', [id], 'a.published, a.n', { limit: 10_000, offset: 0 }).map(toSummary);
      return { ...this.storySummary(row), articles };
    });
  }

  private speakerSummary(r: any): SpeakerSummary {
    return {
      id: r.id, name: r.name, quotes: r.quotes, articles: r.articles, roles: JSON.parse(r.roles), affiliations: JSON.parse(r.affiliations),
      outlets: this.db.prepare(`SELECT DISTINCT a.outlet FROM articles a WHERE a.outlet IS NOT NULL AND a.n IN (SELECT article FROM sources WHERE person = ? UNION SELECT article FROM quotes WHERE person = ?) ORDER BY 1`).pluck().all(r.id, r.id) as string[],
    };
  }

  /** Persons with quote and article counts (a quote counts once, from the quotes layer or the source's counts). */
  private static readonly SPEAKERS = `SELECT p.*, max((SELECT count(*) FROM quotes q WHERE q.person = p.id), (SELECT coalesce(sum(s.quotes), 0) FROM sources s WHERE s.person = p.id)) quotes,
    (SELECT count(*) FROM (SELECT article FROM sources WHERE person = p.id UNION SELECT article FROM quotes WHERE person = p.id)) articles FROM persons p`;

  async listSpeakers(options: ListOptions & { query?: string; outlet?: string } = {}): Promise<Page<SpeakerSummary>> {
    return this.read(() => {
      const clauses = ['1'];
      const params: unknown[] = [];
      if (options.query) clauses.push("p.key LIKE ? ESCAPE '\\'"), params.push(`%${nameKey(options.query).replace(/[%_\\]/g, '\\$&')}%`);
      if (options.outlet) clauses.push('p.id IN (SELECT s.person FROM sources s JOIN articles a ON a.n = s.article WHERE a.outlet = ? UNION SELECT q.person FROM quotes q JOIN articles a ON a.n = q.article WHERE a.outlet = ?)'), params.push(options.outlet, options.outlet);
      const where = clauses.join(' AND ');
      const page = pageOf(options);
      const total = (this.db.prepare(`SELECT count(*) c FROM persons p WHERE ${where}`).get(...params) as { c: number }).c;
      const rows = this.db.prepare(`${SqliteStore.SPEAKERS} WHERE ${where} ORDER BY quotes DESC, articles DESC, p.name LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset);
      return { total, items: rows.map((r) => this.speakerSummary(r)) };
    });
  }

  async getSpeaker(id: string): Promise<SpeakerDetail | undefined> {
    return this.read(() => {
      const row = this.db.prepare(`${SqliteStore.SPEAKERS} WHERE p.id = ?`).get(id) as any;
      if (!row) return undefined;
      const arts = 'SELECT article FROM sources WHERE person = ? UNION SELECT article FROM quotes WHERE person = ?';
      const techniques = new Map<string, number>();
      for (const t of this.db.prepare('SELECT techniques FROM quotes WHERE person = ?').pluck().all(id) as string[]) {
        for (const name of JSON.parse(t) as string[]) techniques.set(name, (techniques.get(name) ?? 0) + 1);
      }
      return {
        ...this.speakerSummary(row),
        variants: JSON.parse(row.variants),
        overTime: this.db.prepare(`SELECT substr(a.published, 1, 7) value, count(*) count FROM quotes q JOIN articles a ON a.n = q.article WHERE q.person = ? AND a.published IS NOT NULL GROUP BY 1 ORDER BY 1`).all(id) as FacetCount[],
        coQuoted: this.db.prepare(`SELECT p.id, p.name value, count(DISTINCT x.article) count FROM (SELECT article, person FROM sources UNION SELECT article, person FROM quotes) x JOIN persons p ON p.id = x.person
          WHERE x.article IN (${arts}) AND x.person != ? GROUP BY p.id ORDER BY count DESC, p.name LIMIT ${SQLITE.facetSize}`).all(id, id, id) as any[],
        techniques: [...techniques].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      };
    });
  }

  async *exportRecords(kind: ExportKind): AsyncIterable<Record<string, unknown>> {
    const sql: Record<ExportKind, string> = {
      articles: 'SELECT a.id, a.title, a.outlet, a.section, a.author, a.published, a.url, l.story, s.thread, l.duplicate_of, a.analysis, a.text FROM articles a LEFT JOIN article_links l ON l.article = a.n LEFT JOIN stories s ON s.id = l.story ORDER BY a.n',
      quotes: `SELECT a.id article, q.seq, q.start, q."end", q.kind, q.speaker, q.person, p.name person_name, q.techniques, ${QUOTE_TEXT} text FROM quotes q JOIN articles a ON a.n = q.article LEFT JOIN persons p ON p.id = q.person ORDER BY q.article, q.seq`,
      entities: 'SELECT a.id article, e.name, e.type, e.mentions FROM entities e JOIN articles a ON a.n = e.article ORDER BY e.article, e.rowid',
      techniques: 'SELECT a.id article, a.outlet, t.technique, t.count FROM techniques t JOIN articles a ON a.n = t.article ORDER BY t.article, t.technique',
      stories: 'SELECT id, thread, label, size, first, last FROM stories ORDER BY CAST(substr(id, 2) AS INTEGER)',
      speakers: `SELECT id, name, roles, affiliations, variants, quotes, articles FROM (${SqliteStore.SPEAKERS}) ORDER BY CAST(substr(id, 2) AS INTEGER)`,
    };
    // A separate read-only connection streams without holding up writers (WAL readers see a snapshot).
    const reader = this.path === ':memory:' ? this.db : new Database(this.path, { readonly: true, timeout: SQLITE.busyTimeoutMs });
    try {
      for (const row of reader.prepare(sql[kind]).iterate() as Iterable<Record<string, unknown>>) yield row;
    } finally {
      if (reader !== this.db) reader.close();
    }
  }

  async info() {
    return this.read(() => ({ schemaVersion: SCHEMA_VERSION, path: this.path, articles: (this.db.prepare('SELECT count(*) c FROM articles').get() as { c: number }).c }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toSummary(r: any): ArticleSummary {
  const s: ArticleSummary = { id: r.id, chars: r.chars };
  for (const [k, col] of [['title', 'title'], ['outlet', 'outlet'], ['section', 'section'], ['published', 'published'], ['url', 'url'], ['story', 'story'], ['duplicateOf', 'duplicate_of']] as const) {
    if (r[col] !== null && r[col] !== undefined) (s as any)[k] = r[col];
  }
  return s;
}
