import { extractHtml, fetchUrl, decodeBytes } from '../ingest/index.js';
import type { SourceDocument } from '../ingest/types.js';
import { SpinscopeError } from '../model/index.js';

/*
 * The readers behind `POST /api/analyze`: HTML goes through the ingest extractor (the same one
 * as `spinscope ingest page.html`), URLs through the ingest fetcher with its SSRF guard.
 */

/** Limits of a fetch made on behalf of an HTTP client (tighter than the CLI's). */
export const URL_FETCH_LIMITS = {
  /** A news page with inline scripts and styles is rarely over 2 MB; 5 MB leaves room. */
  maxBytes: 5 * 1024 * 1024,
  /** A client waits for the fetch and the analysis; a slow site must not hold it long. */
  timeoutMs: 15_000,
  maxRedirects: 5,
} as const;

/** Content types read as plain text rather than as HTML. */
const PLAIN_TEXT = /^text\/plain\b/i;

/** Reads a posted HTML page into a document (body text, title, date, outlet, captions). */
export function readHtmlDocument(html: string, url?: string): SourceDocument {
  return extractHtml(html, { url }).doc;
}

export interface UrlReaderOptions {
  /** Let URLs that resolve to loopback, private or link-local addresses through (off by default). */
  allowPrivate?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

/**
 * Makes the URL reader of the server: fetches with the SSRF guard (every redirect hop checked),
 * the size limit and a total timeout, then extracts the page (or decodes plain text).
 *
 * @example
 * const read = urlReader({ allowPrivate: false });
 * const doc = await read('https://example.org/news/1');
 */
export function urlReader(options: UrlReaderOptions = {}): (url: string) => Promise<SourceDocument> {
  return async (url) => {
    const page = await fetchUrl(url, {
      allowPrivate: options.allowPrivate ?? false,
      maxBytes: options.maxBytes ?? URL_FETCH_LIMITS.maxBytes,
      timeoutMs: options.timeoutMs ?? URL_FETCH_LIMITS.timeoutMs,
      maxRedirects: URL_FETCH_LIMITS.maxRedirects,
    });
    if (PLAIN_TEXT.test(page.contentType)) {
      const decoded = decodeBytes(page.body, page.url);
      return { text: decoded.text, meta: { origin: url, format: 'text', url: page.url }, notices: decoded.notices };
    }
    const doc = extractHtml(page.body, { url: page.url, contentType: page.contentType, origin: url }).doc;
    if (!doc.text.trim()) throw new SpinscopeError('empty', `${page.url}: no article text found in the page`);
    return doc;
  };
}
