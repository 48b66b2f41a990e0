import type Database from 'better-sqlite3';

/*
 * Corpus-wide counts kept in tables (schema 6), so the unfiltered overview and the speaker list
 * cost the same on a million articles as on a thousand: entities by the articles mentioning them
 * (`agg_entities`), persons by quote rows, quotes their sources count and articles
 * (`agg_persons`), persons by outlet (`agg_person_outlets`), and technique spans per outlet
 * (`agg_techniques`). Every count is a sum over articles, so articles are folded in (or out)
 * one range at a time: the tables hold exactly the articles numbered up to kv 'agg_upto'.
 *
 * `refresh` folds in the articles after 'agg_upto' (on a writable connection: when a store is
 * opened, after an article is stored through `putArticles`, when it is closed — ingest's writes
 * land in one pass at the end — and before a read finds the tables behind); it never passes an
 * article still waiting for linking, whose sources and quotes are not written yet.
 * `replaceArticle` takes the old analysis out and puts the new one in. A read-only connection
 * that finds the tables behind computes from the rows instead (slower, never wrong).
 */

/** Range folds: each statement adds `sign` × the counts of articles `lo < n <= hi`. */
const FOLD = {
  entities: `INSERT INTO agg_entities(key, name, type, articles)
    SELECT * FROM (SELECT key, max(name), max(type), count(DISTINCT article) * @sign FROM entities WHERE article > @lo AND article <= @hi GROUP BY key) WHERE true
    ON CONFLICT(key) DO UPDATE SET articles = articles + excluded.articles, name = max(name, excluded.name), type = max(coalesce(type, ''), coalesce(excluded.type, ''))`,
  persons: `INSERT INTO agg_persons(person, quote_rows, source_quotes, articles)
    SELECT * FROM (SELECT person, sum(r) * @sign, sum(q) * @sign, count(DISTINCT article) * @sign FROM (
      SELECT person, article, 1 r, 0 q FROM quotes WHERE article > @lo AND article <= @hi AND person IS NOT NULL
      UNION ALL SELECT person, article, 0, quotes FROM sources WHERE article > @lo AND article <= @hi AND person IS NOT NULL) GROUP BY person) WHERE true
    ON CONFLICT(person) DO UPDATE SET quote_rows = quote_rows + excluded.quote_rows, source_quotes = source_quotes + excluded.source_quotes, articles = articles + excluded.articles`,
  personOutlets: `INSERT INTO agg_person_outlets(person, outlet, articles)
    SELECT * FROM (SELECT x.person, f.outlet, count(DISTINCT x.article) * @sign FROM (
      SELECT person, article FROM quotes WHERE article > @lo AND article <= @hi AND person IS NOT NULL
      UNION SELECT person, article FROM sources WHERE article > @lo AND article <= @hi AND person IS NOT NULL) x
      JOIN articles f INDEXED BY articles_facets ON f.n = x.article WHERE f.outlet IS NOT NULL GROUP BY 1, 2) WHERE true
    ON CONFLICT(person, outlet) DO UPDATE SET articles = articles + excluded.articles`,
  techniques: `INSERT INTO agg_techniques(outlet, technique, spans)
    SELECT * FROM (SELECT coalesce(f.outlet, ''), t.technique, sum(t.count) * @sign FROM techniques t JOIN articles f INDEXED BY articles_facets ON f.n = t.article
      WHERE t.article > @lo AND t.article <= @hi GROUP BY 1, 2) WHERE true
    ON CONFLICT(outlet, technique) DO UPDATE SET spans = spans + excluded.spans`,
} as const;

/** Emptied rows (after articles were taken out) are dropped. */
const PRUNE = [
  'DELETE FROM agg_entities WHERE articles <= 0',
  'DELETE FROM agg_persons WHERE articles <= 0 AND quote_rows <= 0 AND source_quotes <= 0',
  'DELETE FROM agg_person_outlets WHERE articles <= 0',
  'DELETE FROM agg_techniques WHERE spans = 0',
];

/** The aggregate tables of one connection (absent on a store older than schema 6 opened read-only). */
export class Aggregates {
  private readonly s: Record<string, Database.Statement>;
  private readonly fold: Database.Statement[];
  private readonly prune: Database.Statement[];

  constructor(private readonly db: Database.Database) {
    this.s = {
      upto: db.prepare("SELECT CAST(value AS INTEGER) FROM kv WHERE key = 'agg_upto'").pluck(),
      setUpto: db.prepare("INSERT INTO kv(key, value) VALUES ('agg_upto', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
      // The last article whose rows are all written: before the first one waiting for linking.
      ready: db.prepare('SELECT coalesce((SELECT min(article) - 1 FROM pending_links), (SELECT max(n) FROM articles), 0)').pluck(),
    };
    this.fold = db.readonly ? [] : Object.values(FOLD).map((sql) => db.prepare(sql));
    this.prune = db.readonly ? [] : PRUNE.map((sql) => db.prepare(sql));
  }

  /** Articles numbered up to this are counted in the tables. */
  upto(): number {
    return (this.s.upto.get() as number | undefined) ?? 0;
  }

  /** True when the tables count every article there is (then reads may use them). */
  fresh(): boolean {
    return this.upto() >= (this.s.ready.get() as number) && !this.pendingAny();
  }

  private pendingAny(): boolean {
    return this.db.prepare('SELECT EXISTS (SELECT 1 FROM pending_links)').pluck().get() === 1;
  }

  /**
   * Folds in the articles stored since the last refresh (writable connections; inside the caller's
   * transaction when there is one). Returns the articles folded in.
   */
  refresh(): number {
    if (this.db.readonly) return 0;
    const lo = this.upto();
    const hi = this.s.ready.get() as number;
    if (hi <= lo) return 0;
    const run = () => {
      this.apply(lo, hi, 1);
      this.s.setUpto.run(String(hi));
    };
    if (this.db.inTransaction) run();
    else this.db.transaction(run).immediate();
    return hi - lo;
  }

  /** Takes article `n` out of the counts (`sign` −1) or puts it back (+1), when it is counted. */
  adjust(n: number, sign: 1 | -1): void {
    if (this.db.readonly || n > this.upto()) return;
    this.apply(n - 1, n, sign);
  }

  private apply(lo: number, hi: number, sign: 1 | -1): void {
    for (const st of this.fold) st.run({ lo, hi, sign });
    if (sign < 0) for (const st of this.prune) st.run();
  }
}
