// npm run train:extract — trains the block classifier of the HTML extractor (models/extract-blocks.spnm)
// on the even pages of ../shared/data/wcxb-dev (the tuning half of scripts/eval-extract.ts).
// Labels: a block is body when most of its words lie in a word 4-gram of the ground-truth text
// (read in the page's block order, so short blocks such as headings and table cells are judged in
// context). Examples are weighted by the block's share of the page's words: the metric averages
// per page, so a block counts for what it does to its page's precision and recall.
// Options: --cv (2-fold cross-validation over the even pages: body F1 per threshold, no model
// written), --check (also score the odd pages with the trained model, the held-out half).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { hashFeatures, probabilities, trainLogisticHashed, type Classifier, type HashedExample } from '../src/learn/index.js';
import { decodeHtml } from '../src/ingest/html/charset.js';
import { parsePage } from '../src/ingest/html/dom.js';
import { extractMeta } from '../src/ingest/html/metadata.js';
import { extractBody } from '../src/ingest/html/content.js';
import { blockFeatures, candidates, MODELS_DIR } from '../src/ingest/html/learned.js';
import { BLOCK_MODEL } from '../src/ingest/html/constants.js';
import { DATA_DIR } from '../src/testing/shared.js';
import { shingleScores, shingles, words } from './shingles.js';

const args = process.argv.slice(2);
const OPTIONS = { epochs: 8, bits: 18, seed: 1, rate: 0.1, l2: 1e-6 };
const GRID = process.env.GRID ? (JSON.parse(process.env.GRID) as Partial<typeof OPTIONS>[]) : [{}];
const THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

const WITHIN = args.includes('--within');
interface Page {
  rule: boolean[];
  id: string; truth: string; texts: string[]; captions: boolean[]; labels: boolean[]; weights: number[]; ruleBody: string;
  /** Per block: hashed features without class words, and the class-word features apart (filtered by the vocabulary). */
  base: Uint32Array[]; classFeatures: string[][];
  /** Per block: hashed features with the current vocabulary's class words. */
  buckets: Uint32Array[];
}
const isClassFeature = (f: string) => /^c[02f]=/.test(f);
const classWord = (f: string) => f.slice(3);

/** Class words found on at least BLOCK_MODEL.minClassPages of the pages. */
function classVocabulary(pages: readonly Page[]): Set<string> {
  const df = new Map<string, number>();
  for (const p of pages) for (const w of new Set(p.classFeatures.flat().map(classWord))) df.set(w, (df.get(w) ?? 0) + 1);
  return new Set([...df].filter(([, n]) => n >= BLOCK_MODEL.minClassPages).map(([w]) => w).sort());
}

/** Sets each page's buckets to its base features plus the class words of `vocab`. */
function useVocabulary(pages: readonly Page[], vocab: ReadonlySet<string>): void {
  for (const p of pages) {
    p.buckets = p.base.map((b, k) => {
      const extra = hashFeatures(p.classFeatures[k].filter((f) => vocab.has(classWord(f))), OPTIONS.bits);
      const out = new Uint32Array(b.length + extra.length);
      out.set(b);
      out.set(extra, b.length);
      return out;
    });
  }
}

/** Per block: most of its words are covered by a true 4-gram (in block order). */
export function coverageLabels(texts: readonly string[], truth: Set<string>): boolean[] {
  const toks: string[] = [];
  const owner: number[] = [];
  texts.forEach((t, i) => { for (const w of words(t)) { toks.push(w); owner.push(i); } });
  const cov = new Uint8Array(toks.length);
  for (let i = 0; i + 4 <= toks.length; i++) if (truth.has(`${toks[i]} ${toks[i + 1]} ${toks[i + 2]} ${toks[i + 3]}`)) cov.fill(1, i, i + 4);
  const n = new Array<number>(texts.length).fill(0);
  const c = new Array<number>(texts.length).fill(0);
  for (let i = 0; i < toks.length; i++) { n[owner[i]]++; c[owner[i]] += cov[i]; }
  return texts.map((_, i) => n[i] > 0 && c[i] >= 0.5 * n[i]);
}

function loadPages(parity: 0 | 1): Page[] {
  const dir = join(DATA_DIR, 'wcxb-dev');
  const ids = readdirSync(join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  const pages: Page[] = [];
  ids.forEach((id, i) => {
    if (i % 2 !== parity) return;
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth', `${id}.json`), 'utf8')).ground_truth?.main_content;
    if (!truth) return;
    const page = parsePage(decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)))).html);
    const title = extractMeta(page).title;
    const rules = extractBody(page.root, title);
    const c = candidates(page.root, rules);
    const texts = c.blocks.map((b) => b.text);
    const labels = coverageLabels(texts, shingles(truth));
    const feats = c.blocks.map((_, k) => blockFeatures(c, k, title));
    const truthWords = Math.max(words(truth).length, 50);
    pages.push({
      id, truth, texts, labels, rule: c.rule,
      captions: c.blocks.map((b) => b.caption),
      base: feats.map((f) => hashFeatures(f.filter((x) => !isClassFeature(x)), OPTIONS.bits)),
      classFeatures: feats.map((f) => f.filter(isClassFeature)),
      buckets: [],
      weights: texts.map((t) => (process.env.W1 ? 1 : Math.min(words(t).length + 1, 300) / truthWords * 20)),
      ruleBody: rules.blocks.filter((b) => !b.caption).map((b) => b.text).join('\n\n'),
    });
  });
  return pages;
}

/** Trains on `pages` with the class words common among them (every page's buckets are reset to that vocabulary). */
function train(pages: readonly Page[], all: readonly Page[] = pages): { model: Classifier; vocab: Set<string> } {
  const vocab = classVocabulary(pages);
  useVocabulary(all, vocab);
  const examples: HashedExample[] = [];
  for (const p of pages) p.buckets.forEach((buckets, k) => (WITHIN && !p.rule[k]) || examples.push({ buckets, label: p.labels[k] ? 1 : 0, weight: p.weights[k] }));
  return { model: trainLogisticHashed(examples, ['other', 'body'], OPTIONS), vocab };
}

/** Mean precision and recall over pages and their F1 (the metric of eval-extract), per threshold. */
function score(model: Classifier, pages: readonly Page[], thresholds: readonly number[]): { t: number; p: number; r: number; f: number }[] {
  const sums = thresholds.map(() => ({ p: 0, r: 0 }));
  for (const page of pages) {
    const probs = page.buckets.map((b) => probabilities(model.scoreBuckets(b))[1]);
    thresholds.forEach((t, j) => {
      const body = page.texts.filter((_, k) => probs[k] >= t && !page.captions[k] && (!WITHIN || page.rule[k])).join('\n\n');
      const s = shingleScores(body, page.truth);
      sums[j].p += s.p;
      sums[j].r += s.r;
    });
  }
  return thresholds.map((t, j) => {
    const p = sums[j].p / pages.length;
    const r = sums[j].r / pages.length;
    return { t, p, r, f: (2 * p * r) / (p + r) };
  });
}

function rulesScore(pages: readonly Page[]): string {
  let p = 0;
  let r = 0;
  for (const page of pages) {
    const s = shingleScores(page.ruleBody, page.truth);
    p += s.p;
    r += s.r;
  }
  p /= pages.length;
  r /= pages.length;
  return `rules alone: P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${((2 * p * r) / (p + r)).toFixed(4)}`;
}

const show = (rows: ReturnType<typeof score>) => rows.map((x) => `  t ${x.t.toFixed(2)}  P ${x.p.toFixed(4)}  R ${x.r.toFixed(4)}  F1 ${x.f.toFixed(4)}`).join('\n');

const even = loadPages(0);
console.log(`even pages ${even.length}, blocks ${even.reduce((a, p) => a + p.texts.length, 0)}`);
if (args.includes('--fit')) {
  console.log(`training fit (${rulesScore(even)}):\n${show(score(train(even).model, even, THRESHOLDS))}`);
} else if (args.includes('--cv')) {
  const folds = [even.filter((_, i) => i % 2 === 0), even.filter((_, i) => i % 2 === 1)];
  for (const g of GRID) {
  Object.assign(OPTIONS, g);
  const total = THRESHOLDS.map((t) => ({ t, p: 0, r: 0, f: 0 }));
  for (let k = 0; k < 2; k++) {
    const rows = score(train(folds[1 - k], even).model, folds[k], THRESHOLDS);
    rows.forEach((x, j) => { total[j].p += (x.p * folds[k].length) / even.length; total[j].r += (x.r * folds[k].length) / even.length; });
  }
  for (const x of total) x.f = (2 * x.p * x.r) / (x.p + x.r);
  console.log(`2-fold CV over the even pages ${JSON.stringify(g)} (${rulesScore(even)}):\n${show(total)}`);
  }
} else {
  Object.assign(OPTIONS, GRID[0]);
  const { model, vocab } = train(even);
  const card = { data: 'wcxb-dev even pages', pages: even.length, ...OPTIONS, threshold: BLOCK_MODEL.threshold, classWords: [...vocab] };
  writeFileSync(join(MODELS_DIR, BLOCK_MODEL.file), model.encode(card));
  console.log(`wrote models/${BLOCK_MODEL.file}`);
  if (args.includes('--check')) {
    const odd = loadPages(1);
    useVocabulary(odd, vocab);
    console.log(`odd (held-out) pages ${odd.length} (${rulesScore(odd)}):\n${show(score(model, odd, THRESHOLDS))}`);
  }
}
