import { deflateRawSync } from 'node:zlib';
import type { Article } from '../model/index.js';
import { contentHash } from './hash.js';
import { encodeLayer } from './layer-codec.js';
import { deriveRows, type DerivedRows } from './derive.js';
import { fingerprint, type Fingerprint } from './minhash.js';
import { storyTerms, textNames } from './stories/features.js';

/**
 * An article made ready for storage: everything that needs no database — the id, the column
 * values, JSON of meta/findings/layers, the derived rows, the near-duplicate fingerprint and the
 * story terms. Ingest workers prepare articles, so the single writer thread only runs SQL and
 * the clustering that needs shared state; and a prepared article is plain strings and numbers,
 * cheap to pass between threads (an `Article` with ~1,100 token objects is not).
 */
export interface PreparedArticle {
  id: string;
  text: string;
  columns: {
    title: string | null; outlet: string | null; section: string | null; author: string | null; published: string | null; url: string | null;
    meta: string; findings: string; notices: string; analysis: string; analysis_key: string;
  };
  /** [layer name, encoded layer] in the article's layer order: JSON text, or deflated JSON bytes when long. */
  layers: [string, string | Uint8Array][];
  rows: DerivedRows;
  fingerprint?: Fingerprint;
  /** Raw story term weights (before idf). */
  storyTerms: [string, number][];
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/**
 * Encoded layers longer than this (characters) are stored deflated: the tokens layer (~10 KB of
 * JSON per article) shrinks about 4×, for ~0.1 ms in the worker and less to inflate on reading.
 */
const DEFLATE_ABOVE = 1024;

/** The stored form of an encoded layer (see `DEFLATE_ABOVE`). */
export function layerBlob(jsonText: string): string | Uint8Array {
  return jsonText.length > DEFLATE_ABOVE ? deflateRawSync(jsonText, { level: 1 }) : jsonText;
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
    meta: json(meta), findings: json(article.findings ?? {}), notices: json(article.notices ?? []), analysis: json(analysis), analysis_key: analysisKey(analysis),
  };
  const terms = storyTerms({
    id: '', title: columns.title ?? undefined, text: article.text,
    entities: rows.entities.length ? rows.entities.map((e) => e.name) : textNames(article.text),
  });
  return {
    id: contentHash(article.text),
    text: article.text,
    columns,
    layers: Object.entries(article.layers ?? {}).map(([name, layer]) => [name, layerBlob(JSON.stringify(encodeLayer(layer)))]),
    rows,
    fingerprint: fingerprint(article.text),
    storyTerms: [...terms],
  };
}
