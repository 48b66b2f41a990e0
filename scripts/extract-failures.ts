// Failure analysis for the HTML extractor on the tuning half of wcxb-dev (even positions):
// lists the worst pages by body F1 with the text lost (true paragraphs mostly missing from the
// prediction) and the text added (predicted paragraphs mostly absent from the truth), the
// ground truth's with[]/without[] checks that fail, and title/date misses.
// Usage: node --import tsx scripts/extract-failures.ts [--worst N] [--split tune|check] [--id ID]
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { extractHtml } from '../src/ingest/html/index.js';
import { DATA_DIR } from '../src/testing/shared.js';
import { shingleScores, shingles, words } from './shingles.js';

const dir = join(DATA_DIR, 'wcxb-dev');
const args = process.argv.slice(2);
const opt = (k: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const worst = Number(opt('--worst') ?? 20);
const split = opt('--split') ?? 'tune';
const onlyId = opt('--id');
const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const cut = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Share of a paragraph's shingles found in the other text's shingle set. */
function covered(par: string, other: Set<string>): number {
  const s = shingles(par);
  if (s.size === 0) return 1;
  let n = 0;
  for (const x of s) if (other.has(x)) n++;
  return n / s.size;
}

const ids = readdirSync(join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const rows: { id: string; f1: number; p: number; r: number; lost: string[]; added: string[]; withMiss: string[]; withoutHit: string[]; stage: string }[] = [];
const titles: string[] = [];
const dates: string[] = [];
ids.forEach((id, i) => {
  if ((i % 2 === 0 ? 'tune' : 'check') !== split && !onlyId) return;
  if (onlyId && id !== onlyId) return;
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth', `${id}.json`), 'utf8'));
  const t = gt.ground_truth;
  if (!t?.main_content) return;
  const page = extractHtml(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))));
  const { p, r } = shingleScores(page.body, t.main_content);
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const got = shingles(page.body);
  const want = shingles(t.main_content);
  const lost = String(t.main_content).split(/\n+/).filter((x) => words(x).length >= 4 && covered(x, got) < 0.5).map((x) => cut(x));
  const added = page.body.split(/\n+/).filter((x) => words(x).length >= 4 && covered(x, want) < 0.5).map((x) => cut(x));
  const lb = norm(page.body).toLowerCase();
  const withMiss = (t.with ?? []).filter((w: string) => !lb.includes(norm(w).toLowerCase()));
  const withoutHit = (t.without ?? []).filter((w: string) => lb.includes(norm(w).toLowerCase()));
  rows.push({ id, f1, p, r, lost, added, withMiss, withoutHit, stage: `${page.stage} ${(page.doc.meta.extraction as { tries: string[] }).tries.join(',')}` });
  const src = (page.doc.meta.extraction as { sources: Record<string, string> }).sources;
  if (t.title && norm(page.doc.meta.title) !== norm(t.title)) titles.push(`${id} [${src.title}] got ${JSON.stringify(page.doc.meta.title)}\n      want ${JSON.stringify(t.title)}`);
  const wd = t.publish_date ? String(t.publish_date).slice(0, 10) : undefined;
  if (wd && (page.doc.meta.published ?? '').slice(0, 10) !== wd) dates.push(`${id} [${src.published}] got ${page.doc.meta.published} want ${wd}  ${gt.url}`);
});
rows.sort((a, b) => a.f1 - b.f1);
for (const x of rows.slice(0, worst)) {
  console.log(`\n== ${x.id} F1 ${x.f1.toFixed(3)} P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} (${x.stage})`);
  for (const l of x.lost.slice(0, 8)) console.log(`  - ${l}`);
  if (x.lost.length > 8) console.log(`  - … ${x.lost.length - 8} more lost`);
  for (const a of x.added.slice(0, 8)) console.log(`  + ${a}`);
  if (x.added.length > 8) console.log(`  + … ${x.added.length - 8} more added`);
  for (const w of x.withMiss) console.log(`  with-miss: ${cut(w, 100)}`);
  for (const w of x.withoutHit) console.log(`  without-hit: ${cut(w, 100)}`);
}
const wm = rows.filter((x) => x.withMiss.length).length;
const wh = rows.filter((x) => x.withoutHit.length).length;
console.log(`\npages ${rows.length}; with[] misses on ${wm} pages; without[] hits on ${wh} pages`);
if (args.includes('--titles')) console.log(`\nTITLES (${titles.length})\n${titles.join('\n')}`);
if (args.includes('--dates')) console.log(`\nDATES (${dates.length})\n${dates.join('\n')}`);
