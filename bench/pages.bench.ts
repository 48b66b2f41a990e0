import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The API and the web app on an existing (large) corpus: `spinscope serve` started on it (time
 * until it serves, its RSS), every read endpoint timed (two calls; the server's peak RSS after
 * each), then every explorer page loaded in Chromium (playwright-core, /usr/bin/chromium) and
 * timed until its heading shows, with a screenshot in <out>. Run from the checkout to measure:
 *
 *   node --import tsx bench/pages.bench.ts .tmp/big.db [port] [out-dir]
 *
 * SPINSCOPE_BENCH_EXPORTS (comma-separated kinds, default stories,speakers,articles,quotes) which
 * exports to download.
 */
const [db, portArg, outArg] = process.argv.slice(2);
if (!db || !existsSync(db)) {
  process.stderr.write('usage: node --import tsx bench/pages.bench.ts <corpus.db> [port] [screenshot dir]\n');
  process.exit(2);
}
const port = Number(portArg ?? 8799);
const out = outArg ?? '.tmp/shots';
mkdirSync(out, { recursive: true });
const base = `http://127.0.0.1:${port}`;

// Filter values: the corpus's most common ones (read before the server opens it).
const ro = new Database(db, { readonly: true });
const one = (sql: string) => ro.prepare(sql).pluck().get() as string;
const outlet = one('SELECT outlet FROM articles WHERE n < 2000 GROUP BY outlet ORDER BY count(*) DESC LIMIT 1');
const technique = one('SELECT technique FROM techniques WHERE article < 2000 GROUP BY technique ORDER BY count(*) DESC LIMIT 1');
const story = one('SELECT id FROM stories ORDER BY size DESC LIMIT 1');
const speaker = one('SELECT person FROM quotes WHERE article < 2000 AND person IS NOT NULL GROUP BY person ORDER BY count(*) DESC LIMIT 1');
const article = one('SELECT id FROM articles WHERE n = (SELECT max(n) / 2 FROM articles)');
ro.close();

const rssMb = (pid: number, field = 'VmRSS') => {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

const t0 = performance.now();
const child = spawn(process.execPath, ['bin/spinscope.js', 'serve', '--db', db, '--port', String(port), '--workers', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  child.stdout.on('data', (b: Buffer) => { if (/is serving/.test(b.toString())) resolve(); });
  child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
});
const startMs = performance.now() - t0;
console.log(`serve ${db}: serving after ${startMs.toFixed(0)} ms, RSS ${rssMb(child.pid!).toFixed(0)} MB`);
console.log('| request | first ms | second ms | bytes | server peak RSS MB |');
console.log('|---|---|---|---|---|');
const q = encodeURIComponent;
const endpoints = [
  '/api/health', '/api/articles', `/api/articles?outlet=${q(outlet)}&technique=${q(technique)}`, `/api/articles/${article}`,
  '/api/stories?limit=100', `/api/stories/${story}`, '/api/speakers?limit=200', `/api/speakers/${speaker}`,
  '/api/search?q=government&limit=100', `/api/search?q=government&limit=100&outlet=${q(outlet)}&technique=${q(technique)}`, '/api/stats', `/api/stats?outlet=${q(outlet)}`, '/api/entities',
  '/api/export/stories?format=csv', '/api/export/speakers?format=jsonl', '/api/export/articles?format=jsonl', '/api/export/quotes?format=csv',
].filter((p) => !p.includes('/export/') || (process.env.SPINSCOPE_BENCH_EXPORTS ?? 'stories,speakers,articles,quotes').split(',').some((k) => p.includes(`/export/${k}?`)));
for (const path of endpoints) {
  const times: number[] = [];
  let bytes = 0;
  for (let k = 0; k < (path.includes('/export/') ? 1 : 2); k++) {
    const s = performance.now();
    const res = await fetch(base + path);
    // Read the body as it streams (do not hold it): bytes counted.
    const reader = res.body!.getReader();
    bytes = 0;
    for (;;) { const { done, value } = await reader.read(); if (done) break; bytes += value.byteLength; }
    times.push(performance.now() - s);
    if (!res.ok) console.log(`  ${path}: HTTP ${res.status}`);
  }
  console.log(`| ${path} | ${times[0].toFixed(0)} | ${times[1]?.toFixed(0) ?? ''} | ${bytes} | ${rssMb(child.pid!, 'VmHWM').toFixed(0)} |`);
}

// The web app's pages, each loaded afresh until its heading shows.
const { chromium } = await import('playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'spinscope-pages-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 }, args: ['--no-sandbox'] });
const page = context.pages()[0] ?? (await context.newPage());
const pages: Array<[string, string]> = [
  ['overview', '#/overview'], ['stories', '#/stories'], ['story (biggest)', `#/story/${story}`], ['speakers', '#/speakers'], ['speaker', `#/speaker/${speaker}`],
  ['search', '#/search?q=government'], ['search + facets', `#/search?q=government&outlet=${q(outlet)}&technique=${q(technique)}`], ['article', `#/article/${article}`],
];
console.log('| page | load ms | server peak RSS MB |');
console.log('|---|---|---|');
for (const [name, hash] of pages) {
  await page.goto('about:blank');
  const s = performance.now();
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction(() => !!document.querySelector('main h1') && !/Loading/i.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 600_000 });
  const ms = performance.now() - s;
  await page.screenshot({ path: join(out, `${name.replace(/[^\w]+/g, '-')}.png`) });
  console.log(`| ${name} (${hash.slice(0, 40)}) | ${ms.toFixed(0)} | ${rssMb(child.pid!, 'VmHWM').toFixed(0)} |`);
}
await context.close();
rmSync(profile, { recursive: true, force: true });
child.kill('SIGTERM');
