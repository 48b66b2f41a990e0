import type { Notice } from '../model/index.js';
import { SpinscopeError } from '../model/index.js';

/** Default size limit of one input (a file or standard input), in bytes: `--max-bytes`. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** How many leading bytes are inspected to tell text from binary data. */
const SNIFF_BYTES = 8192;
/** Share of control characters (other than tab, newlines, form feed) above which bytes are binary. */
const MAX_CONTROL_SHARE = 0.05;
/** BOM-less UTF-16 is assumed when at least this share of the sniffed byte pairs have one NUL byte. */
const UTF16_NUL_PAIR_SHARE = 0.4;

/** The decoded text of an input and what the reader should know about its decoding. */
export interface Decoded {
  text: string;
  /** The encoding the bytes were read as. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  notices: Notice[];
}

/** Limits applied when reading inputs (part of the readers' options). */
export interface LimitOptions {
  /** Refuse inputs larger than this many bytes (default DEFAULT_MAX_BYTES). */
  maxBytes?: number;
}

/** Formats a byte count for messages ("50.0 MB", "512 bytes"). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Throws a clear error when an input of `size` bytes is over the limit. */
export function checkSize(origin: string, size: number, maxBytes = DEFAULT_MAX_BYTES, atLeast = false): void {
  if (size > maxBytes) {
    throw new SpinscopeError('too-large', `${origin}: ${atLeast ? 'more than ' : ''}${formatBytes(size)} is over the size limit of ${formatBytes(maxBytes)} (raise it with --max-bytes)`);
  }
}

/** The UTF-16 byte order a BOM-less input seems to have, from where its NUL bytes fall. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) evenNul++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs >= UTF16_NUL_PAIR_SHARE && evenNul === 0) return 'utf-16le';
  if (evenNul / pairs >= UTF16_NUL_PAIR_SHARE && oddNul === 0) return 'utf-16be';
  return undefined;
}

/** True when the leading bytes look like binary data (NUL bytes or many control characters). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** Decodes UTF-16 big-endian by swapping byte pairs (independent of the ICU build). */
function decodeUtf16be(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length & ~1);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/**
 * Decodes the bytes of a text input: a UTF-8 or UTF-16 byte order mark decides the encoding
 * (and is dropped); BOM-less UTF-16 is recognised by its NUL bytes; else UTF-8, with invalid
 * sequences replaced by U+FFFD and a notice saying how many. Empty input and binary data are
 * refused with a clear error.
 *
 * @example
 * decodeBytes(new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]), 'a.txt').text; // 'hi'
 */
export function decodeBytes(bytes: Uint8Array, origin: string): Decoded {
  if (bytes.length === 0) throw new SpinscopeError('empty', `${origin}: ${origin === 'standard input' ? 'nothing was read' : 'the file is empty'}`);
  let encoding: Decoded['encoding'] = 'utf-8';
  let body = bytes;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, body] = ['utf-16le', bytes.subarray(2)];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, body] = ['utf-16be', bytes.subarray(2)];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  else encoding = sniffUtf16(bytes) ?? 'utf-8';

  const notices: Notice[] = [];
  let text: string;
  if (encoding === 'utf-8') {
    if (looksBinary(body)) throw new SpinscopeError('binary', `${origin}: looks like a binary file, not text`);
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
      const replaced = countReplacements(text);
      notices.push({ code: 'invalid-utf8', stage: 'ingest', message: `${origin}: invalid UTF-8; ${replaced} byte sequence${replaced === 1 ? '' : 's'} replaced with U+FFFD` });
    }
  } else {
    text = encoding === 'utf-16le' ? new TextDecoder('utf-16le', { ignoreBOM: true }).decode(body) : decodeUtf16be(body);
    notices.push({ code: 'encoding', stage: 'ingest', message: `${origin}: decoded as ${encoding.toUpperCase()}` });
  }
  if (text.trim().length === 0) throw new SpinscopeError('empty', `${origin}: the file has no text (only white space)`);
  return { text, encoding, notices };
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}
