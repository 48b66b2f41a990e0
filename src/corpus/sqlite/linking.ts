import type Database from 'better-sqlite3';
import { StoryClusterer, STORY_PARAMS, type Cluster, type DocFrequencies } from '../stories/clusterer.js';
import type { StoryItem } from '../stories/features.js';
import { jaccard, NEAR_DUP, type Fingerprint } from '../minhash.js';
import { cleanRole, genericSource, matchPerson, nameParts, type Person } from '../speakers.js';
import { nameKey, type PackedRows } from '../derive.js';

/** Longest story label kept (characters). */
const LABEL_CHARS = 120;

/**
 * Online document frequencies backed by the `terms` table: counted in memory, and the changes
 * written once per transaction (`flush`) as one upsert per distinct term, not one per term of
 * every article (~75 an article; in a batch of 50 bench articles, 1.6 per distinct term).
 */
export class StoredFrequencies implements DocFrequencies {
  /**
   * Count per term, as a mutable box with the increments not yet written: one map lookup per term
   * of an arriving article (a map of counts and one of increments took four).
   */
  private counts = new Map<string, TermCount>();
  /** Boxes with unwritten increments, in order of first increment since the last flush. */
  private dirty: TermCount[] = [];
  docs = 0;
  /** `docs` as last written. */
  private writtenDocs = 0;
  private readonly upsert: Database.Statement;
  private readonly setDocs: Database.Statement;

  constructor(private readonly db: Database.Database) {
    // All of a transaction's changes in one statement (a JSON array of [term, increment] pairs):
    // one call per batch instead of one per distinct term (~44 per article, 0.2 ms of the
    // writer's ~1.7 ms per article in bench/linking.bench.ts). `WHERE true` lets SQLite parse
    // the upsert after a SELECT.
    this.upsert = db.prepare(`INSERT INTO terms(term, df) SELECT value->>0, value->>1 FROM json_each(?) WHERE true
      ON CONFLICT(term) DO UPDATE SET df = df + excluded.df`);
    this.setDocs = db.prepare("INSERT INTO kv(key, value) VALUES ('docs', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    this.reload();
  }

  /** Re-reads the counts (after a rolled-back transaction), dropping unwritten changes. */
  reload(): void {
    this.dirty = [];
    this.counts = new Map((this.db.prepare('SELECT term, df FROM terms').raw().all() as [string, number][]).map(([t, n]) => [t, { term: t, n, added: 0 }]));
    const row = this.db.prepare("SELECT value FROM kv WHERE key = 'docs'").get() as { value: string } | undefined;
    this.docs = this.writtenDocs = row ? Number(row.value) : 0;
  }

  df(term: string): number {
    return this.counts.get(term)?.n ?? 0;
  }

  /** Counts one more document with these terms (written by the next `flush`). */
  add(terms: Iterable<string>): void {
    for (const t of terms) {
      let c = this.counts.get(t);
      if (!c) this.counts.set(t, (c = { term: t, n: 0, added: 0 }));
      c.n++;
      if (c.added++ === 0) this.dirty.push(c);
    }
    this.docs++;
  }

  /** Writes the changes since the last flush (inside the caller's transaction). */
  flush(): void {
    if (this.dirty.length) {
      let json = '[';
      for (let k = 0; k < this.dirty.length; k++) {
        const c = this.dirty[k];
        json += `${k ? ',' : ''}[${JSON.stringify(c.term)},${c.added}]`;
        c.added = 0;
      }
      this.upsert.run(json + ']');
      this.dirty = [];
    }
    if (this.docs !== this.writtenDocs) this.setDocs.run(String((this.writtenDocs = this.docs)));
  }
}

/** A term's document frequency and its increments since the last flush. */
interface TermCount {
  readonly term: string;
  n: number;
  added: number;
}

const toCluster = (r: { id: string; thread?: string; size: number; last_ms: number | null; centroid: string }): Cluster => ({
  id: r.id,
  thread: r.thread ?? '',
  size: r.size,
  last: r.last_ms ?? NaN,
  centroid: new Map(JSON.parse(r.centroid) as [string, number][]),
});

/** Loads the stories and threads still open (within their time windows of the newest one). */
export function loadClusterer(db: Database.Database, df: DocFrequencies): StoryClusterer {
  // The most recent stories and threads, as many as a running clusterer keeps at most (STORY_PARAMS
  // `maxStories`, `maxThreads`); the clusterer's time windows decide which can be joined, and its
  // next eviction (`evictDays`, ...) drops what it would have dropped. Not filtered by date here: an
  // article arriving late (dated well before the newest) still finds its story in a small store.
  const p = STORY_PARAMS;
  const stories = db.prepare('SELECT id, thread, size, last_ms, centroid FROM stories ORDER BY last_ms DESC LIMIT ?').all(p.maxStories) as any[];
  const threads = db.prepare('SELECT id, size, last_ms, centroid FROM threads ORDER BY last_ms DESC LIMIT ?').all(p.maxThreads) as any[];
  // Every loaded story's thread is loaded too (an article joining the story updates its thread).
  const have = new Set(threads.map((t) => t.id as string));
  const getThread = db.prepare('SELECT id, size, last_ms, centroid FROM threads WHERE id = ?');
  for (const id of new Set(stories.map((r) => r.thread as string))) {
    if (have.has(id)) continue;
    const row = getThread.get(id);
    if (row) threads.push(row), have.add(id);
  }
  // Ids keep counting from the highest ever given, not only the loaded ones.
  const maxId = (table: string) => (db.prepare(`SELECT max(CAST(substr(id, 2) AS INTEGER)) m FROM ${table}`).get() as { m: number | null }).m ?? 0;
  const clusterer = new StoryClusterer(df, STORY_PARAMS, { stories: stories.map(toCluster), threads: threads.map(toCluster) });
  clusterer.stories.reserve(maxId('stories'));
  clusterer.threads.reserve(maxId('threads'));
  return clusterer;
}

/**
 * A centroid as stored: JSON of [term, weight rounded to 4 decimals] pairs, in centroid order
 * (written straight into the string: the same text as `JSON.stringify` of the pairs, without
 * building them).
 */
export function centroidJson(centroid: Map<string, number>): string {
  let out = '[';
  for (const [t, w] of centroid) {
    const r = Math.round(w * 1e4) / 1e4;
    out += `${out.length > 1 ? ',' : ''}[${JSON.stringify(t)},${Number.isFinite(r) ? r : 'null'}]`;
  }
  return out + ']';
}

/** The label a story gets from its first article: the title, else the start of the text, else the id. */
export function storyLabel(item: StoryItem): string {
  return (item.title ?? item.text ?? '').trim().slice(0, LABEL_CHARS) || item.id;
}

/** Everything the linking steps need, prepared once per connection. */
export class Linker {
  clusterer: StoryClusterer;
  readonly df: StoredFrequencies;
  private readonly s: Record<string, Database.Statement>;

  constructor(private readonly db: Database.Database) {
    this.df = new StoredFrequencies(db);
    this.clusterer = loadClusterer(db, this.df);
    this.s = {
      fpBands: db.prepare(`SELECT DISTINCT article FROM fingerprint_bands WHERE key IN (${Array(NEAR_DUP.bands).fill('?').join(', ')})`).pluck(),
      fpGet: db.prepare('SELECT f.signature, a.id, l.duplicate_of FROM fingerprints f JOIN articles a ON a.n = f.article LEFT JOIN article_links l ON l.article = f.article WHERE f.article = ?'),
      fpInsert: db.prepare('INSERT OR REPLACE INTO fingerprints(article, signature) VALUES (?, ?)'),
      // An article's band keys in one statement, not one call per band (bound directly: a JSON
      // array for json_each cost more to write and parse).
      fpBandInsert: db.prepare(`INSERT OR IGNORE INTO fingerprint_bands(key, article) VALUES ${Array(NEAR_DUP.bands).fill('(?, ?)').join(', ')}`),
      fpBandInsert1: db.prepare('INSERT OR IGNORE INTO fingerprint_bands(key, article) VALUES (?, ?)'),
      story: db.prepare(`INSERT INTO stories(id, thread, label, size, first, last, last_ms, centroid) VALUES (@id, @thread, @label, @size, @first, @last, @last_ms, @centroid)
        ON CONFLICT(id) DO UPDATE SET size = excluded.size, last_ms = excluded.last_ms, centroid = excluded.centroid,
          first = CASE WHEN first IS NULL OR excluded.first < first THEN excluded.first ELSE first END,
          last = CASE WHEN last IS NULL OR excluded.last > last THEN excluded.last ELSE last END`),
      thread: db.prepare(`INSERT INTO threads(id, label, size, last_ms, centroid) VALUES (@id, @label, @size, @last_ms, @centroid)
        ON CONFLICT(id) DO UPDATE SET size = excluded.size, last_ms = excluded.last_ms, centroid = excluded.centroid`),
      repoint: db.prepare('UPDATE article_links SET story = ? WHERE story = ?'),
      moveArticle: db.prepare('UPDATE article_links SET story = ? WHERE article = (SELECT n FROM articles WHERE id = ?)'),
      dropStory: db.prepare('DELETE FROM stories WHERE id = ?'),
      storyDates: db.prepare(`UPDATE stories SET first = (SELECT min(substr(a.published, 1, 10)) FROM article_links l JOIN articles a ON a.n = l.article WHERE l.story = ?),
        last = (SELECT max(substr(a.published, 1, 10)) FROM article_links l JOIN articles a ON a.n = l.article WHERE l.story = ?) WHERE id = ?`),
      personsBySurname: db.prepare('SELECT * FROM persons WHERE substr(surname, 1, 3) = substr(?, 1, 3) AND generic = 0'),
      personInsert: db.prepare('INSERT INTO persons(id, name, key, surname, first, roles, affiliations, variants, generic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      genericByKey: db.prepare('SELECT id FROM persons WHERE key = ? AND generic = 1'),
      personUpdate: db.prepare('UPDATE persons SET name = ?, first = ?, roles = ?, affiliations = ?, variants = ? WHERE id = ?'),
      personCount: db.prepare("SELECT value FROM kv WHERE key = 'persons'"),
      personCountSet: db.prepare("INSERT INTO kv(key, value) VALUES ('persons', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
    };
  }

  /**
   * Persons by the first three letters of the surname (as the `persons_surname` index keys them),
   * in row order, read once per prefix: matching a speaker read and parsed every candidate row
   * again (the largest share of linking after the stories). Kept in step with what `person` writes.
   */
  private persons = new Map<string, Person[]>();
  /** Unnamed sources' ids by label key (see `unnamed`), read once per key. */
  private generics = new Map<string, string>();

  /** After a failed transaction: forget in-memory state and read it back from the database. */
  reset(): void {
    this.persons.clear();
    this.generics.clear();
    this.pending.clear();
    this.df.reload();
    this.clusterer = loadClusterer(this.db, this.df);
  }

  /** Records the fingerprint and returns the id of the most similar earlier near-duplicate, if any. */
  nearDuplicate(n: number, fp: Fingerprint): string | undefined {
    // One key per band: band number in the high bits, the band's hash in the low 32.
    const keys = fp.bands.map((value, band) => band * 2 ** 32 + (value >>> 0));
    let best: { id: string; j: number } | undefined;
    for (const c of this.s.fpBands.all(...keys) as number[]) {
      const r = this.s.fpGet.get(c) as { signature: Buffer; id: string; duplicate_of: string | null };
      const j = jaccard(fp.signature, Array.from(new Uint32Array(r.signature.buffer, r.signature.byteOffset, r.signature.byteLength / 4)));
      if (j >= NEAR_DUP.minJaccard && (!best || j > best.j)) best = { id: r.duplicate_of ?? r.id, j };
    }
    this.s.fpInsert.run(n, Buffer.from(Uint32Array.from(fp.signature).buffer));
    if (keys.length === NEAR_DUP.bands) this.s.fpBandInsert.run(keys.flatMap((k) => [k, n]));
    else for (const k of keys) this.s.fpBandInsert1.run(k, n);
    return best?.id;
  }

  /** Label and date range of clusters changed in the current transaction, by id. */
  private pending = new Map<string, { label: string; first: string | null; last: string | null }>();

  /** Assigns the article to a story (and thread); `persist` writes the changed clusters. */
  assignStory(item: StoryItem, terms: Map<string, number>, label = storyLabel(item)): string {
    this.df.add(terms.keys());
    const { story, thread } = this.clusterer.assign(item, terms);
    const date = item.published?.slice(0, 10) ?? null;
    for (const id of [story, thread]) {
      const p = this.pending.get(id);
      if (!p) this.pending.set(id, { label, first: date, last: date });
      else if (date) {
        if (!p.first || date < p.first) p.first = date;
        if (!p.last || date > p.last) p.last = date;
      }
    }
    return story;
  }

  /** Re-clusters the articles that arrived since the last re-clustering and writes the moves. */
  settle(): void {
    this.clusterer.settle();
    this.persist();
  }

  /** Writes the clusters changed since the last call (once per transaction, not per article). */
  persist(): void {
    this.df.flush();
    for (const c of this.clusterer.touched()) {
      const p = this.pending.get(c.id) ?? { label: c.id, first: null, last: null };
      const row = { id: c.id, label: p.label, size: c.size, last_ms: Number.isFinite(c.last) ? c.last : null, centroid: centroidJson(c.centroid) };
      if (c.thread) this.s.story.run({ ...row, thread: c.thread, first: p.first, last: p.last });
      else this.s.thread.run(row);
    }
    // After the upserts, so a story created in this batch exists before articles are re-pointed to it.
    // Re-clustering moves single articles first; merges (by story) then apply on top of them.
    const { moves, emptied } = this.clusterer.takeMoves();
    const redate = new Set<string>();
    for (const [article, into] of moves) this.s.moveArticle.run(into, article), redate.add(into);
    for (const id of emptied) this.s.dropStory.run(id), redate.delete(id);
    for (const id of redate) this.s.storyDates.run(id, id, id);
    for (const [from, into] of this.clusterer.takeMerges()) {
      this.s.repoint.run(into, from);
      this.s.dropStory.run(from);
      this.s.storyDates.run(into, into, into);
    }
    this.pending.clear();
  }

  /** Merges the article's sources into persons; returns the person of each source and quote. */
  linkPersons(rows: Pick<PackedRows, 'people' | 'speakers'>): { sources: (string | null)[]; quotes: (string | null)[] } {
    const sources = rows.people.map(([name, role, affiliation, kind]) => this.person(name, role, affiliation, kind));
    const quotes = rows.speakers.map((s) => (typeof s === 'number' ? sources[s] : s === null ? null : this.person(s, '', '', '')));
    return { sources, quotes };
  }

  private person(name: string, role: string, affiliation: string, kind: string): string | null {
    // "Officials", "a spokesperson": counted under their label, never merged with a named person.
    const label = genericSource(name, kind);
    if (label !== undefined) return this.unnamed(label);
    const parts = nameParts(name);
    if (!parts.surname) return null;
    const candidates = this.personsLike(parts.surname);
    // Forms of address ("Mr.", "economist Dr.") are not roles worth listing; roles and affiliations are kept as first written.
    role = cleanRole(role);
    const found = matchPerson({ name, affiliation, role }, candidates);
    const add = (list: string[], v: string) => (v && !list.includes(v) ? [...list, v] : list);
    if (found) {
      // The longest name seen is the display name ("Keith Preston" over "Preston").
      const better = name.trim().length > found.name.length;
      const [roles, affiliations, variants] = [add(found.roles, role), add(found.affiliations, affiliation), add(found.variants, name.trim())];
      const first = found.first || parts.first;
      // Most mentions add nothing new (same name, role and affiliation as before): no write then.
      if (better || first !== found.first || roles !== found.roles || affiliations !== found.affiliations || variants !== found.variants) {
        this.s.personUpdate.run(better ? name.trim() : found.name, first, JSON.stringify(roles), JSON.stringify(affiliations), JSON.stringify(variants), found.id);
        Object.assign(found, { name: better ? name.trim() : found.name, first, roles, affiliations, variants });
      }
      return found.id;
    }
    const next = Number((this.s.personCount.get() as { value: string } | undefined)?.value ?? 0) + 1;
    this.s.personCountSet.run(String(next));
    const id = `p${next}`;
    const person: Person = { id, name: name.trim(), surname: parts.surname, first: parts.first, roles: add([], role), affiliations: add([], affiliation), variants: [name.trim()] };
    this.s.personInsert.run(id, person.name, parts.key, parts.surname, parts.first, JSON.stringify(person.roles), JSON.stringify(person.affiliations), JSON.stringify(person.variants), 0);
    candidates.push(person);
    return id;
  }

  /** The id of the unnamed source with this label ("officials"): one row per label, marked `generic`, with no surname to match on. */
  private unnamed(label: string): string {
    const key = nameKey(label);
    const known = this.generics.get(key) ?? (this.s.genericByKey.get(key) as { id: string } | undefined)?.id;
    if (known) {
      this.generics.set(key, known);
      return known;
    }
    const next = Number((this.s.personCount.get() as { value: string } | undefined)?.value ?? 0) + 1;
    this.s.personCountSet.run(String(next));
    const id = `p${next}`;
    this.s.personInsert.run(id, label, key, '', '', '[]', '[]', JSON.stringify([label]), 1);
    this.generics.set(key, id);
    return id;
  }

  /** The persons whose surname starts with the same three letters (see `persons`). */
  private personsLike(surname: string): Person[] {
    const prefix = /^[\x00-\x7f]*$/.test(surname) ? surname.slice(0, 3) : Array.from(surname).slice(0, 3).join('');
    let list = this.persons.get(prefix);
    if (!list) {
      list = (this.s.personsBySurname.all(prefix) as any[]).map((r): Person => ({
        id: r.id, name: r.name, surname: r.surname, first: r.first,
        roles: JSON.parse(r.roles), affiliations: JSON.parse(r.affiliations), variants: JSON.parse(r.variants),
      }));
      this.persons.set(prefix, list);
    }
    return list;
  }
}
