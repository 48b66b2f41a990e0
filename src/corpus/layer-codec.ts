import type { Layer, Span } from '../model/index.js';

/**
 * A compact, exact encoding of a layer for storage. Tokens dominate an article's size (~1,100
 * spans of `{start, end, label}`), so positions are delta-coded, labels go through a small
 * dictionary, and whatever else a span carries (attrs, score, evidence, source) is kept as a
 * deduplicated JSON object. Decoding gives spans JSON-equal to the input, in the same order.
 */
export interface EncodedLayer {
  /** Start of each span minus the start of the previous one. */
  s: number[];
  /** Length (end − start) of each span. */
  e: number[];
  /** Label dictionary and the index of each span's label. */
  L: string[];
  l: number[];
  /** Dictionary of the remaining fields, and the index of each span's (−1: none). */
  R: Record<string, unknown>[];
  r: number[];
}

/** Whether a span has fields besides start, end and label. */
function hasExtraFields(span: Span): boolean {
  for (const k in span) if (k !== 'start' && k !== 'end' && k !== 'label') return true;
  return false;
}

/** Encodes a layer (see `EncodedLayer`). */
export function encodeLayer(layer: Layer): EncodedLayer {
  const out: EncodedLayer = { s: [], e: [], L: [], l: [], R: [], r: [] };
  const labels = new Map<string, number>();
  const rests = new Map<string, number>();
  let prev = 0;
  for (const span of layer) {
    const { start, end, label } = span;
    out.s.push(start - prev);
    out.e.push(end - start);
    prev = start;
    let li = labels.get(label);
    if (li === undefined) labels.set(label, (li = out.L.push(label) - 1));
    out.l.push(li);
    // Most spans (tokens, sentences) carry nothing else: skip copying and stringifying them.
    if (!hasExtraFields(span)) {
      out.r.push(-1);
      continue;
    }
    const { start: _s, end: _e, label: _l, ...rest } = span;
    const key = JSON.stringify(rest);
    if (key === '{}') {
      out.r.push(-1);
      continue;
    }
    let ri = rests.get(key);
    if (ri === undefined) rests.set(key, (ri = out.R.push(rest) - 1));
    out.r.push(ri);
  }
  return out;
}

/** Decodes a layer encoded by `encodeLayer`. */
export function decodeLayer(enc: EncodedLayer): Layer {
  const spans: Span[] = new Array(enc.s.length);
  let start = 0;
  for (let i = 0; i < enc.s.length; i++) {
    start += enc.s[i];
    const span: Span = { start, end: start + enc.e[i], label: enc.L[enc.l[i]] };
    const ri = enc.r[i];
    spans[i] = ri < 0 ? span : { ...span, ...structuredClone(enc.R[ri]) };
  }
  return spans;
}
