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

/** An encoded layer, with the JSON text of each entry of `R` (made anyway, as its dictionary key). */
interface EncodedParts extends EncodedLayer {
  RJson: string[];
}

/** Encodes a layer: the loop shared by `encodeLayer` and `encodeLayerJson`. */
function encodeParts(layer: Layer): EncodedParts {
  const out: EncodedParts = { s: [], e: [], L: [], l: [], R: [], r: [], RJson: [] };
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
    // Most spans (tokens) carry nothing else: no copy and no JSON for them.
    let rest: Record<string, unknown> | undefined;
    for (const k in span) {
      if (k !== 'start' && k !== 'end' && k !== 'label') (rest ??= {})[k] = (span as unknown as Record<string, unknown>)[k];
    }
    const key = rest === undefined ? '{}' : JSON.stringify(rest);
    if (key === '{}') {
      out.r.push(-1);
      continue;
    }
    let ri = rests.get(key);
    if (ri === undefined) {
      rests.set(key, (ri = out.R.push(rest!) - 1));
      out.RJson.push(key);
    }
    out.r.push(ri);
  }
  return out;
}

/** Encodes a layer (see `EncodedLayer`). */
export function encodeLayer(layer: Layer): EncodedLayer {
  const { s, e, L, l, R, r } = encodeParts(layer);
  return { s, e, L, l, R, r };
}

/**
 * `JSON.stringify(encodeLayer(layer))`, the same text, without stringifying the extra fields a
 * second time (their JSON is already made, as dictionary keys): about a sixth less CPU for the
 * layers of an article (0.66 → 0.55 ms on the bench corpus).
 */
export function encodeLayerJson(layer: Layer): string {
  const { s, e, L, l, r, RJson } = encodeParts(layer);
  const j = JSON.stringify;
  return `{"s":${j(s)},"e":${j(e)},"L":${j(L)},"l":${j(l)},"R":[${RJson.join(',')}],"r":${j(r)}}`;
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
