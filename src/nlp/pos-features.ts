import { fnv1a } from '../learn/index.js';

/**
 * Features of the part-of-speech tagger, shared by training and tagging. Every feature is a
 * (kind, value) pair hashed to a bucket; they are grouped by the word they are read from and
 * the role that word plays for the token being tagged, so that at run time each word type's
 * contribution in each role is summed once and memoised (see pos.ts):
 *
 * - SELF: the word itself, its lower case, suffixes of 1-4 letters, prefixes of 1-3, shape;
 * - PREV1 / PREV2 / NEXT1 / NEXT2: lower case and shape (and suffix at distance 1) of the
 *   neighbours, with sentence boundary words "<s>" / "</s>" past the sentence ends;
 * - FIRST: lower case and shape when the word opens a sentence (a capital means less there);
 * - tags: the previous tag, the one before, both, and the previous tag with the word's class
 *   (see `wordClass`).
 */

/** Salts that keep the feature kinds apart in the hash space. */
const KIND = {
  word: 0x1001,
  lower: 0x1002,
  suffix1: 0x1003,
  suffix2: 0x1004,
  suffix3: 0x1005,
  prefix1: 0x1006,
  suffix4: 0x1009,
  prefix2: 0x100a,
  prefix3: 0x100b,
  shape: 0x1007,
  bias: 0x1008,
  prev1Lower: 0x2001,
  prev1Suffix: 0x2002,
  prev1Shape: 0x2003,
  prev2Lower: 0x2004,
  prev2Shape: 0x2005,
  next1Lower: 0x3001,
  next1Suffix: 0x3002,
  next1Shape: 0x3003,
  next2Lower: 0x3004,
  next2Shape: 0x3005,
  firstLower: 0x4001,
  firstShape: 0x4002,
  tag1: 0x5001,
  tag2: 0x5002,
  tag12: 0x5003,
  tag1Class: 0x5004,
} as const;

/** Roles a word plays for the token being tagged, in the order of `WordFeatures.roles`. */
export const ROLE = { self: 0, prev1: 1, prev2: 2, next1: 3, next2: 4, first: 5 } as const;
export const ROLES = 6;

/** Sentinel words standing before the first and after the last token of a sentence. */
export const SENTENCE_START = '<s>';
export const SENTENCE_END = '</s>';

/** A 32-bit mix of a string hash with a feature-kind salt (murmur3's finaliser). */
export function mix(h: number, salt: number): number {
  let x = (h ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Word shape with runs collapsed: "Obama" → "Xx", "U.S." → "X.X.", "1,200" → "d,d", "iPhone" →
 * "xXx". Capped in length so odd long tokens share a shape.
 */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < MAX_SHAPE; i++) {
    const c = word.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else if (c < 128) k = word[i];
    else {
      const ch = word[i];
      k = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    }
    if (k !== last) out += k;
    last = k;
  }
  return out;
}
/** Longest shape kept: beyond it, tokens are odd enough to share one. */
const MAX_SHAPE = 8;

/** Hashed feature buckets of one word type in each role, and its class (`wordClass`). */
export interface WordFeatures {
  roles: Uint32Array[];
  cls: number;
}

/** The bucket of a hash under a feature kind (module level: under tsx's keepNames a closure pays a defineProperty per call). */
function bucket(mask: number, h: number, kind: number): number {
  return mix(h, kind) & mask;
}

/** The buckets (`< 2^bits`) of `word` in every role. */
export function wordFeatures(word: string, bits: number): WordFeatures {
  const mask = (1 << bits) - 1;
  if (word === SENTENCE_START || word === SENTENCE_END) {
    const h = fnv1a(word);
    const none = new Uint32Array(0);
    return {
      roles: [none, Uint32Array.of(bucket(mask, h, KIND.prev1Lower)), Uint32Array.of(bucket(mask, h, KIND.prev2Lower)), Uint32Array.of(bucket(mask, h, KIND.next1Lower)), Uint32Array.of(bucket(mask, h, KIND.next2Lower)), none],
      cls: OTHER_CLASS,
    };
  }
  const lower = word.toLowerCase();
  const n = lower.length;
  const hLower = fnv1a(lower);
  const hShape = fnv1a(shape(word));
  const hSuffix3 = fnv1a(n > 3 ? lower.slice(n - 3) : lower);
  const self = Uint32Array.of(
    bucket(mask, 0, KIND.bias),
    bucket(mask, fnv1a(word), KIND.word),
    bucket(mask, hLower, KIND.lower),
    bucket(mask, fnv1a(lower.slice(n - 1)), KIND.suffix1),
    bucket(mask, fnv1a(n > 2 ? lower.slice(n - 2) : lower), KIND.suffix2),
    bucket(mask, hSuffix3, KIND.suffix3),
    bucket(mask, fnv1a(word.slice(0, 1)), KIND.prefix1),
    bucket(mask, hShape, KIND.shape),
    bucket(mask, fnv1a(n > 4 ? lower.slice(n - 4) : lower), KIND.suffix4),
    bucket(mask, fnv1a(lower.slice(0, 2)), KIND.prefix2),
    bucket(mask, fnv1a(lower.slice(0, 3)), KIND.prefix3),
  );
  return {
    roles: [
      self,
      Uint32Array.of(bucket(mask, hLower, KIND.prev1Lower), bucket(mask, hSuffix3, KIND.prev1Suffix), bucket(mask, hShape, KIND.prev1Shape)),
      Uint32Array.of(bucket(mask, hLower, KIND.prev2Lower), bucket(mask, hShape, KIND.prev2Shape)),
      Uint32Array.of(bucket(mask, hLower, KIND.next1Lower), bucket(mask, hSuffix3, KIND.next1Suffix), bucket(mask, hShape, KIND.next1Shape)),
      Uint32Array.of(bucket(mask, hLower, KIND.next2Lower), bucket(mask, hShape, KIND.next2Shape)),
      Uint32Array.of(bucket(mask, hLower, KIND.firstLower), bucket(mask, hShape, KIND.firstShape)),
    ],
    cls: wordClass(word),
  };
}

/**
 * A coarse class of a word for the previous-tag × class feature: lower case, capitalised, all
 * capitals, with a digit, or other (punctuation, symbols). Cheap to keep per word at run time
 * (a previous-tag × word feature would need a lookup in the large weight table per token).
 */
export function wordClass(word: string): number {
  const c = word.charCodeAt(0);
  let digit = false;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    const k = word.charCodeAt(i);
    if (k >= 48 && k <= 57) digit = true;
    else if (ch.toLowerCase() !== ch) upper++;
    else if (ch.toUpperCase() !== ch) lower++;
  }
  if (digit) return 3;
  if (upper + lower === 0) return 4;
  if (upper === 0) return 0;
  if (lower === 0) return 2;
  return c >= 97 && c <= 122 ? 0 : 1;
}
/** Number of word classes. */
export const WORD_CLASSES = 5;
const OTHER_CLASS = 4;

/** Tag-history buckets: previous tag, the one before, the pair, and previous tag with the word's class. */
export function tagFeatures(prev1: number, prev2: number, cls: number, bits: number, into: Uint32Array): Uint32Array {
  const mask = (1 << bits) - 1;
  into[0] = mix(prev1, KIND.tag1) & mask;
  into[1] = mix(prev2, KIND.tag2) & mask;
  into[2] = mix(prev1 * 64 + prev2, KIND.tag12) & mask;
  into[3] = mix(prev1 * 64 + cls, KIND.tag1Class) & mask;
  return into;
}
export const TAG_FEATURES = 4;
