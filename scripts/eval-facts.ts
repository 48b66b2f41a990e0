// npm run eval:facts [-- --split dev|train]: how well the statement types separate attributed
// claims from the reporter's own voice, scored on PolNeAR attribution annotations (dev split by
// default; the rules were written by hand and never fitted to PolNeAR).
//
// A body sentence is gold-attributed when it contains an annotated attribution cue or overlaps
// an annotated content span; predicted-attributed when the facts stage labels it
// `attributed-claim`. Reports sentence-level precision, recall and F1, and the share of each type.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pipeline } from '../src/pipeline.js';
import { cleanStage } from '../src/clean/index.js';
import { nlpStage } from '../src/nlp/index.js';
import { factsStage } from '../src/annotate/facts/index.js';
import { offsetMap } from '../src/model/index.js';
import { DATA_DIR } from '../src/testing/shared.js';

const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'dev';
const root = join(DATA_DIR, 'polnear', split);
if (!existsSync(root)) {
  console.error(`spinscope: ${root} is absent (needs ../shared/data/polnear)`);
  process.exit(1);
}

interface Range {
  start: number;
  end: number;
}

/** Cue and content spans (code points) of one brat file. */
function goldSpans(ann: string): { cues: Range[]; contents: Range[] } {
  const cues: Range[] = [];
  const contents: Range[] = [];
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(Cue|Content) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    for (const part of m[2].split(';')) {
      const [start, end] = part.trim().split(' ').map(Number);
      (m[1] === 'Cue' ? cues : contents).push({ start, end });
    }
  }
  return { cues, contents };
}

/** SHOW_MISSES=1 prints the gold-attributed sentences not labelled attributed-claim. */
const SHOW_MISSES = Boolean(process.env.SHOW_MISSES);

const pipeline = await Pipeline.build([cleanStage, nlpStage, factsStage]);
const annFiles = readdirSync(join(root, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
const byArticle = new Map<string, string>();
for (const f of annFiles) {
  const name = f.replace(/_[^_]+\.ann$/, '');
  if (!byArticle.has(name)) byArticle.set(name, f); // one annotator per article
}
let tp = 0;
let fp = 0;
let fn = 0;
const types: Record<string, number> = {};
for (const [name, ann] of byArticle) {
  const textPath = join(root, 'text', `${name}.txt`);
  if (!existsSync(textPath)) continue;
  const text = readFileSync(textPath, 'utf8');
  const map = offsetMap(text);
  const gold = goldSpans(readFileSync(join(root, 'attributions', ann), 'utf8'));
  const toU16 = (r: Range) => ({ start: map.toUtf16(r.start), end: map.toUtf16(r.end) });
  const cues = gold.cues.map(toU16);
  const contents = gold.contents.map(toU16);
  const article = pipeline.run({ text, meta: {}, notices: [] });
  for (const s of article.layers.statements ?? []) {
    types[s.label] = (types[s.label] ?? 0) + 1;
    const isGold = cues.some((c) => c.start >= s.start && c.end <= s.end) || contents.some((c) => c.start < s.end && s.start < c.end);
    const isPred = s.label === 'attributed-claim';
    if (isGold && isPred) tp++;
    else if (isPred) fp++;
    else if (isGold) {
      fn++;
      if (SHOW_MISSES) console.log('missed:', text.slice(s.start, s.end).replace(/\s+/g, ' ').slice(0, 170), '|', s.label);
    }
  }
}
const p = tp / (tp + fp);
const r = tp / (tp + fn);
const total = Object.values(types).reduce((a, b) => a + b, 0);
console.log(`PolNeAR ${split}: ${byArticle.size} articles, ${total} body sentences`);
console.log(`attributed-claim vs gold attribution: P ${(100 * p).toFixed(1)}  R ${(100 * r).toFixed(1)}  F1 ${((200 * p * r) / (p + r)).toFixed(1)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
console.log('types: ' + Object.entries(types).map(([k, v]) => `${k} ${((100 * v) / total).toFixed(1)}%`).join(', '));
