// Cross-validation of a learned block classifier as a second opinion on the rule body (issue 3;
// negative result, see models/extract-blocks.md). For every page of wcxb-dev the strict blocks
// get features (src/ingest/html/block-model.ts) and a label: the share of their words inside a
// word 4-gram of the reference body. A binary logistic model (src/learn trainSoftLogistic,
// seeded) is trained with k folds over the tune half's sites (out-of-fold probabilities) and on
// the whole tune half for the check half; then the rule body is changed by the model — kept
// blocks below a threshold dropped, blocks between the body's first and last block above a
// threshold added — and body P/R/F1 (page averages, as npm run eval:extract) are printed.
// Usage: node --import tsx scripts/block-model-cv.ts [--k 5] [--l2 1e-3] [--kept] [--generic] [--bow]
//   --kept     train on the rule body's blocks only (a drop model)
//   --generic  leave out class/id-name parts and first words (site-specific features)
//   --bow      add the block's words (first 40, hashed)
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { decodeHtml } from '../src/ingest/html/charset.js';
import { parsePage } from '../src/ingest/html/dom.js';
import { extractMeta } from '../src/ingest/html/metadata.js';
import { extractBody } from '../src/ingest/html/content.js';
import { blockFeatures, rulePlaces } from '../src/ingest/html/block-model.js';
import { fnv1a, trainSoftLogistic } from '../src/learn/index.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { shingles, words } from './shingles.js';

const missing = needsShared('data/wcxb-dev');
if (missing) {
  console.error(missing);
  process.exit(1);
}
const args = process.argv.slice(2);
const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const K = Number(opt('--k', '5'));
const bits = 18;
const mask = (1 << bits) - 1;
const train = { epochs: 10, l2: Number(opt('--l2', '1e-3')), rate: 0.2, bits, seed: 1 };
const SITE_SPECIFIC = ['c0', 'c1', 'c2', 'ca', 'w0', 'w01'];

interface Page { split: 'tune' | 'check'; host: string; truth: Set<string>; texts: string[]; kept: boolean[]; inside: boolean[]; cover: number[]; rows: Uint32Array[] | null }

const dir = join(DATA_DIR, 'wcxb-dev');
const ids = readdirSync(join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const pages: Page[] = [];
let featureMs = 0;
ids.forEach((id, i) => {
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth', `${id}.json`), 'utf8'));
  const t = gt.ground_truth;
  if (!t?.main_content) return;
  const page = parsePage(decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)))).html);
  const meta = extractMeta(page, gt.url);
  const res = extractBody(page.root, meta.heading ?? meta.title, meta.author);
  const split = i % 2 === 0 ? 'tune' : 'check';
  const host = new URL(gt.url).hostname;
  const truth = shingles(t.main_content);
  if (!res.candidates) {
    // Lenient and later stages: the rule body stands.
    const texts = res.blocks.filter((b) => !b.caption).map((b) => b.text);
    pages.push({ split, host, truth, texts, kept: texts.map(() => true), inside: texts.map(() => false), cover: [], rows: null });
    return;
  }
  const blocks = res.candidates.filter((b) => !b.caption);
  const place = rulePlaces(blocks, new Set(res.blocks));
  const t0 = performance.now();
  const feats = blockFeatures(blocks, place, res.stage);
  featureMs += performance.now() - t0;
  // Label: share of the block's words inside a 4-gram of the page's running text that the reference has.
  const ws: string[] = [];
  const own: number[] = [];
  blocks.forEach((b, j) => {
    for (const w of words(b.text)) {
      ws.push(w);
      own.push(j);
    }
  });
  const covered = new Uint8Array(ws.length);
  for (let k = 0; k + 4 <= ws.length; k++) if (truth.has(ws.slice(k, k + 4).join(' '))) covered.fill(1, k, k + 4);
  const total = new Array<number>(blocks.length).fill(0);
  const hit = new Array<number>(blocks.length).fill(0);
  for (let k = 0; k < ws.length; k++) {
    total[own[k]]++;
    hit[own[k]] += covered[k];
  }
  const rows = feats.map((f, j) => {
    const kept = args.includes('--generic') ? f.filter((x) => !SITE_SPECIFIC.includes(x.slice(0, x.indexOf('=')))) : f;
    const out = kept.map((x) => fnv1a(x) & mask);
    if (args.includes('--bow')) for (const w of new Set(words(blocks[j].text).slice(0, 40))) out.push(fnv1a(`bw=${w}`) & mask);
    return Uint32Array.from(out);
  });
  pages.push({ split, host, truth, texts: blocks.map((b) => b.text), kept: place.map((p) => p === 'kept'), inside: place.map((p) => p === 'inside'), cover: blocks.map((_, j) => (total[j] ? hit[j] / total[j] : 0)), rows });
});

const tune = pages.filter((p) => p.split === 'tune');
const check = pages.filter((p) => p.split === 'check');
const hosts = [...new Set(tune.map((p) => p.host))].sort();
const foldOf = new Map(hosts.map((h, i) => [h, i % K]));
const prob = new Map<Page, number[]>();
const fit = (ps: Page[]) => {
  const rows: Uint32Array[] = [];
  const ys: number[] = [];
  for (const p of ps) p.rows?.forEach((r, j) => {
    if (args.includes('--kept') && !p.kept[j]) return;
    rows.push(r);
    ys.push(p.cover[j] >= 0.5 ? 1 : 0);
  });
  const w = trainSoftLogistic(rows, ys, train).weights;
  return (r: Uint32Array) => {
    let z = 0;
    for (const x of r) z += w[x * 2 + 1];
    return 1 / (1 + Math.exp(-z));
  };
};
for (let k = 0; k < K; k++) {
  const model = fit(tune.filter((p) => foldOf.get(p.host) !== k));
  for (const p of tune) if (foldOf.get(p.host) === k && p.rows) prob.set(p, p.rows.map(model));
}
const full = fit(tune);
for (const p of check) if (p.rows) prob.set(p, p.rows.map(full));

function score(ps: Page[], keep: (p: Page, j: number) => boolean) {
  let P = 0;
  let R = 0;
  for (const p of ps) {
    const a = shingles(p.texts.filter((_, j) => keep(p, j)).join('\n\n'));
    let c = 0;
    for (const s of a) if (p.truth.has(s)) c++;
    if (a.size === 0 || p.truth.size === 0) {
      P += a.size === p.truth.size ? 1 : 0;
      R += a.size === p.truth.size ? 1 : 0;
    } else {
      P += c / a.size;
      R += c / p.truth.size;
    }
  }
  P /= ps.length;
  R /= ps.length;
  return `P ${P.toFixed(4)} R ${R.toFixed(4)} F1 ${(P + R ? (2 * P * R) / (P + R) : 0).toFixed(4)}`;
}
const both = (name: string, keep: (p: Page, j: number) => boolean) => console.log(`${name.padEnd(26)} tune (out-of-fold) ${score(tune, keep)} | check ${score(check, keep)}`);
console.log(`${pages.length} pages, ${K} folds over ${hosts.length} tune sites; features ${(featureMs / pages.length).toFixed(2)} ms/page`);
both('rules', (p, j) => p.kept[j]);
both('oracle drop', (p, j) => p.kept[j] && (!p.rows || p.cover[j] >= 0.5));
for (const t of [0.1, 0.2, 0.3, 0.4, 0.5]) both(`drop kept below ${t}`, (p, j) => p.kept[j] && (!prob.has(p) || prob.get(p)![j] >= t));
if (!args.includes('--kept')) for (const t of [0.5, 0.8, 0.95]) both(`add inside above ${t}`, (p, j) => p.kept[j] || (p.inside[j] && prob.get(p)![j] > t));
