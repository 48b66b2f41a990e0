import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { errorMessage } from '../model/index.js';
import { extractHtml } from './html/index.js';
import { parseDate } from './html/dates.js';
import type { ReadResult, SourceDocument } from './types.js';

/** Lines longer than this are refused (bounded memory per item). */
export const MAX_JSONL_LINE_CHARS = 32 * 1024 * 1024;

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Turns one JSONL object into a source document: `html` is extracted, `text` taken as is;
 * optional url, title, published, outlet, id override or complete what the page says.
 */
export function jsonlItem(obj: unknown, origin: string): SourceDocument {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('line is not a JSON object');
  const o = obj as Record<string, unknown>;
  const url = str(o.url);
  let doc: SourceDocument;
  if (typeof o.html === 'string') doc = extractHtml(o.html, { url, origin }).doc;
  else if (typeof o.text === 'string') doc = { text: o.text, meta: { origin }, notices: [] };
  else throw new Error('object has neither "text" nor "html"');
  doc.meta.format = 'jsonl';
  if (url) doc.meta.url = url;
  for (const key of ['title', 'outlet', 'author', 'section', 'language'] as const) {
    const v = str(o[key]);
    if (v) doc.meta[key] = v;
  }
  // The corpus sorts and filters dates as ISO text: "10 March 2026" becomes 2026-03-10; a non-date
  // is left out with a notice (stored as given it would sort after every real date).
  const published = str(o.published);
  if (published) {
    const iso = parseDate(published);
    if (iso) doc.meta.published = iso;
    else doc.notices.push({ code: 'bad-date', message: `"published": "${published.slice(0, 60)}" is not a date; left out` });
  }
  const id = o.id;
  if (typeof id === 'string' || typeof id === 'number') doc.id = String(id);
  return doc;
}

/**
 * Reads a JSONL file (or .jsonl.gz) line by line (streaming): one article per object; a bad line is a
 * failure result naming its line number, never fatal. A line longer than MAX_JSONL_LINE_CHARS is
 * dropped as it streams (memory stays bounded) and reported; a read or gzip error ends the file
 * with an error.
 *
 * @example
 * for await (const r of readJsonl('items.jsonl')) console.log(r);
 */
export async function* readJsonl(path: string): AsyncGenerator<ReadResult> {
  const raw = createReadStream(path);
  let input: NodeJS.ReadableStream = raw;
  if (path.toLowerCase().endsWith('.gz')) {
    const gunzip = createGunzip();
    // pipe() does not pass the file's errors on: without this a missing or unreadable .gz file never ends.
    raw.on('error', (err) => gunzip.destroy(err));
    input = raw.pipe(gunzip);
  }
  let decoder: TextDecoder | undefined;
  const lines = new LineSplitter();
  for await (const chunk of input) {
    decoder ??= new TextDecoder(encodingByBom(chunk as Buffer));
    yield* items(path, lines.push(decoder.decode(chunk as Buffer, { stream: true })));
  }
  yield* items(path, lines.end(decoder?.decode() ?? ''));
}

/**
 * The encoding a JSONL file's byte-order mark names (UTF-16 files, as some Windows tools save
 * them, failed on every line as garbled JSON); UTF-8 without one. The decoder drops the mark.
 */
export function encodingByBom(start: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** A line as split: its text, or `tooLong` when it passed the limit and was dropped. */
interface Line {
  n: number;
  text: string;
  tooLong: boolean;
}

function* items(path: string, lines: readonly Line[]): Generator<ReadResult> {
  for (const { n, text, tooLong } of lines) {
    const origin = `${path}:${n}`;
    if (tooLong) {
      yield { origin, code: 'too-large', error: `${origin}: line longer than ${MAX_JSONL_LINE_CHARS} characters` };
      continue;
    }
    if (!text.trim()) continue;
    try {
      yield jsonlItem(JSON.parse(text), origin);
    } catch (err) {
      // JSON.parse's message alone ("Expected property name or '}' in JSON at position 1") does not say the line is the problem.
      const why = err instanceof SyntaxError ? `not a JSON object on this line (${errorMessage(err)})` : errorMessage(err);
      yield { origin, code: 'bad-line', error: `${origin}: ${why}` };
    }
  }
}

/**
 * Splits streamed text into lines as readline does (\n, \r\n or a lone \r ends a line; a
 * byte-order mark at the very start goes), holding at most `maxChars` of an unfinished line.
 */
export class LineSplitter {
  constructor(private readonly maxChars = MAX_JSONL_LINE_CHARS) {}

  private parts: string[] = [];
  private size = 0;
  private tooLong = false;
  private n = 0;
  private started = false;
  private pendingCr = false;

  /** Characters of the unfinished line held now (at most the limit). */
  get buffered(): number {
    return this.size;
  }

  /** Adds text; returns the lines it completed. */
  push(text: string): Line[] {
    if (!this.started && text) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: Line[] = [];
    let from = 0;
    // A \r that ended the last chunk ended its line: a \n right after it belongs to it.
    if (this.pendingCr && text[0] === '\n') from = 1;
    this.pendingCr = false;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.add(text.slice(from, i));
      out.push(this.take());
      if (c === 13) {
        if (i + 1 === text.length) this.pendingCr = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      from = i + 1;
    }
    this.add(text.slice(from));
    return out;
  }

  /** Ends the text; returns the last line when one was left open. */
  end(text = ''): Line[] {
    const out = this.push(text);
    if (this.size > 0 || this.tooLong) out.push(this.take());
    return out;
  }

  private add(piece: string): void {
    if (!piece || this.tooLong) return;
    this.size += piece.length;
    if (this.size > this.maxChars) {
      this.tooLong = true;
      this.parts = [];
      this.size = 0;
    } else this.parts.push(piece);
  }

  private take(): Line {
    const line = { n: ++this.n, text: this.parts.join(''), tooLong: this.tooLong };
    this.parts = [];
    this.size = 0;
    this.tooLong = false;
    return line;
  }
}
