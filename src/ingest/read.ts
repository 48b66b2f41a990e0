import { readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { errorMessage, SpinscopeError } from '../model/index.js';
import { readStream, readTextFile } from './text.js';
import type { LimitOptions } from './decode.js';
import { isReadFailure, type ReadResult } from './types.js';
import { extractHtml, readHtmlFile } from './html/index.js';
import { readWarc } from './warc.js';
import { readJsonl } from './jsonl.js';
import { readFeed } from './feed.js';
import { fetchUrl, isUrl } from './url.js';

/** Options for reading inputs: size limits, the SSRF guard switch and feeds to expand. */
export interface ReadOptions extends LimitOptions {
  allowPrivate?: boolean;
  /** Feed sources (URLs or files) whose items are read after the inputs. */
  feeds?: readonly string[];
}

/** The reader an input path needs, from its (double) extension. */
export function inputKind(path: string): 'html' | 'warc' | 'jsonl' | 'text' {
  const p = path.toLowerCase().replace(/\.gz$/, '');
  if (p.endsWith('.html') || p.endsWith('.htm') || p.endsWith('.xhtml')) return 'html';
  if (p.endsWith('.warc')) return 'warc';
  if (p.endsWith('.jsonl') || p.endsWith('.ndjson')) return 'jsonl';
  return 'text';
}

/** Reads one file with the reader its extension names. */
async function* readFileByKind(path: string, options: ReadOptions): AsyncGenerator<ReadResult> {
  const kind = inputKind(path);
  if (kind === 'warc') yield* readWarc(path);
  else if (kind === 'jsonl') yield* readJsonl(path);
  else if (kind === 'html') yield (await readHtmlFile(path)).doc;
  else {
    const doc = readTextFile(path, options);
    // A feed given as a plain input would be analysed as one article of XML markup.
    if (!isReadFailure(doc) && FEED_START.test(doc.text.slice(0, 2000))) {
      yield { origin: path, code: 'is-feed', error: `${path}: this is a feed (RSS, Atom or JSON Feed): give it with --feed ${path}` };
    } else yield doc;
  }
}

/**
 * How a feed file begins: an XML declaration or comment, then <rss>, <feed> or <rdf:RDF>; or a JSON Feed version.
 * A comment's content cannot hold "-->" (`(?:[^-]|-(?!->))*`, not `[\s\S]*?`): with the lazy form a
 * comment could also stretch over the next ones, and a text starting with many "<!--x-->" took
 * exponential time (30 comments: minutes).
 */
export const FEED_START = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:rss|feed|rdf:RDF)\b|^\uFEFF?\s*\{\s*"version"\s*:\s*"https:\/\/jsonfeed\.org/;

/** The input name that stands for standard input. */
export const STDIN = '-';

/** File endings read when a directory is given. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.warc', '.jsonl', '.ndjson', '.gz']);

/** Lists article files under a directory, recursively, in a stable order. */
export function listArticleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listArticleFiles(path));
    else if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()) && (extname(name).toLowerCase() !== '.gz' || inputKind(name) !== 'text')) out.push(path);
  }
  return out;
}

/**
 * Reads every input (files, directories) into source documents, one result per article; an
 * input that cannot be read becomes a failure result, never an exception.
 */
export async function* readSources(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  for (const input of inputs) {
    if (input === STDIN) {
      yield await readStream(process.stdin, 'standard input', options).catch((err) => failure('standard input', err));
      continue;
    }
    if (isUrl(input)) {
      try {
        const page = await fetchUrl(input, { allowPrivate: options.allowPrivate });
        yield extractHtml(page.body, { url: page.url, contentType: page.contentType, origin: input }).doc;
      } catch (err) {
        yield { origin: input, code: 'fetch-error', error: `${input}: ${errorMessage(err)}` };
      }
      continue;
    }
    let paths: string[];
    try {
      paths = statSync(input).isDirectory() ? listArticleFiles(input) : [input];
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      yield missing ? { origin: input, code: 'not-found', error: `${input}: no such file or directory` } : failure(input, err);
      continue;
    }
    if (paths.length === 0) yield { origin: input, code: 'empty-dir', error: `${input}: no article files found (.txt, .html, .htm, .warc, .jsonl, optionally .gz)` };
    for (const path of paths) {
      try {
        yield* readFileByKind(path, options);
      } catch (err) {
        yield failure(path, err);
      }
    }
  }
  for (const feed of options.feeds ?? []) yield* readFeed(feed, { allowPrivate: options.allowPrivate });
}

/** A read failure from an error: SpinscopeErrors carry their own code and one-line message. */
function failure(origin: string, err: unknown): ReadResult {
  if (err instanceof SpinscopeError) return { origin, code: err.code, error: err.message };
  const code = (err as NodeJS.ErrnoException).code;
  // zlib says only "incorrect header check" for a .gz file that is not gzip-compressed.
  const message = code === 'EACCES' ? 'permission denied' : code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? `not valid gzip data (${errorMessage(err)})` : errorMessage(err);
  return { origin, code: 'read-error', error: `${origin}: ${message}` };
}
