import type { ArticleMeta, Notice } from '../model/index.js';

/**
 * A document as read from its source, before analysis: the text the article will own, the
 * metadata found alongside it, and notices about the reading (replaced bytes, truncation).
 * Readers for HTML, WARC, feeds and JSONL all produce this shape.
 */
export interface SourceDocument {
  text: string;
  meta: ArticleMeta;
  notices: Notice[];
  /** Spans the reader already knows about (captions, headings from HTML), by layer name. */
  layers?: Record<string, import('../model/index.js').Span[]>;
  id?: string;
}

/** A source that could not be read: where, and a one-line reason. */
export interface ReadFailure {
  origin: string;
  error: string;
  code: string;
}

export type ReadResult = SourceDocument | ReadFailure;

export function isReadFailure(result: ReadResult): result is ReadFailure {
  return 'error' in result && typeof (result as ReadFailure).error === 'string';
}
