// Experiment harness of pass tech-tc7 (technique classification on gold spans; results in
// models/techniques.md): out-of-fold probabilities of the logistic model and the network (the
// folds, examples and settings of `eval:techniques -- --task tc`) cached per variant under
// .tmp/tc-oof/, then scored by scripts/tc-oof-score.ts (the committed skip, mix and article
// context re-applied; `--var base` reproduces the eval exactly: 0.6355 at seed 11).
//   node --import tsx scripts/tc-oof.ts --var NAME [--seed 11] [variant flags]
// Variant flags (combinable):
//   --cw A            class weighting: example weight (mean count / label count)^A, normalised
//   --feat K,K        extra span features (both models): ent (the NER stage's entity labels in
//                     the span), entadj (entity just before / after / crossing the span, share of
//                     the span an entity covers), shape (noun phrase / adjectival / verbal /
//                     clause, head noun of short spans), cop (copula or naming verb just
//                     before), pron (pronoun / proper noun just before, proper noun just after)
//   --aug W           sub-spans of training spans of 3+ tokens (first / last token dropped),
//                     same label, example weight W
//   --net-epochs E    network epochs (committed 10)
//   --self T,W        self-training: each fold's models label the committed tagger's spans over
//                     PolNeAR texts (labels unused; `--polnear-spans` writes them first); spans
//                     whose mixed probability is >= T join that fold's training set with weight W
// Other modes:
//   --polnear-spans   writes .tmp/tc-oof/polnear-spans.json (the tagger's spans and their features)
//   --article-mix     writes .tmp/tc-oof/mix-s{seed}.json: per article, the technique mix predicted
//                     from the article's word bag by a per-fold logistic model (one example per
//                     training span; [--epochs 10 --l2 1e-5])
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kFolds, softmaxInPlace, trainLogistic, type Example } from '../src/learn/index.js';
import { trainMlp } from '../src/learn/mlp.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { prepare, type PreparedArticle } from '../src/annotate/techniques/train.js';
import { LexiconIndex } from '../src/annotate/techniques/lexicon-match.js';
import { spanFeatures } from '../src/annotate/techniques/span-features.js';
import { CLASSIFIER, NETWORK } from '../src/annotate/techniques/constants.js';
import { TechniqueModel } from '../src/annotate/techniques/detector.js';
import { buildViews, type SentenceView } from '../src/annotate/techniques/view.js';
import { findEntities, lexicon as entityLexicon, NerModel } from '../src/annotate/entities/index.js';
import { createArticle } from '../src/model/index.js';
import { tokenize } from '../src/nlp/index.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const SEED = Number(opt('seed', String(CLASSIFIER.seed)));
const DIR = '.tmp/tc-oof';
const PN_FILE = join(DIR, 'polnear-spans.json');
mkdirSync(DIR, { recursive: true });
const missing = needsShared('data/ptc');
if (missing) {
  console.error(`tc-oof: ${missing}`);
  process.exit(1);
}
const lexicon = new LexiconIndex();
type SpanExample = { features: string[]; networkFeatures: string[]; label: string };

if (args.includes('--polnear-spans')) {
  const model = TechniqueModel.load();
  const out: Omit<SpanExample, 'label'>[] = [];
  for (const part of ['train', 'dev']) {
    const dir = join(DATA_DIR, 'polnear', part, 'text');
    for (const name of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      const { tokens, sentences } = tokenize(text);
      const views = buildViews(text, tokens, sentences);
      const ctx = { text, lowerText: text.toLowerCase(), views };
      for (const r of model.findSpans(views)) {
        const { features, networkFeatures } = spanFeatures(ctx, r.core ?? r, lexicon);
        out.push({ features, networkFeatures });
      }
    }
  }
  writeFileSync(PN_FILE, JSON.stringify(out));
  console.error(`${out.length} PolNeAR spans written to ${PN_FILE}`);
  process.exit(0);
}

const docs: PreparedArticle[] = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
const folds = kFolds(docs.length, 5);

if (args.includes('--article-mix')) {
  const bags = docs.map((d) => {
    const s = new Set<string>();
    for (const v of d.views) for (const w of v.lowers) if (/[a-z]/.test(w)) s.add(`w=${w}`);
    return [...s];
  });
  const M: number[][] = docs.map(() => []);
  let labels: readonly string[] = [];
  folds.forEach((held) => {
    const heldSet = new Set(held);
    const ex = docs.flatMap((d, i) => (heldSet.has(i) ? [] : d.article.labelled.map((r) => ({ features: bags[i], label: r.label }))));
    const clf = trainLogistic(ex, { bits: 17, epochs: Number(opt('epochs', '10')), seed: SEED, rate: 0.03, l2: Number(opt('l2', '1e-5')) });
    labels = clf.labels;
    for (const i of held) M[i] = Array.from(softmaxInPlace(Float64Array.from(clf.score(bags[i]))));
  });
  writeFileSync(join(DIR, `${opt('var', 'mix')}-s${SEED}.json`), JSON.stringify({ labels, M }));
  process.exit(0);
}

const VAR = opt('var', 'base');
const CW = Number(opt('cw', '0'));
const FEAT = new Set(opt('feat', '').split(',').filter(Boolean));
const AUG = Number(opt('aug', '0'));
const NET_EPOCHS = Number(opt('net-epochs', String(NETWORK.epochs)));
const SELF = args.includes('--self') ? opt('self', '').split(',').map(Number) : undefined;

/** Entity mentions per article (NER stage over the article's tokens), when a --feat needs them. */
const ents = new Map<string, { start: number; end: number; label: string }[]>();
if (['ent', 'entadj'].some((k) => FEAT.has(k))) {
  const model = NerModel.load();
  const lex = entityLexicon();
  for (const d of docs) {
    const article = createArticle(d.article.text);
    const { tokens, sentences } = tokenize(d.article.text);
    article.layers = { tokens, sentences };
    const e = findEntities(article, model, lex).spans.map((s) => ({ start: s.start, end: s.end, label: s.label }));
    ents.set(d.article.id, e);
    // The classifier's own `ent` feature reads ctx.entities (the stage passes them; training did not).
    if (FEAT.has('ent')) d.ctx.entities = e;
  }
}

function tokensOf(views: readonly SentenceView[], r: { start: number; end: number }): { v: SentenceView; i: number }[] {
  const out: { v: SentenceView; i: number }[] = [];
  for (const v of views) {
    if (v.end <= r.start || v.start >= r.end) continue;
    for (let i = 0; i < v.starts.length; i++) if (v.ends[i] > r.start && v.starts[i] < r.end) out.push({ v, i });
  }
  return out;
}

const COPULA = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am', 'become', 'became', 'called', 'call', 'calls', 'labeled', 'labelled', 'dubbed', 'branded']);
const NOUNISH = new Set(['NOUN', 'PROPN']);

/** The --feat features of a span. */
function extraFeatures(d: PreparedArticle, r: { start: number; end: number }): string[] {
  const out: string[] = [];
  const t = tokensOf(d.views, r);
  if (!t.length) return out;
  const pos = t.map(({ v, i }) => v.pos[i]);
  const first = t[0];
  const last = t[t.length - 1];
  if (FEAT.has('shape')) {
    const hasVerb = pos.some((p) => p === 'VERB' || p === 'AUX');
    const hasNoun = pos.some((p) => NOUNISH.has(p));
    const np = hasNoun && pos.every((p) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'PUNCT', 'NUM', 'ADV', 'CCONJ'].includes(p));
    const adj = pos.every((p) => ['ADJ', 'ADV', 'PUNCT', 'CCONJ', 'DET'].includes(p));
    out.push(`shape=${np ? 'np' : adj ? 'adj' : hasVerb && hasNoun ? 'clause' : hasVerb ? 'vp' : 'other'}`);
    let h = -1;
    for (let k = t.length - 1; k >= 0 && h < 0; k--) if (NOUNISH.has(pos[k])) h = k;
    if (h >= 0 && t.length <= 6) out.push(`headw=${t[h].v.lowers[t[h].i]}`);
  }
  if (FEAT.has('cop')) {
    const v = first.v;
    for (let k = first.i - 1; k >= Math.max(0, first.i - 3); k--) {
      if (COPULA.has(v.lowers[k])) {
        out.push(`cop=${first.i - k}`);
        break;
      }
      if (!['DET', 'ADJ', 'ADV'].includes(v.pos[k])) break;
    }
  }
  if (FEAT.has('pron')) {
    const v = first.v;
    for (let k = first.i - 1; k >= Math.max(0, first.i - 3); k--)
      if (v.pos[k] === 'PRON' || v.pos[k] === 'PROPN') {
        out.push(`prevref=${v.pos[k]}`);
        break;
      }
    const lv = last.v;
    for (let k = last.i + 1; k < Math.min(lv.lowers.length, last.i + 3); k++)
      if (lv.pos[k] === 'PROPN') {
        out.push('nextprop');
        break;
      }
  }
  if (FEAT.has('entadj')) {
    let inside = 0;
    for (const m of ents.get(d.article.id) ?? []) {
      if (m.start >= r.start && m.end <= r.end) inside += m.end - m.start;
      if (m.end <= r.start && m.end >= r.start - 3 && m.start >= first.v.start) out.push(`entpre=${m.label}`);
      if (m.start >= r.end && m.start <= r.end + 3 && m.end <= last.v.end) out.push(`entpost=${m.label}`);
      if (m.start < r.start && m.end > r.start && m.end < r.end) out.push(`entcross=${m.label}`);
    }
    const share = inside / Math.max(1, r.end - r.start);
    out.push(`entshare=${share === 0 ? 0 : share < 0.5 ? 'low' : share < 0.9 ? 'mid' : 'all'}`);
  }
  return [...new Set(out)];
}

const cacheFile = join(DIR, `${VAR}-s${SEED}.json`);
const feats: SpanExample[][] = docs.map((d) =>
  d.article.labelled.map((r) => {
    const { features, networkFeatures } = spanFeatures(d.ctx, r, lexicon);
    return { features: [...features, ...extraFeatures(d, r)], networkFeatures, label: r.label };
  }),
);
const augs: SpanExample[][] = docs.map((d) => {
  const out: SpanExample[] = [];
  if (!AUG) return out;
  for (const r of d.article.labelled) {
    const t = tokensOf(d.views, r);
    if (t.length < 3) continue;
    const second = Math.max(r.start, t[1].v.starts[t[1].i]);
    const beforeLast = Math.min(r.end, t[t.length - 2].v.ends[t[t.length - 2].i]);
    for (const sub of [{ start: second, end: r.end }, { start: r.start, end: beforeLast }]) {
      const { features, networkFeatures } = spanFeatures(d.ctx, sub, lexicon);
      out.push({ features: [...features, ...extraFeatures(d, sub)], networkFeatures, label: r.label });
    }
  }
  return out;
});
const pn: Omit<SpanExample, 'label'>[] = SELF ? JSON.parse(readFileSync(PN_FILE, 'utf8')) : [];
const { enabled, logisticWeight, skipLead, ...networkOptions } = NETWORK;
void enabled;
void skipLead;
const train = (ex: readonly SpanExample[], weights: number[] | undefined) => ({
  clf: trainLogistic(ex, { bits: CLASSIFIER.bits, epochs: CLASSIFIER.epochs, seed: SEED, rate: CLASSIFIER.rate, l2: CLASSIFIER.l2, weights }),
  net: trainMlp(
    ex.map((e): Example => ({ features: [...e.features, ...e.networkFeatures], label: e.label })),
    { ...networkOptions, epochs: NET_EPOCHS, bits: CLASSIFIER.bits, seed: SEED, weights },
  ),
});
let labels: readonly string[] = [];
const P: number[][][] = docs.map(() => []);
const Q: number[][][] = docs.map(() => []);
folds.forEach((held, f) => {
  const heldSet = new Set(held);
  const trainIdx = docs.map((_, i) => i).filter((i) => !heldSet.has(i));
  const gold = trainIdx.flatMap((i) => feats[i]);
  const sub = trainIdx.flatMap((i) => augs[i]);
  let ex = [...gold, ...sub];
  let weights: number[] | undefined = sub.length ? [...gold.map(() => 1), ...sub.map(() => AUG)] : undefined;
  if (CW) {
    const counts = new Map<string, number>();
    for (const e of ex) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
    const mean = ex.length / counts.size;
    const raw = ex.map((e, i) => (weights ? weights[i] : 1) * Math.pow(mean / counts.get(e.label)!, CW));
    const z = raw.reduce((a, b) => a + b, 0) / raw.length;
    weights = raw.map((w) => w / z);
  }
  let { clf, net } = train(ex, weights);
  if (SELF) {
    const [threshold, weight] = SELF;
    const pseudo: SpanExample[] = [];
    for (const e of pn) {
      const p = softmaxInPlace(Float64Array.from(clf.score(e.features)));
      const q = net.probabilities([...e.features, ...e.networkFeatures]);
      let best = 0;
      const m = Array.from(p, (x, c) => logisticWeight * x + (1 - logisticWeight) * q[c]);
      for (let c = 1; c < m.length; c++) if (m[c] > m[best]) best = c;
      if (m[best] >= threshold) pseudo.push({ ...e, label: clf.labels[best] });
    }
    console.error(`  fold ${f + 1}: ${pseudo.length} PolNeAR spans with p >= ${threshold}`);
    weights = [...(weights ?? ex.map(() => 1)), ...pseudo.map(() => weight)];
    ex = [...ex, ...pseudo];
    ({ clf, net } = train(ex, weights));
  }
  labels = clf.labels;
  for (const i of held)
    for (const e of feats[i]) {
      P[i].push(Array.from(softmaxInPlace(Float64Array.from(clf.score(e.features)))));
      Q[i].push(Array.from(net.probabilities([...e.features, ...e.networkFeatures])));
    }
  console.error(`fold ${f + 1}/5`);
});
const meta = docs.map((d) => ({ id: d.article.id, ranges: d.article.labelled.map((r) => [r.start, r.end, r.label]) }));
writeFileSync(cacheFile, JSON.stringify({ labels, P, Q, meta }));
console.error(`written ${cacheFile}`);

