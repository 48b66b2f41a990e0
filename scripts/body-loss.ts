// Error classes of the body extractor on a half of wcxb-dev: sums, over the pages, the share of
// precision lost to each kind of wrongly kept block (code, table, list item, heading, before the
// first / after the last true block …) and the share of recall lost to each cause of a missed
// block (furniture by tag / class / hidden / role, outside the chosen range, dropped inside it by
// a link-density or furniture-line rule). Points are in F-scale units (0.01 = one point of P or R).
// Usage: node --import tsx scripts/body-loss.ts [--split tune|check] [--top N] [--cat NAME]
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { decodeHtml } from '../src/ingest/html/charset.js';
import { parsePage, type El } from '../src/ingest/html/dom.js';
import { extractMeta } from '../src/ingest/html/metadata.js';
import { collectBlocks, extractBody, isJunk, type Block } from '../src/ingest/html/content.js';
import * as K from '../src/ingest/html/constants.js';
import { DATA_DIR } from '../src/testing/shared.js';
import { shingles, words } from './shingles.js';

const dir = join(DATA_DIR, 'wcxb-dev');
const args = process.argv.slice(2);
const opt = (k: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const split = opt('--split') ?? 'tune';
const top = Number(opt('--top') ?? 8);
const showCat = opt('--cat');

function ancestorTag(el: El, tags: string[]): string | undefined {
  for (let e: El | null = el; e; e = e.parent) if (tags.includes(e.tag)) return e.tag;
  return undefined;
}

function precisionCat(b: Block, pos: 'before' | 'after' | 'inside'): string {
  if (pos !== 'inside') return `boundary-${pos}`;
  if (b.heading) return 'heading';
  const a = ancestorTag(b.el, ['pre', 'code', 'table', 'blockquote', 'li', 'dl', 'figure']);
  if (a === 'code' || a === 'pre') return 'code';
  if (a) return a;
  return 'para';
}

function junkCause(el: El): string {
  for (let e: El | null = el; e && e.tag !== '#root'; e = e.parent) {
    if (!isJunk(e, false, Infinity)) continue;
    if (K.JUNK_TAGS.has(e.tag)) return `junk-tag:${e.tag}`;
    if (e.attrs.role && K.JUNK_ROLES.has(e.attrs.role.toLowerCase())) return `junk-role`;
    if (e.attrs.hidden !== undefined || e.attrs['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(e.attrs.style ?? '')) return 'junk-hidden';
    const names = `${e.attrs.class ?? ''} ${e.attrs.id ?? ''}`.trim();
    return process.env.BY_TOKEN ? `junk-class:${names.split(/\s+/).find((t) => K.JUNK_CLASS.test(t)) ?? 'part:' + names.slice(0, 40)}` : 'junk-class';
  }
  return 'junk-other';
}

const ids = readdirSync(join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const pLoss = new Map<string, number>();
const rLoss = new Map<string, number>();
const examples = new Map<string, { id: string; v: number; text: string }[]>();
let pages = 0;
const add = (m: Map<string, number>, k: string, v: number, id: string, text: string) => {
  m.set(k, (m.get(k) ?? 0) + v);
  const ex = examples.get(k) ?? [];
  ex.push({ id, v, text });
  examples.set(k, ex);
};
ids.forEach((id, i) => {
  if ((i % 2 === 0 ? 'tune' : 'check') !== split) return;
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth', `${id}.json`), 'utf8'));
  const t = gt.ground_truth;
  if (!t?.main_content) return;
  pages++;
  const page = parsePage(decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)))).html);
  const meta = extractMeta(page, gt.url);
  const res = extractBody(page.root, meta.title, meta.author);
  const body = res.blocks.filter((b) => !b.caption);
  const truth = shingles(t.main_content);
  const pred = shingles(body.map((b) => b.text).join('\n\n'));
  if (!pred.size || !truth.size) return;
  // Precision: shingles of each kept block absent from the truth.
  const good = body.map((b) => [...shingles(b.text)].some((s) => truth.has(s)));
  const firstGood = good.indexOf(true);
  const lastGood = good.lastIndexOf(true);
  // Each 4-gram of the body's running text belongs to the block of its first word.
  const bw: string[] = [];
  const bo: number[] = [];
  body.forEach((b, j) => {
    for (const w of words(b.text)) {
      bw.push(w);
      bo.push(j);
    }
  });
  const seen = new Set<string>();
  const fp = new Array<number>(body.length).fill(0);
  if (bw.length < 4) fp[0] = truth.has(bw.join(' ')) ? 0 : 1;
  for (let k = 0; k + 4 <= bw.length; k++) {
    const s = bw.slice(k, k + 4).join(' ');
    if (seen.has(s)) continue;
    seen.add(s);
    if (!truth.has(s)) fp[bo[k]]++;
  }
  body.forEach((b, j) => {
    if (!fp[j]) return;
    const pos = firstGood < 0 ? 'inside' : j < firstGood ? 'before' : j > lastGood ? 'after' : 'inside';
    add(pLoss, precisionCat(b, pos), fp[j] / pred.size, id, b.text.slice(0, 100));
  });
  // Recall: missed truth shingles, by the lenient block that holds them.
  // Every text of the page: furniture tags and roles kept too (restored after).
  const tags = [...K.JUNK_TAGS];
  const roles = [...K.JUNK_ROLES];
  K.JUNK_TAGS.clear();
  K.JUNK_ROLES.clear();
  const lenient = collectBlocks(page.root, true).blocks;
  tags.forEach((x) => K.JUNK_TAGS.add(x));
  roles.forEach((x) => K.JUNK_ROLES.add(x));
  const strictEls = new Set(collectBlocks(page.root, false).blocks.map((b) => b.el));
  const lo = body.length ? Math.min(...body.map((b) => b.el.pre)) : 0;
  const hi = body.length ? Math.max(...body.map((b) => b.el.pre)) : -1;
  const keptEls = new Set(body.map((b) => b.el));
  const where = new Map<string, Block>();
  // Shingles of the page's running text (crossing block boundaries too), each with the block its first word is in.
  const ws: string[] = [];
  const owner: Block[] = [];
  for (const b of lenient) for (const w of words(b.text)) {
    ws.push(w);
    owner.push(b);
  }
  for (const b of lenient) for (const s of shingles(b.text)) if (!where.has(s)) where.set(s, b);
  for (let k = 0; k + 4 <= ws.length; k++) {
    const s = ws.slice(k, k + 4).join(' ');
    if (!where.has(s)) where.set(s, owner[k]);
  }
  const missByBlock = new Map<Block | null, number>();
  for (const s of truth) if (!pred.has(s)) {
    const b = where.get(s) ?? null;
    missByBlock.set(b, (missByBlock.get(b) ?? 0) + 1);
  }
  for (const [b, n] of missByBlock) {
    let cause: string;
    if (!b) cause = 'not-in-page-blocks';
    else if (keptEls.has(b.el)) cause = 'split-or-join';
    else if (!strictEls.has(b.el)) cause = junkCause(b.el);
    else if (b.el.pre < lo || b.el.pre > hi) cause = b.el.pre < lo ? 'outside-before' : 'outside-after';
    else {
      const ld = b.text.length ? b.linkChars / b.text.length : 0;
      cause = b.heading ? 'inside-heading' : ld > K.MAX_LINK_DENSITY || (b.text.length < K.SHORT_BLOCK_CHARS && ld > K.SHORT_LINK_DENSITY) ? 'inside-linkdense' : 'inside-other';
    }
    add(rLoss, cause, n / truth.size, id, b ? b.text.slice(0, 100) : '');
  }
});
const show = (name: string, m: Map<string, number>) => {
  console.log(`\n${name} (points of ${name === 'precision' ? 'P' : 'R'} lost, averaged over ${pages} pages)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1])) {
    const ex = examples.get(k)!;
    const byPage = new Map<string, number>();
    for (const e of ex) byPage.set(e.id, (byPage.get(e.id) ?? 0) + e.v);
    const worst = [...byPage].sort((a, b) => b[1] - a[1]).slice(0, top).map(([id, v]) => `${id}:${(100 * v / pages).toFixed(2)}`).join(' ');
    console.log(`  ${k.padEnd(22)} ${(100 * v / pages).toFixed(3)}  pages ${byPage.size}  ${worst}`);
    if (showCat === k) for (const e of ex.sort((a, b) => b.v - a.v).slice(0, 40)) console.log(`      ${e.id} ${(100 * e.v / pages).toFixed(3)} ${JSON.stringify(e.text)}`);
  }
};
show('precision', pLoss);
show('recall', rLoss);
