import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Article } from '../model/index.js';
import { contentHash } from './hash.js';
import { encodeLayerJson, decodeLayer, type EncodedLayer } from './layer-codec.js';
import { deriveRows, packRows, type PackedRows } from './derive.js';
import { fingerprint, type Fingerprint } from './minhash.js';
import { storyTerms, textNames } from './stories/features.js';

/**
 * An article made ready for storage: everything that needs no database — the id, the column
 * values, JSON of meta/findings, the layers blob, the derived rows, the near-duplicate fingerprint and the
 * story terms. Ingest workers prepare articles, so the single writer thread only runs SQL and
 * the clustering that needs shared state; and a prepared article is a few strings, byte arrays
 * and flat arrays, cheap to pass between threads (an `Article` with ~1,100 token objects is not,
 * and neither were the ~50 row objects a structured clone rebuilds one property at a time).
 */
export interface PreparedArticle {
  id: string;
  text: string;
  columns: {
    title: string | null; outlet: string | null; section: string | null; author: string | null; published: string | null; url: string | null;
    /** JSON, or deflated JSON bytes when long (see `jsonColumn`). */
    meta: string; findings: string | Uint8Array; notices: string; analysis: string; analysis_key: string;
  };
  /** Every layer, in the article's layer order, in one blob (see `encodeLayers`). */
  layers: Uint8Array;
  rows: PackedRows;
  fingerprint?: Fingerprint;
  /** Raw story term weights (before idf), as `storyTerms` gives them. */
  storyTerms: Map<string, number>;
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/**
 * Stored JSON longer than this (characters) is deflated: findings average ~9 KB of JSON per
 * article and shrink ~4×, for ~0.1 ms in the worker. Deflate level 1: level 6 saves a tenth more
 * for twice the time.
 */
const DEFLATE_ABOVE = 1024;
const DEFLATE = { level: 1 } as const;

/** A JSON column as stored: the text, or its deflated bytes when long (read with `readJsonColumn`). */
export function jsonColumn(jsonText: string): string | Uint8Array {
  return jsonText.length > DEFLATE_ABOVE ? deflateRawSync(jsonText, DEFLATE) : jsonText;
}

/** Reads a JSON column written by `jsonColumn` (or plain JSON text from schema version 1). */
export function readJsonColumn(value: string | Uint8Array): unknown {
  return JSON.parse(typeof value === 'string' ? value : inflateRawSync(value).toString('utf8'));
}

/**
 * All layers of an article in one blob: deflated JSON of `[[name, EncodedLayer], ...]` in layer
 * order. One blob rather than a row per layer (schema 1): one deflate stream compresses better
 * than eleven small ones and costs a third less, one insert instead of eleven, and no
 * half-empty overflow page per layer (schema 1 spent 14.5 KB of pages on ~7.5 KB of layers).
 */
export function encodeLayers(layers: Article['layers']): Uint8Array {
  const entries = Object.entries(layers).map(([name, layer]) => `[${JSON.stringify(name)},${encodeLayerJson(layer)}]`);
  return deflateRawSync(`[${entries.join(',')}]`, DEFLATE);
}

/** Decodes `encodeLayers`. */
export function decodeLayers(blob: Uint8Array): Article['layers'] {
  const layers: Article['layers'] = {};
  for (const [name, enc] of JSON.parse(inflateRawSync(blob).toString('utf8')) as [string, EncodedLayer][]) layers[name] = decodeLayer(enc);
  return layers;
}

const strOrNull = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The outlet of an article: `meta.outlet`, else the host name of its URL. */
export function outletOf(meta: Article['meta']): string | null {
  const o = strOrNull(meta.outlet);
  if (o) return o;
  const url = strOrNull(meta.url) ?? strOrNull(meta.canonicalUrl);
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** A canonical string of stage versions, so stale articles are found with one indexed comparison. */
export function analysisKey(analysis: Record<string, string>): string {
  return JSON.stringify(Object.keys(analysis).sort().map((k) => [k, analysis[k]]));
}

/** Prepares an article for storage (pure; see `PreparedArticle`). */
export function prepareArticle(article: Article): PreparedArticle {
  const meta = article.meta ?? {};
  const analysis = article.analysis ?? {};
  const rows = deriveRows(article);
  const columns = {
    title: strOrNull(meta.title), outlet: outletOf(meta), section: strOrNull(meta.section), author: strOrNull(meta.author),
    published: strOrNull(meta.published), url: strOrNull(meta.url),
    meta: json(meta), findings: jsonColumn(json(article.findings ?? {})), notices: json(article.notices ?? []), analysis: json(analysis), analysis_key: analysisKey(analysis),
  };
  const terms = storyTerms({
    id: '', title: columns.title ?? undefined, text: article.text,
    entities: rows.entities.length ? rows.entities.map((e) => e.name) : textNames(article.text),
  });
  return {
    id: contentHash(article.text),
    text: article.text,
    columns,
    layers: encodeLayers(article.layers ?? {}),
    rows: packRows(rows),
    fingerprint: fingerprint(article.text),
    storyTerms: terms,
  };
}
