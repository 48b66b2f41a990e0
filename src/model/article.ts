import type { Layer } from './span.js';

/** Metadata about the article, from the page, the feed, or plain-text cleanup. */
export interface ArticleMeta {
  title?: string;
  section?: string;
  outlet?: string;
  author?: string;
  /** ISO 8601 date or date-time. */
  published?: string;
  url?: string;
  canonicalUrl?: string;
  language?: string;
  /** Where the article was read from: a path, URL, WARC record or feed item. */
  origin?: string;
  /** The input format the text was made from. */
  format?: 'text' | 'html' | 'jsonl' | 'warc' | 'feed';
  [key: string]: unknown;
}

/** Something the reader should know about how the article was read (not an error). */
export interface Notice {
  code: string;
  message: string;
  stage?: string;
}

/**
 * An article: one string and standoff layers over it. Nothing downstream copies or rewrites
 * `text`; every finding is a span in `layers`, or an article-level record in `findings`
 * (canonical entities, sources, timeline, summaries) that points into layers by index or id.
 *
 * @example
 * const article = createArticle('Kerry met Lavrov.', { title: 'Talks' });
 */
export interface Article {
  id?: string;
  text: string;
  meta: ArticleMeta;
  layers: Record<string, Layer>;
  findings: Record<string, unknown>;
  notices: Notice[];
  /** Stage name → version of every stage that ran, so a newer pipeline can re-analyse. */
  analysis: Record<string, string>;
}

/** Creates an article with no layers. */
export function createArticle(text: string, meta: ArticleMeta = {}, notices: Notice[] = []): Article {
  return { text, meta: { ...meta }, layers: {}, findings: {}, notices: [...notices], analysis: {} };
}
