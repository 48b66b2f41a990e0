import { open } from 'node:fs/promises';
import type { Notice, Span } from '../../model/index.js';
import { SpinscopeError } from '../../model/index.js';
import { gunzipLimited, isGzip, MAX_GUNZIP_BYTES } from '../gzip.js';
import type { SourceDocument } from '../types.js';
import { decodeHtml, looksBinary } from './charset.js';
import { extractBody, type BodyStage } from './content.js';
import { parsePage } from './dom.js';
import { extractMeta } from './metadata.js';

export { parseDate, parseTextDate, dateFromUrl } from './dates.js';
export { decodeHtml, charsetFromContentType } from './charset.js';

/** Pages larger than this are cut (with a notice) before parsing: bounded time and memory. */
export const MAX_HTML_BYTES = 24 * 1024 * 1024;

/**
 * Longest metadata values kept (characters). A broken page can make a whole article its title or
 * byline (200,000 characters seen); longer values are cut at a word and marked with a notice.
 */
export const MAX_META_CHARS = { title: 300, author: 200, section: 120, outlet: 120 } as const;

export interface HtmlOptions {
  /** The page URL (for dates in the path and relative canonical links). */
  url?: string;
  /** The HTTP Content-Type header, for its charset. */
  contentType?: string;
  /** Where the page came from (path, URL, WARC record), stored as meta.origin. */
  origin?: string;
}

/** An extracted page: the source document plus the body alone (text without captions). */
export interface ExtractedPage {
  doc: SourceDocument;
  body: string;
  stage: BodyStage;
}

/**
 * Extracts the article from an HTML page: body text (blocks separated by blank lines, captions
 * marked as `caption` spans in `layers.structure`), title, author, date, section, language,
 * canonical URL and outlet. Never throws on malformed HTML; throws SpinscopeError('binary') on
 * bytes that are not text.
 *
 * @example
 * const { doc } = extractHtml('<html><title>T</title><article><p>Body…</p></article></html>');
 */
export function extractHtml(input: Uint8Array | string, options: HtmlOptions = {}): ExtractedPage {
  const notices: Notice[] = [];
  let html: string;
  let charset = 'utf-16 string';
  if (typeof input === 'string') html = input;
  else {
    if (looksBinary(input)) throw new SpinscopeError('binary', 'content is binary, not HTML');
    let bytes = input;
    if (bytes.length > MAX_HTML_BYTES) {
      notices.push({ code: 'truncated', message: `page cut to ${MAX_HTML_BYTES} bytes`, stage: 'ingest' });
      bytes = bytes.subarray(0, MAX_HTML_BYTES);
    }
    const decoded = decodeHtml(bytes, options.contentType);
    html = decoded.html;
    charset = decoded.charset;
    if (decoded.mismatch) notices.push({ code: 'charset-mismatch', message: decoded.mismatch, stage: 'ingest' });
  }
  if (html.length > MAX_HTML_BYTES) {
    notices.push({ code: 'truncated', message: `page cut to ${MAX_HTML_BYTES} characters`, stage: 'ingest' });
    html = html.slice(0, MAX_HTML_BYTES);
  }
  const page = parsePage(html);
  const meta = extractMeta(page, options.url);
  // The body drops the headline as displayed (the h1), also when the title is worded otherwise.
  const result = extractBody(page.root, meta.heading ?? meta.title, meta.author);
  if (result.stage !== 'selector' && result.stage !== 'score') {
    notices.push({ code: 'extraction-fallback', message: `body found by fallback stage ${result.stage} (${result.tries.join(', ')})`, stage: 'ingest' });
  }

  let text = '';
  const structure: Span[] = [];
  const bodyParts: string[] = [];
  for (const block of result.blocks) {
    if (text) text += '\n\n';
    const start = text.length;
    text += block.text;
    if (block.caption) structure.push({ start, end: text.length, label: 'caption', source: { stage: 'ingest', rule: 'figcaption' } });
    else {
      if (block.heading) structure.push({ start, end: text.length, label: 'heading', attrs: { level: Number(block.el.tag.slice(1)) }, source: { stage: 'ingest', rule: block.el.tag } });
      bodyParts.push(block.text);
    }
  }
  if (!text.trim()) notices.push({ code: 'empty', message: 'no text found in the page', stage: 'ingest' });

  const doc: SourceDocument = {
    text,
    meta: {
      origin: options.origin,
      format: 'html',
      url: options.url,
      title: meta.title,
      author: meta.author,
      published: meta.published,
      section: meta.section,
      language: meta.language,
      canonicalUrl: meta.canonicalUrl,
      outlet: meta.outlet,
      charset,
      extraction: { stage: result.stage, tries: result.tries, sources: meta.sources },
    },
    notices,
    layers: structure.length ? { structure } : undefined,
  };
  for (const key of Object.keys(doc.meta)) if (doc.meta[key] === undefined) delete doc.meta[key];
  for (const [key, max] of Object.entries(MAX_META_CHARS)) {
    const value = doc.meta[key];
    if (typeof value !== 'string' || value.length <= max) continue;
    doc.meta[key] = cutAtWord(value, max);
    notices.push({ code: 'truncated', message: `${key} of ${value.length} characters cut to ${max}`, stage: 'ingest' });
  }
  return { doc, body: bodyParts.join('\n\n'), stage: result.stage };
}

/** `value` cut to at most `max` characters, at the last space when there is one in its second half, with an ellipsis. */
function cutAtWord(value: string, max: number): string {
  const head = value.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * The first `limit` bytes of a file (all of a smaller one). Memory stays bounded whatever the file
 * is: a page of gigabytes, or a pipe or device (/dev/zero) whose size stat cannot tell.
 */
export async function readAtMost(path: string, limit: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    while (size < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, limit - size));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      size += bytesRead;
    }
    return Buffer.concat(chunks, size);
  } finally {
    await file.close();
  }
}

/** Bytes read at a time by `readAtMost`. */
const READ_CHUNK_BYTES = 1 << 20;

/**
 * Reads an .html/.htm file, or a gzip-compressed one (.html.gz, size-limited), and extracts it.
 * At most MAX_GUNZIP_BYTES (+1) are read: more could not be decompressed, and a plain page is cut
 * to MAX_HTML_BYTES (with a notice) anyway.
 */
export async function readHtmlFile(path: string, options: HtmlOptions = {}): Promise<ExtractedPage> {
  let bytes: Uint8Array = await readAtMost(path, MAX_GUNZIP_BYTES + 1);
  if (isGzip(bytes)) bytes = await gunzipLimited(bytes);
  return extractHtml(bytes, { origin: path, ...options });
}
