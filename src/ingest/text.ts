import { readFileSync } from 'node:fs';
import type { SourceDocument } from './types.js';

/** Decodes a plain-text file's bytes to a source document. */
export function readTextFile(path: string): SourceDocument {
  const text = readFileSync(path, 'utf8');
  return { text, meta: { origin: path, format: 'text' }, notices: [] };
}
