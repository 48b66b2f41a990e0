import { readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { errorMessage, SpinscopeError } from '../model/index.js';
import { readStream, readTextFile } from './text.js';
import type { LimitOptions } from './decode.js';
import type { ReadResult } from './types.js';

/** Options for reading inputs: size limits (more as readers need them). */
export interface ReadOptions extends LimitOptions {}

/** The input name that stands for standard input. */
export const STDIN = '-';

/** File endings read when a directory is given. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/** Lists article files under a directory, recursively, in a stable order. */
export function listArticleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listArticleFiles(path));
    else if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) out.push(path);
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
    let paths: string[];
    try {
      paths = statSync(input).isDirectory() ? listArticleFiles(input) : [input];
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      yield missing ? { origin: input, code: 'not-found', error: `${input}: no such file or directory` } : failure(input, err);
      continue;
    }
    if (paths.length === 0) yield { origin: input, code: 'empty-dir', error: `${input}: no .txt, .html or .htm files found` };
    for (const path of paths) {
      try {
        yield readTextFile(path, options);
      } catch (err) {
        yield failure(path, err);
      }
    }
  }
}

/** A read failure from an error: SpinscopeErrors carry their own code and one-line message. */
function failure(origin: string, err: unknown): ReadResult {
  if (err instanceof SpinscopeError) return { origin, code: err.code, error: err.message };
  const code = (err as NodeJS.ErrnoException).code;
  const message = code === 'EACCES' ? 'permission denied' : errorMessage(err);
  return { origin, code: 'read-error', error: `${origin}: ${message}` };
}
