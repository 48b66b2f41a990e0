import type Database from 'better-sqlite3';
import { searchBodyStart } from './search-text.js';

/**
 * SQL true for a person (its id column `id`) whose sources, in table `sources`, were all unnamed
 * ones (the quotes stage's anonymous or document kinds): how migration 7 marks persons made before
 * `generic` existed, and how a read-only old store derives the column.
 */
export function madeFromUnnamedSources(id: string, sources: string): string {
  return `${id} IN (SELECT person FROM ${sources} WHERE kind IN ('anonymous', 'document') AND person IS NOT NULL)
  AND ${id} NOT IN (SELECT person FROM ${sources} WHERE kind NOT IN ('anonymous', 'document') AND person IS NOT NULL)`;
}

/**
 * Versioned schema migrations. `PRAGMA user_version` holds the version applied; `migrate` runs
 * every later migration in one transaction each. Never edit a released migration: add one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string; run?: (db: Database.Database) => void }> = [
  {
    version: 1,
    sql: `
CREATE TABLE articles (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  title TEXT, outlet TEXT, section TEXT, author TEXT, published TEXT, url TEXT,
  meta TEXT NOT NULL, findings TEXT NOT NULL, notices TEXT NOT NULL, analysis TEXT NOT NULL,
  analysis_key TEXT NOT NULL,
  story TEXT, duplicate_of TEXT,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet, published);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_analysis ON articles(analysis_key);
CREATE TABLE layers (
  article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
  name TEXT NOT NULL,
  seq INTEGER NOT NULL,
  spans NOT NULL, -- JSON text, or deflated JSON bytes for long layers
  PRIMARY KEY (article, name)
) WITHOUT ROWID;
CREATE TABLE entities (
  article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
  name TEXT NOT NULL, key TEXT NOT NULL, type TEXT, mentions INTEGER NOT NULL
);
CREATE INDEX entities_key ON entities(key);
CREATE INDEX entities_article ON entities(article);
CREATE TABLE persons (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL, surname TEXT NOT NULL, first TEXT NOT NULL,
  roles TEXT NOT NULL, affiliations TEXT NOT NULL, variants TEXT NOT NULL
);
CREATE INDEX persons_surname ON persons(substr(surname, 1, 3));
CREATE INDEX persons_key ON persons(key);
CREATE TABLE sources (
  article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
  seq INTEGER NOT NULL, name TEXT NOT NULL, role TEXT, affiliation TEXT, place TEXT, kind TEXT,
  quotes INTEGER NOT NULL, person TEXT REFERENCES persons(id)
);
CREATE INDEX sources_article ON sources(article);
CREATE INDEX sources_person ON sources(person);
CREATE TABLE quotes (
  article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
  seq INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT, speaker TEXT,
  person TEXT REFERENCES persons(id), text TEXT NOT NULL, techniques TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_person ON quotes(person);
CREATE TABLE techniques (
  article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
  technique TEXT NOT NULL, count INTEGER NOT NULL
);
CREATE INDEX techniques_article ON techniques(article);
CREATE INDEX techniques_name ON techniques(technique);
CREATE TABLE fingerprints (
  article INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE,
  signature BLOB NOT NULL
);
CREATE TABLE fingerprint_bands (
  key INTEGER NOT NULL,
  article INTEGER NOT NULL REFERENCES articles(n) ON DELETE CASCADE,
  PRIMARY KEY (key, article)
) WITHOUT ROWID;
CREATE TABLE stories (
  id TEXT PRIMARY KEY, thread TEXT NOT NULL, label TEXT NOT NULL, size INTEGER NOT NULL,
  first TEXT, last TEXT, last_ms REAL, centroid TEXT NOT NULL
);
CREATE INDEX stories_thread ON stories(thread);
CREATE TABLE threads (
  id TEXT PRIMARY KEY, label TEXT NOT NULL, size INTEGER NOT NULL, last_ms REAL, centroid TEXT NOT NULL
);
CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='n', tokenize='unicode61 remove_diacritics 2');
`,
  },
  {
    // Version 2 (ingest speed and size): an article's layers are one deflated blob in
    // article_layers (see `encodeLayers`) instead of a row per layer; long findings JSON is stored
    // deflated (see `jsonColumn`). Articles stored under version 1 keep their rows in `layers`,
    // which is still read when an article has no article_layers row.
    version: 2,
    sql: `
CREATE TABLE article_layers (
  article INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE,
  data BLOB NOT NULL
);
`,
  },
  {
    // Version 3 (parallel ingest): ingest workers write an article's rows and a row here, and the
    // ingest's main thread links it (persons, near-duplicates, stories) in a later transaction,
    // deleting the row. What is left here after a crash is linked when the next ingest starts
    // (what linking needs is derived again from the stored article).
    version: 3,
    sql: `
CREATE TABLE pending_links (
  article INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE
);
`,
  },
  {
    // Version 4 (linking speed): an article's story and near-duplicate links live in their own
    // narrow table, written when the article is linked and updated when re-clustering moves it.
    // Setting them on the article row rewrote the whole row (its text included: ~5 KB and
    // overflow pages per article) for every link and move. Existing links are copied over;
    // articles not yet linked (skipped, or pending) have no row here.
    version: 4,
    sql: `
CREATE TABLE article_links (
  article INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE,
  story TEXT, duplicate_of TEXT
);
CREATE INDEX article_links_story ON article_links(story);
INSERT INTO article_links(article, story, duplicate_of) SELECT n, story, duplicate_of FROM articles WHERE story IS NOT NULL OR duplicate_of IS NOT NULL;
DROP INDEX articles_story;
ALTER TABLE articles DROP COLUMN story;
ALTER TABLE articles DROP COLUMN duplicate_of;
`,
  },
  {
    // Version 5 (size): a quote's text equal to its article's text between the quote's offsets is
    // stored as a zero-length blob (`QUOTE_TEXT_SAME` in store.ts) and read from the article
    // (~2.3 KB an article). Rows stored before keep their text, which reads the same. No table
    // changes: the version tells an older spinscope not to read such quotes as text.
    version: 5,
    sql: `SELECT 1;`,
  },
  {
    // Version 6 (queries at scale). Reading a column after `text` in an article row walks the
    // text's overflow pages (~5 KB an article), so facets, statistics and filters that read outlet,
    // section or date per article cost ~40 µs an article: `articles_facets` holds them by `n` so
    // those reads never touch the row. The other indexes cover what facets and statistics group by
    // (techniques, entities, speakers per article and the reverse), and stories list by size.
    // `agg_*` hold corpus-wide counts (top entities, speakers' quotes and articles, technique
    // spans per outlet, persons per outlet) for the articles up to kv 'agg_upto' (none yet: the
    // store folds them in when next opened for writing); see aggregates.ts.
    version: 6,
    sql: `
CREATE INDEX articles_facets ON articles(n, outlet, section, published);
CREATE INDEX articles_section ON articles(section, published);
DROP INDEX techniques_article;
CREATE INDEX techniques_article ON techniques(article, technique, count);
DROP INDEX techniques_name;
CREATE INDEX techniques_name ON techniques(technique, article);
DROP INDEX entities_key;
CREATE INDEX entities_key ON entities(key, article);
DROP INDEX entities_article;
CREATE INDEX entities_article ON entities(article, key);
DROP INDEX sources_person;
CREATE INDEX sources_person ON sources(person, article, quotes);
DROP INDEX quotes_person;
CREATE INDEX quotes_person ON quotes(person, article);
DROP INDEX sources_article;
CREATE INDEX sources_article ON sources(article, person);
DROP INDEX quotes_article;
CREATE INDEX quotes_article ON quotes(article, person);
CREATE INDEX stories_size ON stories(size DESC, last DESC, id);
CREATE TABLE agg_entities (key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, articles INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX agg_entities_articles ON agg_entities(articles DESC, name);
CREATE TABLE agg_persons (person TEXT PRIMARY KEY, quote_rows INTEGER NOT NULL, source_quotes INTEGER NOT NULL, articles INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE agg_person_outlets (person TEXT NOT NULL, outlet TEXT NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (person, outlet)) WITHOUT ROWID;
CREATE INDEX agg_person_outlets_outlet ON agg_person_outlets(outlet, person);
DELETE FROM kv WHERE key = 'agg_upto';
CREATE TABLE agg_techniques (outlet TEXT NOT NULL, technique TEXT NOT NULL, spans INTEGER NOT NULL, PRIMARY KEY (outlet, technique)) WITHOUT ROWID;
`,
  },
  {
    // Version 7 (unnamed sources): "officials", "a spokesperson" are persons marked generic,
    // counted by their label and never merged with a named person (see genericSource). Persons
    // made before from sources the quotes stage called anonymous or a document are marked so.
    version: 7,
    sql: `
ALTER TABLE persons ADD COLUMN generic INTEGER NOT NULL DEFAULT 0;
UPDATE persons SET generic = 1 WHERE ${madeFromUnnamedSources('id', 'sources')};
`,
  },
  {
    // Version 8 (search what a reader sees): the full-text index held every line of the stored
    // text, a crawled file's front-matter header (`Title: …`, `---`) included, and snippets showed
    // it. The index's content is now the view `articles_search`: the title and the text from
    // `articles.body_start` (see `searchBodyStart`; 0, the whole text, for most articles). Deletes
    // from an external-content index must give the values indexed: they are read from the view
    // before the row changes. The run sets body_start for stored articles with a header and moves
    // the index over (see `moveSearchIndex`).
    version: 8,
    sql: `
ALTER TABLE articles ADD COLUMN body_start INTEGER NOT NULL DEFAULT 0;
DROP VIEW IF EXISTS articles_search;
CREATE VIEW articles_search(n, title, text) AS
  SELECT n, coalesce(title, ''), CASE WHEN body_start > 0 THEN substr(text, body_start + 1) ELSE text END FROM articles;
`,
    run: (db) => moveSearchIndex(db),
  },
  {
    // Version 9 (story lists at scale): the entities-by-article index also holds the name and
    // type, so a story's top entities (of its latest articles) and the names of search and
    // statistics top lists are read from the index alone: a 100-story page read ~2,000 entity
    // rows per story (100,000 articles: 635 -> 433 ms CPU). Building it at 100,000 articles
    // (3.2 million entity rows) took 2.4 s of CPU.
    version: 9,
    sql: `
DROP INDEX IF EXISTS entities_article;
CREATE INDEX entities_article ON entities(article, key, name, type);
`,
  },
];

/**
 * Migration 8's step, in time proportional to the articles with a front-matter header rather than
 * to the corpus (a full re-index tokenises every text again: ~1.6 ms an article on a busy 2-core
 * machine, half an hour for a million). Each headed article's entry is deleted with the values
 * schema 7 indexed (its title and whole text), its body_start set, and its entry added from the
 * view; the index then takes the view as its content by an edit of its declaration, which is
 * only where SQLite reads the content table's name (the index's own tables do not depend on it).
 * An index declared otherwise than schema 7 did is rebuilt from the view instead.
 */
function moveSearchIndex(db: Database.Database): void {
  db.function('spinscope_body_start', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? searchBodyStart(text) : 0));
  db.exec(`CREATE TEMP TABLE headed AS SELECT * FROM (SELECT n, spinscope_body_start(text) b FROM articles) WHERE b > 0;
    INSERT INTO articles_fts(articles_fts, rowid, title, text) SELECT 'delete', a.n, coalesce(a.title, ''), a.text FROM articles a JOIN temp.headed h ON h.n = a.n;
    UPDATE articles SET body_start = h.b FROM temp.headed h WHERE h.n = articles.n;
    INSERT INTO articles_fts(rowid, title, text) SELECT v.n, v.title, v.text FROM articles_search v JOIN temp.headed h ON h.n = v.n;
    DROP TABLE temp.headed;`);
  const declared = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'").pluck().get() as string | undefined;
  if (declared === SEARCH_INDEX_7) {
    const version = db.pragma('schema_version', { simple: true }) as number;
    // better-sqlite3 guards the schema table (SQLite's defensive mode) unless in unsafe mode.
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      db.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'articles_fts'").run(SEARCH_INDEX_8);
      db.pragma(`schema_version = ${version + 1}`);
    } finally {
      db.pragma('writable_schema = OFF');
      db.unsafeMode(false);
    }
    return;
  }
  db.exec(`DROP TABLE IF EXISTS articles_fts; ${SEARCH_INDEX_8}; INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`);
}

/** The full-text index as schemas 1–7 declared it (content: the article row, whole text). */
const SEARCH_INDEX_7 = "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='n', tokenize='unicode61 remove_diacritics 2')";
/** The full-text index from schema 8: content from the view `articles_search`. */
const SEARCH_INDEX_8 = "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles_search', content_rowid='n', tokenize='unicode61 remove_diacritics 2')";

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Applies the migrations the database has not seen; returns the resulting version. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new Error(`database schema version ${current} is newer than this spinscope (${SCHEMA_VERSION}); upgrade spinscope`);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return SCHEMA_VERSION;
}
