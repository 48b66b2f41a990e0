import Database from 'better-sqlite3';
import { SCALE_OUTLETS, SCALE_SECTIONS, SCALE_START } from './scale-corpus.js';

/**
 * Grows a corpus built by ingesting `scaleDocuments` to `target` articles by copying its analysed
 * articles in SQL, for query benchmarks at scale when analysing that many articles would take an
 * hour (the analysis, not the store, is the slow part of ingest). Copy g of the base article n is
 * article i = g × base + n − 1 of the scale corpus as far as metadata goes (outlet, section and date
 * from the same formulas as `scaleDocuments`, so dates run on at 150 a day); its text, layers,
 * entities, techniques, sources and quotes are the base article's (same persons: speakers get
 * more quotes, not more names); its stories are copies of the base article's stories under new ids
 * (a copy's story holds the copies of that story's articles), in the same threads; its id is the
 * base id's first 12 hex digits, 'x' and the copy number in three hex digits (not its text's hash: do not re-analyse
 * copies). Every table a query reads gets rows in proportion: articles, the full-text index,
 * layers, entities, techniques, sources, quotes, fingerprints and their bands, links and stories.
 *
 * @example
 * node --import tsx bench/scale-store.ts .tmp/big.db 100000
 */
export function amplifyStore(path: string, target: number, perDay = 150): { base: number; total: number } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  // The analysed articles (kept in kv, so a stopped run goes on with the next whole copy).
  const kept = db.prepare("SELECT value FROM kv WHERE key = 'amplify_base'").pluck().get() as string | undefined;
  const count = (db.prepare('SELECT count(*) c FROM articles').get() as { c: number }).c;
  const base = kept ? Number(kept) : count;
  if ((db.prepare('SELECT max(n) m FROM articles').get() as { m: number }).m !== count || count % base !== 0) throw new Error(`articles are not numbered 1..${count} in whole copies of ${base}: amplify a freshly ingested store`);
  db.prepare("INSERT OR REPLACE INTO kv(key, value) VALUES ('amplify_base', ?)").run(String(base));
  // Schema 8 cuts the indexed text at body_start (the full-text index's content is the view articles_search).
  const searchView = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'articles_search'").get() !== undefined;
  const cols = `title, author, url, findings, notices, analysis, analysis_key, ingested_at${searchView ? ', body_start' : ''}`;
  const s = {
    article: db.prepare(`INSERT INTO articles(n, id, text, outlet, section, published, meta, ${cols})
      SELECT @n, substr(id, 1, 12) || 'x' || printf('%03x', CAST(@g AS INTEGER)), text, @outlet, @section, @published,
        json_set(meta, '$.outlet', @outlet, '$.section', @section, '$.published', @published), ${cols} FROM articles WHERE n = @from`),
    fts: db.prepare(searchView
      ? 'INSERT INTO articles_fts(rowid, title, text) SELECT @n, title, text FROM articles_search WHERE n = @from'
      : 'INSERT INTO articles_fts(rowid, title, text) SELECT @n, coalesce(title, \'\'), text FROM articles WHERE n = @from'),
    layers: db.prepare('INSERT INTO article_layers(article, data) SELECT @n, data FROM article_layers WHERE article = @from'),
    entities: db.prepare('INSERT INTO entities(article, name, key, type, mentions) SELECT @n, name, key, type, mentions FROM entities WHERE article = @from ORDER BY rowid'),
    techniques: db.prepare('INSERT INTO techniques(article, technique, count) SELECT @n, technique, count FROM techniques WHERE article = @from ORDER BY rowid'),
    sources: db.prepare('INSERT INTO sources(article, seq, name, role, affiliation, place, kind, quotes, person) SELECT @n, seq, name, role, affiliation, place, kind, quotes, person FROM sources WHERE article = @from ORDER BY rowid'),
    quotes: db.prepare('INSERT INTO quotes(article, seq, start, "end", kind, speaker, person, text, techniques) SELECT @n, seq, start, "end", kind, speaker, person, text, techniques FROM quotes WHERE article = @from ORDER BY rowid'),
    fp: db.prepare('INSERT INTO fingerprints(article, signature) SELECT @n, signature FROM fingerprints WHERE article = @from'),
    // A whole copy at once: fingerprint_bands has no index by article (one scan per article made growing a store quadratic).
    bands: db.prepare('INSERT INTO fingerprint_bands(key, article) SELECT key, article + @offset FROM fingerprint_bands WHERE article <= @base'),
    links: db.prepare(`INSERT INTO article_links(article, story, duplicate_of) SELECT @n,
      CASE WHEN story IS NULL THEN NULL ELSE 's' || CAST(@g * 1000000 + CAST(substr(story, 2) AS INTEGER) AS INTEGER) END,
      CASE WHEN duplicate_of IS NULL THEN NULL ELSE substr(duplicate_of, 1, 12) || 'x' || printf('%03x', CAST(@g AS INTEGER)) END FROM article_links WHERE article = @from`),
  };
  const day = (i: number) => new Date(SCALE_START + Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
  let total = count;
  for (let g = count / base; total < target; g++) {
    db.transaction(() => {
      for (let from = 1; from <= base && total < target; from++) {
        const i = g * base + from - 1;
        const p = { n: i + 1, from, g, outlet: SCALE_OUTLETS[(i * 7 + (i >> 5)) % SCALE_OUTLETS.length], section: SCALE_SECTIONS[(i * 5 + (i >> 3)) % SCALE_SECTIONS.length], published: day(i) };
        s.article.run(p);
        for (const k of ['fts', 'layers', 'entities', 'techniques', 'sources', 'quotes', 'fp', 'links'] as const) s[k].run({ n: p.n, from, ...(k === 'links' ? { g } : {}) });
        total++;
      }
      // Bands of the copies made (a last, partial copy has fewer articles).
      s.bands.run({ offset: g * base, base: total - g * base });
      // The copies' stories: the base stories under new ids, sized, dated and timed by their copied articles.
      db.prepare(`INSERT INTO stories(id, thread, label, size, first, last, last_ms, centroid)
        SELECT 's' || CAST(? * 1000000 + CAST(substr(s.id, 2) AS INTEGER) AS INTEGER), s.thread, s.label, x.size, x.first, x.last, unixepoch(x.last) * 1000.0, s.centroid
        FROM stories s JOIN (SELECT l.story, count(*) size, min(substr(a.published, 1, 10)) first, max(substr(a.published, 1, 10)) last
          FROM article_links l JOIN articles a ON a.n = l.article WHERE l.article > ? GROUP BY l.story) x ON x.story = 's' || CAST(? * 1000000 + CAST(substr(s.id, 2) AS INTEGER) AS INTEGER)`).run(g, g * base, g);
    })();
    process.stderr.write(`amplify: copy ${g} done, ${total} articles\n`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { base, total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, target] = process.argv.slice(2);
  const t0 = performance.now();
  const r = amplifyStore(path, Number(target));
  process.stderr.write(`amplify: ${r.base} analysed articles grown to ${r.total} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
