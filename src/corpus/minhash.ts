/**
 * MinHash signatures for near-duplicate detection (syndicated copies, small edits). The
 * signature estimates the Jaccard similarity of two texts' word-shingle sets; locality-sensitive
 * hashing over bands of the signature finds candidates with indexed equality lookups, so the
 * cost per article does not grow with the corpus.
 */
export const NEAR_DUP = {
  /** Words per shingle: 3 keeps word order without making one edit touch too many features. */
  shingle: 3,
  /** Signature length = bands × rows. 16 bands of 4 rows find pairs with J ≥ 0.8 with p ≈ 0.9999. */
  bands: 16,
  rows: 4,
  /** Estimated Jaccard at or above which two texts are near-duplicates. */
  minJaccard: 0.8,
  /** Texts with fewer words are not fingerprinted (too little evidence; headlines collide). */
  minWords: 40,
} as const;

const SIZE = NEAR_DUP.bands * NEAR_DUP.rows;

/** Seeded multipliers and offsets of the hash permutations (fixed, so signatures are stable). */
const PERMS = (() => {
  let s = 0x2545f491;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
  return Array.from({ length: SIZE }, () => [next() | 1, next()] as const);
})();

/** FNV-1a 32-bit. */
function fnv(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A MinHash signature and its LSH band keys. */
export interface Fingerprint {
  signature: number[];
  bands: number[];
}

/**
 * The fingerprint of a text, or undefined when it has fewer than `NEAR_DUP.minWords` words.
 *
 * @example
 * jaccard(fingerprint(a)!.signature, fingerprint(a.replace('tense', 'very tense'))!.signature); // ≈ 0.95
 */
export function fingerprint(text: string): Fingerprint | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < NEAR_DUP.minWords) return undefined;
  const signature = new Array<number>(SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i + NEAR_DUP.shingle <= words.length; i++) {
    const h = fnv(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
    if (seen.has(h)) continue;
    seen.add(h);
    for (let k = 0; k < SIZE; k++) {
      const v = (Math.imul(PERMS[k][0], h) + PERMS[k][1]) >>> 0;
      if (v < signature[k]) signature[k] = v;
    }
  }
  const bands = Array.from({ length: NEAR_DUP.bands }, (_, b) => fnv(signature.slice(b * NEAR_DUP.rows, (b + 1) * NEAR_DUP.rows).join(',')) | 0);
  return { signature, bands };
}

/** Estimated Jaccard similarity: the share of equal signature positions. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
