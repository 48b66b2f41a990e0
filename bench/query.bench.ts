import { existsSync, statSync } from 'node:fs';
import { openSqliteStore, type SqliteStore } from '../src/corpus/sqlite/store.js';
import type { ArticleFilter, ExportKind } from '../src/corpus/store.js';
import { EXPORT_KINDS } from '../src/corpus/store.js';
import { nameKey } from '../src/corpus/derive.js';

/**
 * Query latency at scale: every read a user makes (list, search with each facet filter and
 * combinations, stats, stories, speakers, export) timed on an existing corpus, first call (cold
 * statement cache, warm OS cache) and the median of the next ones, with the process's peak RSS
 * while it ran. Build a large corpus first (see bench/scale-store.ts), then:
 *
 *   node --import tsx bench/query.bench.ts .tmp/big.db [name-filter]
 *
 * Filter values (outlet, technique, entity, speaker, story) are the corpus's most common ones.
 * SPINSCOPE_BENCH_REPEAT (default 3) calls per query; SPINSCOPE_BENCH_EXPORTS (comma-separated
 * kinds, default all) which exports to stream.
 */
const [path, only] = process.argv.slice(2);
if (!path || !existsSync(path)) {
  process.stderr.write('usage: node --import tsx bench/query.bench.ts <corpus.db> [name-filter]\n');
  process.exit(2);
}
const REPEAT = Number(process.env.SPINSCOPE_BENCH_REPEAT ?? 3);

const t0 = performance.now();
const store: SqliteStore = openSqliteStore(path, { readonly: true });
const openMs = performance.now() - t0;
const db = store.db;
const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as T;
const articles = one<number>('SELECT count(*) FROM articles');
const outlet = one<string>('SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC LIMIT 1');
const section = one<string>('SELECT section FROM articles WHERE section IS NOT NULL GROUP BY section ORDER BY count(*) DESC LIMIT 1');
const technique = one<string>('SELECT technique FROM techniques GROUP BY technique ORDER BY count(*) DESC LIMIT 1');
const rareTechnique = one<string>('SELECT technique FROM techniques GROUP BY technique ORDER BY count(*) LIMIT 1');
const entity = one<string>('SELECT name FROM entities WHERE key = (SELECT key FROM entities GROUP BY key ORDER BY count(*) DESC LIMIT 1) LIMIT 1');
const speaker = one<string>('SELECT person FROM quotes WHERE person IS NOT NULL GROUP BY person ORDER BY count(*) DESC LIMIT 1');
const speakerName = one<string>('SELECT name FROM persons WHERE id = ?', speaker);
const story = one<string>('SELECT id FROM stories ORDER BY size DESC LIMIT 1');
const smallStory = one<string>('SELECT id FROM stories WHERE size BETWEEN 2 AND 20 ORDER BY size DESC LIMIT 1') ?? story;
const days = db.prepare('SELECT min(published) lo, max(published) hi FROM articles').get() as { lo: string; hi: string };
const month = days.hi.slice(0, 7);
const common = 'government';
const rare = '"power grid"';

type Case = [name: string, run: () => Promise<unknown> | unknown];
const f = (x: ArticleFilter) => x;
const cases: Case[] = [
  ['list articles', () => store.listArticles(f({}))],
  ['list articles, offset 20,000', () => store.listArticles(f({ offset: 20_000 }))],
  ['list articles, outlet', () => store.listArticles(f({ outlet }))],
  ['list articles, section', () => store.listArticles(f({ section }))],
  ['list articles, one month', () => store.listArticles(f({ from: month, to: month }))],
  ['list articles, technique', () => store.listArticles(f({ technique }))],
  ['list articles, rare technique', () => store.listArticles(f({ technique: rareTechnique }))],
  ['list articles, entity', () => store.listArticles(f({ entity }))],
  ['list articles, speaker id', () => store.listArticles(f({ speaker }))],
  ['list articles, speaker name', () => store.listArticles(f({ speaker: speakerName }))],
  ['list articles, story (biggest)', () => store.listArticles(f({ story }))],
  ['list articles, outlet+technique+month', () => store.listArticles(f({ outlet, technique, from: month, to: month }))],
  [`search "${common}"`, () => store.search(common)],
  [`search ${rare}`, () => store.search(rare)],
  ['search, outlet', () => store.search(common, { outlet })],
  ['search, section', () => store.search(common, { section })],
  ['search, one month', () => store.search(common, { from: month, to: month })],
  ['search, technique', () => store.search(common, { technique })],
  ['search, entity', () => store.search(common, { entity })],
  ['search, speaker', () => store.search(common, { speaker })],
  ['search, story', () => store.search(common, { story })],
  ['search, outlet+technique+month', () => store.search(common, { outlet, technique, from: month, to: month })],
  ['search, offset 1,000', () => store.search(common, { offset: 1000 })],
  ['stats (overview)', () => store.stats()],
  ['stats, outlet', () => store.stats({ outlet })],
  ['stats, one month', () => store.stats({ from: month, to: month })],
  ['stats, technique', () => store.stats({ technique })],
  ['stories (first 100)', () => store.listStories({ limit: 100 })],
  ['stories, outlet', () => store.listStories({ outlet, limit: 20 })],
  ['story (biggest)', () => store.getStory(story)],
  ['story (small)', () => store.getStory(smallStory)],
  ['speakers (first 200)', () => store.listSpeakers({ limit: 200 })],
  ['speakers, query', () => store.listSpeakers({ query: speakerName.split(' ').pop(), limit: 200 })],
  ['speakers, outlet', () => store.listSpeakers({ outlet, limit: 20 })],
  ['speaker (most quoted)', () => store.getSpeaker(speaker)],
  ['article', () => store.getArticle(one<string>('SELECT id FROM articles WHERE n = (SELECT max(n) / 2 FROM articles)'))],
  ['info', () => store.info()],
];

const rss = () => process.memoryUsage().rss / 1048576;
let peak = rss();
const sampler = setInterval(() => (peak = Math.max(peak, rss())), 10);
const fileMb = [path, path + '-wal'].reduce((s, p) => s + (existsSync(p) ? statSync(p).size : 0), 0) / 1048576;
console.log(`corpus ${path}: ${articles.toLocaleString('en')} articles, ${fileMb.toFixed(0)} MB (${(fileMb * 1024 / articles).toFixed(1)} KB/article); opened read-only in ${openMs.toFixed(0)} ms`);
console.log(`filters: outlet=${outlet} section=${section} technique=${technique} rare=${rareTechnique} entity=${entity} speaker=${speaker} (${speakerName}) story=${story} month=${month}`);
console.log('| query | first ms | median ms | median CPU ms | rows | peak RSS MB |');
console.log('|---|---|---|---|---|---|');
const size = (r: any) => (r && typeof r === 'object' ? ('items' in r ? `${r.items.length} of ${r.total}` : 'articles' in r && Array.isArray(r.articles) ? `${r.articles.length} articles` : 'perDay' in r ? `${r.perDay.length} days` : '') : '');
for (const [name, run] of cases) {
  if (only && !name.includes(only)) continue;
  peak = rss();
  const times: number[] = [];
  // CPU time (this process: the queries run on the main thread): steadier than wall time on a busy machine.
  const cpus: number[] = [];
  let result: unknown;
  for (let k = 0; k < REPEAT; k++) {
    const s = performance.now();
    const c = process.cpuUsage();
    result = await run();
    const d = process.cpuUsage(c);
    times.push(performance.now() - s);
    cpus.push((d.user + d.system) / 1000);
  }
  const median = (xs: number[]) => { const rest = xs.slice(1).sort((a, b) => a - b); return rest[Math.floor(rest.length / 2)] ?? xs[0]; };
  console.log(`| ${name} | ${times[0].toFixed(0)} | ${median(times).toFixed(0)} | ${median(cpus).toFixed(0)} | ${size(result)} | ${Math.max(peak, rss()).toFixed(0)} |`);
}
// Exports: rows streamed and thrown away; memory must stay flat whatever the corpus size.
const EXPORTS = (process.env.SPINSCOPE_BENCH_EXPORTS ?? EXPORT_KINDS.join(',')).split(',').filter(Boolean);
for (const kind of EXPORT_KINDS as readonly ExportKind[]) {
  if ((only && !`export ${kind}`.includes(only)) || !EXPORTS.includes(kind)) continue;
  global.gc?.();
  peak = rss();
  const s = performance.now();
  let rows = 0;
  let firstMs = 0;
  for await (const _ of store.exportRecords(kind)) if (rows++ === 0) firstMs = performance.now() - s;
  console.log(`| export ${kind} (first row after ${firstMs.toFixed(0)} ms) | ${(performance.now() - s).toFixed(0)} | | | ${rows} rows | ${peak.toFixed(0)} |`);
}
clearInterval(sampler);
await store.close();
void nameKey;
