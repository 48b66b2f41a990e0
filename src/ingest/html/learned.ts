import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier, hashFeatures, probabilities } from '../../learn/index.js';
import * as K from './constants.js';
import { collectBlocks, isJunk, type Block, type BodyResult } from './content.js';
import type { El } from './dom.js';

/**
 * The learned block classifier: every text block of the page (furniture tags and roles removed,
 * class-word furniture kept) is judged body or not by a logistic regression over its text shape,
 * link density, tags, class/id words and where it sits relative to the body the rules chose.
 * The rules' answer is one of its features; the model corrects it (boilerplate the rules kept,
 * body parts they dropped). Trained on wcxb-dev even pages (`npm run train:extract`).
 */

export const MODELS_DIR = join(import.meta.dirname, '..', '..', '..', 'models');

/** The block classifier with the class words it reads (from its card). */
export interface BlockModel {
  classifier: Classifier;
  classWords: ReadonlySet<string>;
}

let cached: BlockModel | null | undefined;
/** The block model from models/, or null when it has not been trained (rules alone then). */
export function loadBlockModel(dir = MODELS_DIR): BlockModel | null {
  if (dir === MODELS_DIR && cached !== undefined) return cached;
  const path = join(dir, K.BLOCK_MODEL.file);
  let model: BlockModel | null = null;
  if (existsSync(path)) {
    const classifier = Classifier.decode(readFileSync(path));
    model = { classifier, classWords: new Set((classifier.card.classWords as string[] | undefined) ?? []) };
  }
  if (dir === MODELS_DIR) cached = model;
  return model;
}

/** The candidate blocks of a page with what the rules decided about each. */
export interface Candidates {
  blocks: Block[];
  /** Per block: the rules kept it. */
  rule: boolean[];
  /** Per block: it (or an ancestor) is furniture by class/id words or hidden (the strict pass drops it). */
  classJunk: boolean[];
  /** The smallest element holding every block the rules kept (null when they kept none). */
  scope: El | null;
  stage: string;
}

function contains(outer: El, inner: El): boolean {
  return outer.pre <= inner.pre && inner.pre <= outer.post;
}

function commonAncestor(a: El, b: El): El {
  let x: El | null = a;
  while (x && !contains(x, b)) x = x.parent;
  return x ?? a;
}

/** The lenient blocks of the page, marked with the rules' choice (`rules` from extractBody). */
export function candidates(root: El, rules: BodyResult): Candidates {
  const blocks = collectBlocks(root, true).blocks;
  const kept = new Set<El>();
  for (const b of rules.blocks) kept.add(b.el);
  const memo = new Map<El, boolean>();
  const junkChain = (el: El | null): boolean => {
    if (!el) return false;
    const known = memo.get(el);
    if (known !== undefined) return known;
    const j = isJunk(el, false, root.chars) || junkChain(el.parent);
    memo.set(el, j);
    return j;
  };
  const classJunk = blocks.map((b) => junkChain(b.el));
  // The strict stages never keep class-word furniture; the lenient ones may.
  const strict = rules.stage === 'selector' || rules.stage === 'score';
  const rule = blocks.map((b, i) => kept.has(b.el) && !(strict && classJunk[i]));
  let scope: El | null = null;
  for (const b of rules.blocks) scope = scope ? commonAncestor(scope, b.el) : b.el;
  return { blocks, rule, classJunk, scope, stage: rules.stage };
}

function bin(n: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && n >= edges[i]) i++;
  return i;
}

/** Lower-case parts of class/id tokens ("post__author-box" → post, author, box), digits dropped. */
export function classParts(el: El): string[] {
  const raw = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;
  if (!raw.trim()) return [];
  const out = new Set<string>();
  for (const p of raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[^a-z]+/)) {
    if (p.length >= 3 && p.length <= 20) out.add(p);
    if (out.size >= K.BLOCK_MODEL.maxClassParts) break;
  }
  return [...out];
}

const LEN_EDGES = [10, 25, 50, 80, 150, 300, 600];
const LD_EDGES = [0.01, 0.1, 0.3, 0.5, 0.8];
const DIST_EDGES = [1, 2, 4, 8, 16];

/**
 * Feature strings of block `i`. Class/id words become features only when `classWords` holds them
 * (the words of many training sites: a site's own class names would be memorised, not learned);
 * without `classWords` every class word is returned, for training to choose from.
 */
export function blockFeatures(c: Candidates, i: number, title: string | undefined, classWords?: ReadonlySet<string>): string[] {
  const b = c.blocks[i];
  const text = b.text;
  const len = text.length;
  const ld = len ? b.linkChars / len : 0;
  const f: string[] = ['bias'];
  const rule = c.rule[i] ? 'R' : 'N';
  f.push(`rule=${rule}`, `rule=${rule}|${c.stage}`, `cj=${c.classJunk[i] ? 1 : 0}`, `rule|cj=${rule}${c.classJunk[i] ? 1 : 0}`);
  // Position relative to the run of blocks the rules kept.
  let first = -1;
  let last = -1;
  for (let k = 0; k < c.rule.length; k++) if (c.rule[k]) { if (first < 0) first = k; last = k; }
  const pos = first < 0 ? 'none' : i < first ? 'before' : i > last ? 'after' : 'in';
  const dist = pos === 'before' ? first - i : pos === 'after' ? i - last : 0;
  f.push(`pos=${pos}`, `pos=${pos}|d${bin(dist, DIST_EDGES)}`, `inscope=${c.scope && contains(c.scope, b.el) ? 1 : 0}`);
  const lb = bin(len, LEN_EDGES);
  const ldb = bin(ld, LD_EDGES);
  f.push(`len=${lb}`, `ld=${ldb}`, `len|ld=${lb}|${ldb}`, `rule|len=${rule}${lb}`, `rule|ld=${rule}${ldb}`, `pos|len=${pos}${lb}`, `pos|ld=${pos}${ldb}`);
  const tail = text.slice(-1);
  f.push(`end=${/[.!?]/.test(tail) ? '.' : /[:;,]/.test(tail) ? ':' : /["'”’)]/.test(tail) ? 'q' : /\p{L}/u.test(tail) ? 'a' : /\d/.test(tail) ? '9' : 'o'}`);
  f.push(`start=${/^\p{Lu}/u.test(text) ? 'A' : /^\p{Ll}/u.test(text) ? 'a' : /^\d/.test(text) ? '9' : 'o'}`);
  const sentences = (text.match(/[.!?](?:\s|$)/g) ?? []).length;
  f.push(`sent=${bin(sentences, [1, 2, 4])}`, `sent|len=${bin(sentences, [1, 2, 4])}${lb}`);
  const digits = (text.match(/\d/g) ?? []).length;
  f.push(`dig=${bin(len ? digits / len : 0, [0.01, 0.1, 0.3])}`);
  f.push(`tag=${b.el.tag}`, `ptag=${b.el.parent?.tag ?? ''}`, `tag|rule=${b.el.tag}${rule}`);
  if (b.heading) f.push('heading', `heading|pos=${pos}`);
  if (b.caption) f.push('caption');
  if (title && b.heading && text.toLowerCase() === title.toLowerCase()) f.push('title');
  if (len <= K.JUNK_LINE_MAX_CHARS && K.JUNK_LINE.test(text)) f.push('junkline');
  if (len <= K.BOILERPLATE_LINE_MAX_CHARS && K.BOILERPLATE_LINE.test(text)) f.push('boilerline');
  // Ancestor tags and class words (near ones apart from far ones).
  const seenTags = new Set<string>();
  let depth = 0;
  for (let e: El | null = b.el; e && e.tag !== '#root'; e = e.parent, depth++) {
    if (K.BLOCK_MODEL.ancestorTags.has(e.tag) && !seenTags.has(e.tag)) {
      seenTags.add(e.tag);
      f.push(`in=${e.tag}`);
    }
    if (depth <= K.BLOCK_MODEL.classDepth) {
      const near = depth === 0 ? 'c0' : depth <= 2 ? 'c2' : 'cf';
      for (const p of classParts(e)) if (!classWords || classWords.has(p)) f.push(`${near}=${p}`);
    }
  }
  // Neighbours: what the rules did with the blocks around, and their shape.
  for (const [name, k] of [['p', i - 1], ['n', i + 1]] as const) {
    if (k < 0 || k >= c.blocks.length) {
      f.push(`${name}=edge`);
      continue;
    }
    const nb = c.blocks[k];
    const nl = nb.text.length;
    f.push(`${name}rule=${c.rule[k] ? 'R' : 'N'}${rule}`, `${name}len=${bin(nl, LEN_EDGES)}`, `${name}ld=${bin(nl ? nb.linkChars / nl : 0, LD_EDGES)}`);
    if (nb.heading) f.push(`${name}heading`);
  }
  return f;
}

/** The body by the block model: blocks whose probability of being body reaches the threshold. */
export function learnedBody(model: BlockModel, c: Candidates, title: string | undefined): Block[] {
  const clf = model.classifier;
  const body = clf.labels.indexOf('body');
  const out: Block[] = [];
  for (let i = 0; i < c.blocks.length; i++) {
    const p = probabilities(clf.scoreBuckets(hashFeatures(blockFeatures(c, i, title, model.classWords), clf.bits)))[body];
    if (p >= K.BLOCK_MODEL.threshold) out.push(c.blocks[i]);
  }
  return out;
}
