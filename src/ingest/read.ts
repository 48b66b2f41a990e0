import { createReadStream, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { errorMessage, SpinscopeError } from '../model/index.js';
import { readStream, readTextFile } from './text.js';
import type { LimitOptions } from './decode.js';
import { isReadFailure, type ReadFailure, type ReadResult } from './types.js';
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
    // A pipe or device given by name (`analyze <(zcat a.gz)`): its size says nothing, read it as a stream with the limit.
    const doc = statSync(path).isFile() ? readTextFile(path, options) : await readStream(createReadStream(path), path, options);
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

/**
 * Lists article files under a directory, recursively, in a stable order. Entries that cannot be
 * read are left out and, when `problems` is given, reported there: a broken symbolic link, a link
 * back to a directory already listed (a loop), a pipe or device with an article's name (reading
 * one would wait forever or never end).
 */
export function listArticleFiles(dir: string, problems?: ReadFailure[]): string[] {
  const out: string[] = [];
  listInto(dir, out, problems, new Set());
  return out;
}

function isArticleName(name: string): boolean {
  const ext = extname(name).toLowerCase();
  return ARTICLE_EXTENSIONS.has(ext) && (ext !== '.gz' || inputKind(name) !== 'text');
}

function listInto(dir: string, out: string[], problems: ReadFailure[] | undefined, seen: Set<string>): void {
  const stat = statSync(dir);
  const key = `${stat.dev}:${stat.ino}`;
  if (seen.has(key)) {
    problems?.push({ origin: dir, code: 'link-loop', error: `${dir}: links back to a directory already read, skipped` });
    return;
  }
  seen.add(key);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    problems?.push(failure(dir, err));
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    let entry;
    try {
      entry = statSync(path);
    } catch (err) {
      if (!isArticleName(name)) continue;
      const broken = (err as NodeJS.ErrnoException).code === 'ENOENT' && lstatSafe(path)?.isSymbolicLink();
      problems?.push(broken ? { origin: path, code: 'broken-link', error: `${path}: a symbolic link to a missing file, skipped` } : failure(path, err));
      continue;
    }
    if (entry.isDirectory()) listInto(path, out, problems, seen);
    else if (!isArticleName(name)) continue;
    else if (entry.isFile()) out.push(path);
    else problems?.push({ origin: path, code: 'not-a-file', error: `${path}: not a regular file (a pipe, device or socket), skipped` });
  }
}

function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
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
    const problems: ReadFailure[] = [];
    try {
      paths = statSync(input).isDirectory() ? listArticleFiles(input, problems) : [input];
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      yield missing ? { origin: input, code: 'not-found', error: `${input}: no such file or directory` } : failure(input, err);
      continue;
    }
    yield* problems;
    if (paths.length === 0 && problems.length === 0) yield { origin: input, code: 'empty-dir', error: `${input}: no article files found (.txt, .html, .htm, .warc, .jsonl, optionally .gz)` };
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
function failure(origin: string, err: unknown): ReadFailure {
  // Errors from below the file level ("content is binary, not HTML", "not a valid gzip stream") do not name the file.
  if (err instanceof SpinscopeError) return { origin, code: err.code, error: err.message.startsWith(`${origin}: `) ? err.message : `${origin}: ${err.message}` };
  const code = (err as NodeJS.ErrnoException).code;
  // zlib says only "incorrect header check" for a .gz file that is not gzip-compressed.
  const message = code === 'EACCES' ? 'permission denied' : code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? `not valid gzip data (${errorMessage(err)})` : errorMessage(err);
  return { origin, code: 'read-error', error: `${origin}: ${message}` };
}
