// Cross-validation of a learned title ranker against the hand rules (models/title.md): on
// ../shared/data/wcxb-dev, every page's candidates (the rule's title, og:title, twitter:title,
// JSON-LD headline, <title> site-stripped, whole and first part; src/ingest/html/title.ts) are
// scored by a logistic model over titleFeatures and the best one is the title. Prints exact-match
// counts of the rule and of the ranker out of fold: 10-fold CV on the tune half (even positions),
// the tune-trained model on the check half, and 10-fold CV over all pages. Hyper-parameters are
// chosen by the tune-half CV only. Deterministic.
// Usage: node --import tsx scripts/title-ranker-cv.ts [--moves]
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { decodeHtml } from '../src/ingest/html/charset.js';
import { parsePage } from '../src/ingest/html/dom.js';
import { extractMeta } from '../src/ingest/html/metadata.js';
import { titleFeatures, type TitleCandidate } from '../src/ingest/html/title.js';
import { kFolds, trainLogistic, type Classifier, type Example } from '../src/learn/index.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';

const missing = needsShared('data/wcxb-dev');
if (missing) {
  console.error(missing);
  process.exit(1);
}
const dir = join(DATA_DIR, 'wcxb-dev');
const showMoves = process.argv.includes('--moves');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
// Labels fold apostrophes: which wording is right is the question, not which apostrophe.
const fold = (s: string) => norm(s).replace(/[\u2018\u2019]/g, "'").toLowerCase();

interface Page { id: string; split: 'tune' | 'check'; want: string; cands: TitleCandidate[]; feats: [string[], number[]][] }

const pages: Page[] = [];
const ids = readdirSync(join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
ids.forEach((id, i) => {
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth', `${id}.json`), 'utf8'));
  const t = gt.ground_truth;
  if (!t?.main_content || !t.title) return;
  const page = parsePage(decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)))).html);
  const study: { candidates?: TitleCandidate[]; slug?: string[] } = {};
  const meta = extractMeta(page, gt.url, study);
  const cands = study.candidates ?? [];
  const heads = new Set(cands.flatMap((c) => c.sources).filter((s) => s === 'og' || s === 'twitter' || s === 'ld' || s === 'title')).size;
  const ctx = { ruleSource: meta.sources.title, slug: study.slug ?? [], heads };
  pages.push({ id, split: i % 2 === 0 ? 'tune' : 'check', want: norm(t.title), cands, feats: cands.map((c) => titleFeatures(c, cands, ctx)) });
});

type Options = { rate: number; l2: number; epochs: number };
function train(ps: readonly Page[], o: Options): Classifier {
  const ex: Example[] = [];
  for (const p of ps) {
    // A page none of whose candidates is right says nothing about the choice.
    if (!p.cands.some((c) => fold(c.text) === fold(p.want))) continue;
    p.feats.forEach(([features, values], i) => ex.push({ features, values, label: fold(p.cands[i].text) === fold(p.want) ? '1' : '0' }));
  }
  return trainLogistic(ex, { ...o, bits: 12, seed: 1 });
}
function pick(m: Classifier, p: Page): number {
  const yes = m.labels.indexOf('1');
  const no = m.labels.indexOf('0');
  let best = 0;
  let top = -Infinity;
  p.feats.forEach(([f, v], i) => {
    const s = m.score(f, v);
    const margin = s[yes] - s[no];
    if (margin > top + 1e-9) [best, top] = [i, margin];
  });
  return best;
}
const right = (p: Page, i: number) => p.cands.length > 0 && norm(p.cands[i].text) === p.want;
/** Out-of-fold exact matches of the ranker over k folds of the given pages. */
function cv(ps: readonly Page[], o: Options, moves?: string[]): number {
  let n = 0;
  for (const fold of kFolds(ps.length, 10)) {
    const held = new Set(fold);
    const m = train(ps.filter((_, i) => !held.has(i)), o);
    for (const i of fold) {
      const c = pick(m, ps[i]);
      if (right(ps[i], c)) n++;
      if (moves && c !== 0) moves.push(`${ps[i].id} ${ps[i].split} ${right(ps[i], 0) ? 'lost' : right(ps[i], c) ? 'gained' : 'other miss'}: ${JSON.stringify(ps[i].cands[0].text)} -> ${JSON.stringify(ps[i].cands[c].text)} [${ps[i].cands[c].sources.join(',')}]`);
    }
  }
  return n;
}

const tune = pages.filter((p) => p.split === 'tune');
const check = pages.filter((p) => p.split === 'check');
const ruleRight = (ps: readonly Page[]) => ps.filter((p) => right(p, 0)).length;
const oracle = (ps: readonly Page[]) => ps.filter((p) => p.cands.some((_, i) => right(p, i))).length;
console.log(`pages: tune ${tune.length}, check ${check.length}`);
console.log(`rule exact match: tune ${ruleRight(tune)}, check ${ruleRight(check)}; some candidate right (oracle): tune ${oracle(tune)}, check ${oracle(check)}`);
let best: Options | undefined;
let bestN = -1;
for (const rate of [0.05, 0.2, 0.5]) {
  for (const l2 of [1e-4, 1e-3, 1e-2]) {
    const o = { rate, l2, epochs: 30 };
    const n = cv(tune, o);
    console.log(`tune 10-fold CV rate ${rate} l2 ${l2}: ${n}`);
    if (n > bestN) [best, bestN] = [o, n];
  }
}
const chosen = best!;
const m = train(tune, chosen);
console.log(`chosen rate ${chosen.rate} l2 ${chosen.l2}: tune CV ${bestN}/${tune.length} (rule ${ruleRight(tune)}); check, tune-trained ${check.filter((p) => right(p, pick(m, p))).length}/${check.length} (rule ${ruleRight(check)})`);
const moves: string[] = [];
console.log(`all pages 10-fold CV: ${cv(pages, chosen, moves)}/${pages.length} (rule ${ruleRight(pages)})`);
if (showMoves) console.log(moves.join('\n'));
