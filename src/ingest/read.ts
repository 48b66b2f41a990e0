import { readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { errorMessage } from '../model/index.js';
import { readTextFile } from './text.js';
import type { ReadResult } from './types.js';

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
export async function* readSources(inputs: readonly string[]): AsyncGenerator<ReadResult> {
  for (const input of inputs) {
    let paths: string[];
    try {
      paths = statSync(input).isDirectory() ? listArticleFiles(input) : [input];
    } catch (err) {
      yield { origin: input, code: 'not-found', error: `${input}: no such file or directory` };
      continue;
    }
    if (paths.length === 0) yield { origin: input, code: 'empty-dir', error: `${input}: no .txt, .html or .htm files found` };
    for (const path of paths) {
      try {
        yield readTextFile(path);
      } catch (err) {
        yield { origin: path, code: 'read-error', error: `${path}: ${errorMessage(err)}` };
      }
    }
  }
}
