import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs';
import { SpinscopeError } from '../model/index.js';
import { checkSize, decodeBytes, type LimitOptions } from './decode.js';
import type { SourceDocument } from './types.js';

/**
 * Reads a plain-text file into a source document: the size limit is checked before reading,
 * then the bytes are decoded (see `decodeBytes`). Throws a `SpinscopeError` with a one-line
 * message when the file cannot be used.
 */
export function readTextFile(path: string, options: LimitOptions = {}): SourceDocument {
  const stat = statSync(path);
  if (stat.isDirectory()) throw new SpinscopeError('is-directory', `${path}: is a directory`);
  checkSize(path, stat.size, options.maxBytes);
  const { text, notices } = decodeBytes(readFileSync(path), path);
  return { text, meta: { origin: path, format: 'text' }, notices };
}

/** Reads all of a stream (standard input), refusing more than the size limit. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, origin: string, options: LimitOptions = {}): Promise<SourceDocument> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buf.length;
    checkSize(origin, size, options.maxBytes, true);
    chunks.push(buf);
  }
  const { text, notices } = decodeBytes(Buffer.concat(chunks), origin);
  return { text, meta: { origin, format: 'text' }, notices };
}

/**
 * Reads a text input given by name, as the CLI's file options take them: a file (size checked
 * first), a pipe or device (read as a stream up to the limit, so `/dev/zero` cannot fill memory),
 * or `-` for standard input. Decoded like `readTextFile`: binary data and empty files are refused.
 */
export async function readTextInput(path: string, options: LimitOptions = {}): Promise<SourceDocument> {
  if (path === '-') return readStream(process.stdin, 'standard input', options);
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    throw new SpinscopeError('input', `${path}: no such file or directory`);
  }
  if (stat.isFile() || stat.isDirectory()) return readTextFile(path, options);
  return readStream(createReadStream(path), path, options);
}
