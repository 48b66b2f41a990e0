import { Classifier, fnv1a, trainSoftLogistic } from '../../learn/index.js';
import { TOKEN_MODEL } from './constants.js';
import type { LexiconIndex } from './lexicon-match.js';
import type { SentenceView } from './view.js';
import type { WordClusters } from './word-clusters.js';
import type { PreparedArticle } from './train.js';

/**
 * The token model: a second first-stage model beside the span tagger, a binary
 * logistic regression over a different view of each token — the words, word clusters, POS and
 * lexicon categories of a wide window (±`TOKEN_MODEL.window` tokens, each at its offset) and the
 * character n-grams of the word — giving p(token lies inside a fragment). Its log-odds are
 * added to the tagger's inside emissions before Viterbi (`TechniqueModel.withTokenModel`).
 *
 * Every feature belongs to one word at one offset, so at run time a word's summed weight at each
 * offset is memoised (one read per offset per token).
 */

/** Offsets of the window (−W … W) plus one slot for the word's own character n-grams. */
function slots(window: number): number {
  return 2 * window + 3;
}

/** The bucket of a word feature's base hash at an offset slot. */
export function offsetBucket(h: number, slot: number, mask: number): number {
  let x = Math.imul(h ^ Math.imul(slot + 1, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 13;
  return (x >>> 0) & mask;
}

/** Base hashes of a word's window features (lower-case word, clusters, lexicon categories; POS apart). */
export function wordHashes(lower: string, lexicon: LexiconIndex, clusters: WordClusters | undefined, out: number[]): void {
  out.length = 0;
  out.push(fnv1a(`w=${lower}`));
  const c = clusters?.of(lower);
  if (c) for (let k = 0; k < c.length; k++) out.push(fnv1a(`c${k}=${c[k]}`));
  else out.push(fnv1a(`c=none`));
  for (const cat of lexicon.categoriesOf(lower)) out.push(fnv1a(`lx=${cat}`));
}

/** Base hash of a POS tag (a window feature too). */
export function posHash(pos: string): number {
  return fnv1a(`p=${pos}`);
}

/** Base hashes of a word's own character n-grams and shape (read at the token itself only). */
export function charHashes(raw: string, lower: string, out: number[]): void {
  out.length = 0;
  const g = TOKEN_MODEL.charGrams;
  if (lower.length >= 3) {
    const w = `<${lower}>`;
    for (let k = 0; k + g <= w.length; k++) out.push(fnv1a(`g=${w.slice(k, k + g)}`));
  }
  const first = raw.charCodeAt(0);
  out.push(fnv1a(first >= 65 && first <= 90 ? (raw === raw.toUpperCase() && raw.length > 1 ? 'sh=AA' : 'sh=Aa') : first >= 97 && first <= 122 ? 'sh=a' : 'sh=o'));
}

const EDGE_LEFT = fnv1a('w=<s>');
const EDGE_RIGHT = fnv1a('w=</s>');

/** Per-token feature rows of a sentence (bucket indices), for training. */
export function tokenRows(v: SentenceView, lexicon: LexiconIndex, clusters: WordClusters | undefined, bits: number, window: number = TOKEN_MODEL.window): Uint32Array[] {
  const mask = (1 << bits) - 1;
  const n = v.raws.length;
  const words: number[][] = [];
  const chars: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a: number[] = [];
    wordHashes(v.lowers[i], lexicon, clusters, a);
    a.push(posHash(v.pos[i]));
    words.push(a);
    const b: number[] = [];
    charHashes(v.raws[i], v.lowers[i], b);
    chars.push(b);
  }
  const rows: Uint32Array[] = [];
  const row: number[] = [];
  for (let i = 0; i < n; i++) {
    row.length = 0;
    row.push(offsetBucket(0, 0, mask)); // bias
    for (let d = -window; d <= window; d++) {
      const j = i + d;
      const slot = d + window + 1;
      if (j < 0 || j >= n) {
        // The sentence edge, once, at the nearest offset past it.
        if (j === -1) row.push(offsetBucket(EDGE_LEFT, slot, mask));
        else if (j === n) row.push(offsetBucket(EDGE_RIGHT, slot, mask));
        continue;
      }
      for (const h of words[j]) row.push(offsetBucket(h, slot, mask));
    }
    for (const h of chars[i]) row.push(offsetBucket(h, 2 * window + 2, mask));
    rows.push(Uint32Array.from(row));
  }
  return rows;
}

/** Trains the token model on gold fragments (target: the token lies inside one). */
export function trainTokenModel(docs: readonly PreparedArticle[], lexicon: LexiconIndex, clusters: WordClusters | undefined, options: Partial<typeof TOKEN_MODEL> = {}): TokenModel {
  const o = { ...TOKEN_MODEL, ...options };
  const rows: Uint32Array[] = [];
  const targets: number[] = [];
  for (const d of docs) {
    const spans = d.article.spans;
    for (const v of d.views) {
      const inside = spans.filter((r) => r.start < v.end && v.start < r.end);
      for (const r of tokenRows(v, lexicon, clusters, o.bits, o.window)) rows.push(r);
      for (let i = 0; i < v.raws.length; i++) {
        const s = v.starts[i];
        const e = v.ends[i];
        targets.push(inside.some((r) => r.start < e && s < r.end) ? 1 : 0);
      }
    }
  }
  let pos = 0;
  for (const t of targets) pos += t;
  const share = pos / Math.max(1, targets.length);
  if (o.hidden > 0) throw new Error('the token model is a logistic regression (TOKEN_MODEL.hidden 0): the network variant was removed (models/techniques.md, History)');
  const card = { window: o.window, charGrams: o.charGrams, baseRate: share, hidden: o.hidden };
  const model = trainSoftLogistic(rows, targets, { bits: o.bits, epochs: o.epochs, rate: o.rate, l2: o.l2, seed: o.seed });
  return new Classifier(model.labels, model.bits, model.weights, { ...model.card, ...card });
}

/** A token model: a soft logistic regression (`Classifier`, labels '0'/'1'). */
export type TokenModel = Classifier;

/**
 * Run-time scorer of the token model: per word (raw form, POS), its summed log-odds at each
 * offset slot, memoised.
 */
export class TokenModelScorer {
  private readonly mask: number;
  readonly window: number;
  private readonly S: number;
  private readonly memo = new Map<string, Float32Array>();
  private readonly tmp: number[] = [];
  private readonly edgeLeft: Float32Array;
  private readonly edgeRight: Float32Array;
  /** Constant part: the bias bucket's log-odds. */
  private readonly constant: number;
  /** Label 1's weight per bucket: the log-odds (label 0's are zero). */
  private readonly w: Float32Array;
  /** The training share of inside tokens, as log-odds (the model's "no news" level). */
  readonly baseLogit: number;

  constructor(
    readonly model: TokenModel,
    private readonly lexicon: LexiconIndex,
    private readonly clusters: WordClusters | undefined,
  ) {
    this.mask = (1 << model.bits) - 1;
    this.window = typeof model.card.window === 'number' ? model.card.window : TOKEN_MODEL.window;
    this.S = slots(this.window);
    const w = new Float32Array(1 << model.bits);
    for (let k = 0; k < w.length; k++) w[k] = model.weights[k * 2 + 1];
    this.w = w;
    this.constant = w[offsetBucket(0, 0, this.mask)];
    this.edgeLeft = this.slotSums([EDGE_LEFT]);
    this.edgeRight = this.slotSums([EDGE_RIGHT]);
    const rate = typeof model.card.baseRate === 'number' ? model.card.baseRate : 0.2;
    this.baseLogit = Math.log(rate / (1 - rate));
  }

  private slotSums(hashes: readonly number[]): Float32Array {
    const out = new Float32Array(this.S);
    for (let s = 1; s < this.S - 1; s++) for (const h of hashes) out[s] += this.w[offsetBucket(h, s, this.mask)];
    return out;
  }

  /** A scorer of the same model with its own memo (for another emission scorer's word ids). */
  fresh(): TokenModelScorer {
    return new TokenModelScorer(this.model, this.lexicon, this.clusters);
  }

  /** A word's slot sums (word, clusters, lexicon, character n-grams), by raw form. */
  private record(raw: string, lower: string): Float32Array {
    wordHashes(lower, this.lexicon, this.clusters, this.tmp);
    const r = this.slotSums(this.tmp);
    charHashes(raw, lower, this.tmp);
    const last = this.S - 1;
    for (const h of this.tmp) r[last] += this.w[offsetBucket(h, last, this.mask)];
    return r;
  }

  /** A POS tag's slot sums. */
  private posRecord(pos: string): Float32Array {
    let r = this.posMemo.get(pos);
    if (!r) {
      r = this.slotSums([posHash(pos)]);
      this.posMemo.set(pos, r);
    }
    return r;
  }

  private readonly posMemo = new Map<string, Float32Array>();
  /** POS records by the owner's POS id (valid with `idOwner`). */
  private posById: Float32Array[] = [];

  /** A POS tag's slot sums by the emission scorer's POS id (`posTags[id]` is the tag). */
  private posRecordById(id: number, posTags: readonly string[]): Float32Array {
    return this.posById[id] ?? (this.posById[id] = this.posRecord(posTags[id]));
  }
  /**
   * Records by the emission scorer's word id (valid for `idGeneration`), all in one flat array
   * (word id × S floats; `known[id]` = 1 once filled): one typed-array read per offset instead of
   * a pointer chase to a small array per word.
   */
  private pool = new Float32Array(0);
  private known = new Uint8Array(0);
  private idGeneration = -1;
  private idOwner?: object;
  /**
   * Scratch per sentence: token i's word and POS sums at each window offset, added once
   * (`comb[i × S + slot]`, float64 as the sum was before), and its own character-n-gram slot.
   */
  private comb = new Float64Array(0);
  private own = new Float64Array(0);

  /** The pool offset of word `id`'s record, filled on first use. */
  private recordAt(id: number, raw: string, lower: string): number {
    const S = this.S;
    if (id >= this.known.length) {
      const size = Math.max(2 * this.known.length, id + 1024);
      const known = new Uint8Array(size);
      known.set(this.known);
      const pool = new Float32Array(size * S);
      pool.set(this.pool);
      this.known = known;
      this.pool = pool;
    }
    if (!this.known[id]) {
      this.pool.set(this.record(raw, lower), id * S);
      this.known[id] = 1;
    }
    return id * S;
  }

  /** A word's record memoised by raw form (when no word ids are given). */
  private recordOf(raw: string, lower: string): Float32Array {
    let r = this.memo.get(raw);
    if (!r) {
      if (this.memo.size >= TOKEN_MODEL.maxCachedWords) this.memo.clear();
      this.memo.set(raw, (r = this.record(raw, lower)));
    }
    return r;
  }

  /**
   * Log-odds of each token of the sentence lying inside a fragment. `ids` (with their
   * `generation`): the emission scorer's word ids of the sentence, which key the memo; without
   * them the words are memoised by raw form.
   */
  sentence(v: SentenceView, out: Float64Array, ids?: Int32Array, owner?: object, generation = 0, posIds?: Int32Array, posTags?: readonly string[]): Float64Array {
    const n = v.raws.length;
    const W = this.window;
    const S = this.S;
    const last = S - 1;
    if (ids && (generation !== this.idGeneration || owner !== this.idOwner)) {
      this.known = new Uint8Array(4096);
      this.pool = new Float32Array(4096 * S);
      this.idGeneration = generation;
      this.idOwner = owner;
      this.posById = [];
    }
    if (this.comb.length < n * S) {
      this.comb = new Float64Array(2 * n * S);
      this.own = new Float64Array(2 * n);
    }
    const comb = this.comb;
    const own = this.own;
    for (let i = 0; i < n; i++) {
      const p = posIds && posTags ? this.posRecordById(posIds[i], posTags) : this.posRecord(v.pos[i]);
      let rec: Float32Array;
      let at: number;
      if (ids) {
        at = this.recordAt(ids[i], v.raws[i], v.lowers[i]);
        rec = this.pool;
      } else {
        at = 0;
        rec = this.recordOf(v.raws[i], v.lowers[i]);
      }
      own[i] = rec[at + last];
      const o = i * S;
      for (let s = 1; s < last; s++) comb[o + s] = rec[at + s] + p[s];
    }
    const c = this.constant;
    for (let i = 0; i < n; i++) {
      let z = c + own[i];
      const lo = Math.max(0, i - W);
      const hi = Math.min(n - 1, i + W);
      for (let k = lo; k <= hi; k++) z += comb[k * S + k - i + W + 1];
      if (i - W <= -1) z += this.edgeLeft[W - i];
      if (i + W >= n) z += this.edgeRight[n - i + W + 1];
      out[i] = z;
    }
    return out;
  }
}
