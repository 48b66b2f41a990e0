import Database from 'better-sqlite3';
import type { PreparedArticle } from '../prepare.js';
import type { LinkInput, RowWriter, RowWriterTarget, StoredArticle } from '../store.js';
import { storyLabel } from './linking.js';
import { searchBodyStart } from './search-text.js';

/** Bytes arrive from a worker as a plain Uint8Array; the driver binds Buffers (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const bindable = (v: string | Uint8Array) => (typeof v === 'string' ? v : asBuffer(v));

/**
 * An article's own rows — the article row, its full-text entry, layers, entities and techniques:
 * everything that needs nothing from other articles, so it can be written by any connection
 * (the store's, or an ingest worker's row writer).
 */
export class ArticleRows {
  private readonly q: Record<string, Database.Statement>;

  constructor(db: Database.Database) {
    this.q = {
      byHash: db.prepare('SELECT a.id, l.story, l.duplicate_of FROM articles a LEFT JOIN article_links l ON l.article = a.n WHERE a.id = ?'),
      insert: db.prepare(`INSERT INTO articles(id, text, title, outlet, section, author, published, url, meta, findings, notices, analysis, analysis_key, ingested_at, body_start)
        VALUES (@id, @text, @title, @outlet, @section, @author, @published, @url, @meta, @findings, @notices, @analysis, @analysis_key, @ingested_at, @body_start)`),
      fts: db.prepare('INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)'),
      layers: db.prepare('INSERT INTO article_layers(article, data) VALUES (?, ?)'),
      // Rows arrive packed as JSON arrays of tuples (see `PackedRows`), one statement per table.
      entities: db.prepare('INSERT INTO entities(article, name, key, type, mentions) SELECT ?, value->>0, value->>1, value->>2, value->>3 FROM json_each(?)'),
      techniques: db.prepare('INSERT INTO techniques(article, technique, count) SELECT ?, value->>0, value->>1 FROM json_each(?)'),
      pending: db.prepare('INSERT INTO pending_links(article) VALUES (?)'),
    };
  }

  /** The stored article with this id (content hash), if any. */
  existing(id: string): { id: string; story: string | null; duplicate_of: string | null } | undefined {
    return this.q.byHash.get(id) as { id: string; story: string | null; duplicate_of: string | null } | undefined;
  }

  /**
   * Inserts the article row, its full-text entry, layers, entities and techniques; returns its `n`.
   * The full-text entry is what the view `articles_search` gives for the row (schema 8).
   */
  insert(p: PreparedArticle): number {
    const cols = p.columns;
    const bodyStart = searchBodyStart(p.text);
    const n = Number(this.q.insert.run({ id: p.id, text: p.text, ...cols, findings: bindable(cols.findings), ingested_at: new Date().toISOString(), body_start: bodyStart }).lastInsertRowid);
    this.q.fts.run(n, cols.title ?? '', bodyStart > 0 ? p.text.slice(bodyStart) : p.text);
    this.writeOwn(n, p);
    return n;
  }

  /** Layers, entities and techniques of article `n` (also after a replace). */
  writeOwn(n: number, p: PreparedArticle): void {
    this.q.layers.run(n, asBuffer(p.layers));
    if (p.rows.entities !== '[]') this.q.entities.run(n, p.rows.entities);
    if (p.rows.techniques !== '[]') this.q.techniques.run(n, p.rows.techniques);
  }

  /** Records that article `n` waits for linking. */
  pend(n: number): void {
    this.q.pending.run(n);
  }
}

/** A UTF-16 surrogate (SQLite counts an astral character as one, JavaScript as two) or NUL. */
const OFFSETS_DIFFER = /[\uD800-\uDFFF\0]/;

/**
 * Packed quote rows (see `PackedRows`) with each quote whose text is exactly `text.slice(start,
 * end)` marked (its text nulled, an eighth field 1), when the text before `end` has no character
 * where SQLite's character offsets and JavaScript's UTF-16 offsets part (a surrogate) and no NUL:
 * then `substr(text, start + 1, end - start)` in `QUOTE_TEXT` gives back the very same string.
 * (Deciding it in SQL, with `substr` at insert, cost the writer 0.075 ms an article, walking
 * UTF-8 from the text's start for every quote; this costs ~0.02 ms.)
 */
export function markQuoteTexts(text: string, quotes: string): string {
  const rows = JSON.parse(quotes) as unknown[][];
  const odd = text.search(OFFSETS_DIFFER);
  const limit = odd < 0 ? text.length : odd;
  let marked = false;
  for (const q of rows) {
    const [start, end] = [q[1], q[2]];
    if (Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= limit && text.slice(start as number, end as number) === q[5]) {
      q[5] = null;
      q[7] = 1;
      marked = true;
    }
  }
  return marked ? JSON.stringify(rows) : quotes;
}
/**
 * What linking needs of a prepared article (see `LinkInput`). Its quote rows are marked here
 * (`markQuoteTexts`), where the text is at hand: the linking thread then neither reads the text
 * back from the database nor parses the rows, and the rows it is sent are ~2 KB shorter.
 */
export function linkInputOf(p: PreparedArticle): LinkInput {
  const title = p.columns.title ?? undefined;
  return {
    title, published: p.columns.published ?? undefined, label: storyLabel({ id: p.id, title, text: p.text }), hasText: !!p.text,
    fingerprint: p.fingerprint, storyTerms: [...p.storyTerms],
    sources: p.rows.sources, quotes: markQuoteTexts(p.text, p.rows.quotes), people: p.rows.people, speakers: p.rows.speakers,
  };
}

/**
 * Opens a row writer on a SQLite corpus (already created and migrated by the store), for an
 * ingest worker thread: each `write` is one transaction that inserts the articles' own rows and a
 * pending link each (see `SplitWrites`). Errors are those of `translateError` (locked, full disk).
 */
export function openSqliteRowWriter(target: RowWriterTarget, translate: (err: unknown) => unknown): RowWriter {
  const db = new Database(target.path, { timeout: target.busyTimeoutMs });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
  } catch (err) {
    db.close();
    throw translate(err);
  }
  const rows = new ArticleRows(db);
  const writeAll = db.transaction((items: readonly PreparedArticle[]) =>
    items.map((p): StoredArticle | { id: string; created: false } => {
      if (rows.existing(p.id)) return { id: p.id, created: false };
      const ref = rows.insert(p);
      rows.pend(ref);
      return { id: p.id, created: true, ref, link: linkInputOf(p) };
    }),
  );
  return {
    write(items) {
      try {
        return writeAll.immediate(items);
      } catch (err) {
        throw translate(err);
      }
    },
    close() {
      if (db.open) db.close();
    },
  };
}
