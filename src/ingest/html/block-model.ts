// Features of a learned block classifier (keep/drop per text block, in the spirit of Dragnet,
// boilerpipe and Web2Text) meant as a second opinion on the rule body. Not used by the extractor:
// out of fold it did not beat the rules on wcxb-dev (models/extract-blocks.md,
// scripts/block-model-cv.ts), so the features stay here for that script and later attempts.
import type { El } from './dom.js';
import type { Block } from './content.js';

/** Where a block stands relative to the rule-chosen body: in it, between its blocks but dropped, before or after it. */
export type RulePlace = 'kept' | 'inside' | 'before' | 'after';

/** The place of each block (document order) relative to the body the rules kept. */
export function rulePlaces(blocks: readonly Block[], kept: ReadonlySet<Block>): RulePlace[] {
  const k = blocks.map((b) => kept.has(b));
  const first = k.indexOf(true);
  const last = k.lastIndexOf(true);
  return k.map((x, j) => (x ? 'kept' : j < first ? 'before' : j > last ? 'after' : 'inside'));
}

const STOP = new Set(('a an the and or but of to in on at for with by from as is are was were be been it its this that these those ' +
  'he she they we you i his her their our your not no so if then than which who whom what when where how has have had do does did will would can could may might should').split(' '));

const bin = (x: number, edges: readonly number[]) => {
  let i = 0;
  while (i < edges.length && x >= edges[i]) i++;
  return i;
};
const LEN_EDGES = [10, 25, 40, 60, 80, 120, 200, 400, 800];
const SHARE_EDGES = [0.01, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
const DIST_EDGES = [1, 2, 3, 5, 8, 13, 21];

/** Lower-case parts of an element's class and id names (split at -, _ and camelCase humps), digits left out. */
function nameParts(el: El): string[] {
  const raw = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;
  if (!raw.trim()) return [];
  const out = new Set<string>();
  for (const p of raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[^a-z]+/)) if (p.length >= 3) out.add(p);
  return [...out];
}

interface Shape {
  len: number;
  ld: number;
  tag: string;
}

function shape(b: Block): Shape {
  return { len: bin(b.text.length, LEN_EDGES), ld: bin(b.text.length ? b.linkChars / b.text.length : 0, SHARE_EDGES), tag: b.el.tag };
}

/**
 * Feature strings of each block for the block model: text shape (length, link density,
 * punctuation and stopword share), tags and class-name parts of the block and its ancestors,
 * its place relative to the rule-chosen body, and its neighbours' shape and place.
 */
export function blockFeatures(blocks: readonly Block[], place: readonly RulePlace[], stage: string): string[][] {
  const shapes = blocks.map(shape);
  let firstKept = -1;
  let lastKept = -1;
  place.forEach((p, i) => {
    if (p === 'kept') {
      if (firstKept < 0) firstKept = i;
      lastKept = i;
    }
  });
  const keptCount = place.filter((p) => p === 'kept').length;
  let keptSeen = 0;
  return blocks.map((b, i) => {
    const f: string[] = ['bias'];
    const s = shapes[i];
    const pl = place[i];
    if (pl === 'kept') keptSeen++;
    const text = b.text;
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    let stop = 0;
    for (const w of words) if (STOP.has(w)) stop++;
    const stopShare = bin(words.length ? stop / words.length : 0, SHARE_EDGES);
    const punct = (text.match(/[.!?;,]/g) ?? []).length;
    const punctRate = bin(words.length ? punct / words.length : 0, SHARE_EDGES);
    const endsSentence = /[.!?:"”’)]$/.test(text);
    const upperStart = /^\p{Lu}/u.test(text);
    const digits = (text.match(/\p{N}/gu) ?? []).length;
    const digitShare = bin(text.length ? digits / text.length : 0, SHARE_EDGES);
    f.push(`len=${s.len}`, `ld=${s.ld}`, `stop=${stopShare}`, `punct=${punctRate}`, `end=${endsSentence}`, `up=${upperStart}`, `dig=${digitShare}`);
    f.push(`len*ld=${s.len}*${s.ld}`, `len*stop=${s.len}*${stopShare}`, `len*end=${s.len}*${endsSentence}`);
    if (b.heading) f.push('heading');
    if (b.caption) f.push('caption');
    // Tags of the block and its ancestors.
    const p1 = b.el.parent;
    const p2 = p1?.parent ?? null;
    f.push(`tag=${s.tag}`, `tag2=${p1?.tag}>${s.tag}`, `tag3=${p2?.tag}>${p1?.tag}>${s.tag}`);
    let up = 0;
    for (let e: El | null = b.el; e && e.depth > 0; e = e.parent, up++) {
      if (e.tag === 'li' || e.tag === 'table' || e.tag === 'pre' || e.tag === 'code' || e.tag === 'blockquote' || e.tag === 'figure' || e.tag === 'header' || e.tag === 'article' || e.tag === 'main' || e.tag === 'dl') f.push(`in=${e.tag}`);
      if (up < 3) for (const part of nameParts(e)) f.push(`c${up}=${part}`);
      else if (up < 8) for (const part of nameParts(e)) f.push(`ca=${part}`);
    }
    // Place relative to the rule body.
    f.push(`place=${pl}`, `place*len=${pl}*${s.len}`, `place*ld=${pl}*${s.ld}`, `place*tag=${pl}*${s.tag}`, `place*stop=${pl}*${stopShare}`, `stage=${stage}*${pl}`);
    if (pl === 'before' && firstKept >= 0) f.push(`dist=${pl}*${bin(firstKept - i, DIST_EDGES)}`);
    if (pl === 'after' && lastKept >= 0) f.push(`dist=${pl}*${bin(i - lastKept, DIST_EDGES)}`);
    if (pl === 'kept') {
      f.push(`fromEnd=${bin(keptCount - keptSeen, DIST_EDGES)}`, `fromStart=${bin(keptSeen - 1, DIST_EDGES)}`);
      f.push(`fromEnd*len=${bin(keptCount - keptSeen, DIST_EDGES)}*${s.len}`);
    }
    // Neighbours.
    for (const [d, name] of [[-1, 'prev'], [1, 'next']] as const) {
      const j = i + d;
      if (j < 0 || j >= blocks.length) {
        f.push(`${name}=none`);
        continue;
      }
      const n = shapes[j];
      f.push(`${name}.place=${place[j]}`, `${name}.len=${n.len}`, `${name}.ld=${n.ld}`, `${name}.h=${blocks[j].heading}`, `${name}.place*place=${place[j]}*${pl}`);
      f.push(`${name}.sameParent=${blocks[j].el.parent === b.el.parent}`);
    }
    // First words of short blocks (labels: "Related", "Share", "Advertisement").
    if (text.length < 60 && words.length) f.push(`w0=${words[0]}`, `w01=${words.slice(0, 2).join(' ')}`);
    return f;
  });
}
