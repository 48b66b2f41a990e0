/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units. Feature strings are hashed into a fixed
 * number of buckets so models need no vocabulary and stay compact.
 */
export function fnv1a(str, seed = 0x811c9dc5) {
    let h = seed >>> 0;
    for (let i = 0; i < str.length; i++) {
        h ^= str.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
/** Maps feature strings to bucket indices in `[0, 2^bits)`. */
export function hashFeatures(features, bits) {
    const mask = (1 << bits) - 1;
    const out = new Uint32Array(features.length);
    for (let i = 0; i < features.length; i++)
        out[i] = fnv1a(features[i]) & mask;
    return out;
}
/** A small, seeded pseudo-random generator (mulberry32): training is deterministic. */
export function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Fisher–Yates shuffle of indices `0..n-1` with a seeded generator. */
export function shuffledIndices(n, random) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
}
