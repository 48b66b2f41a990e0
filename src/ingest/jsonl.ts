import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
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
 * failure result naming its line number, never fatal.
 *
 * @example
 * for await (const r of readJsonl('items.jsonl')) console.log(r);
 */
export async function* readJsonl(path: string): AsyncGenerator<ReadResult> {
  const raw = createReadStream(path);
  const input = path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  input.setEncoding('utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const origin = `${path}:${n}`;
    if (line.length > MAX_JSONL_LINE_CHARS) {
      yield { origin, code: 'too-large', error: `${origin}: line longer than ${MAX_JSONL_LINE_CHARS} characters` };
      continue;
    }
    try {
      yield jsonlItem(JSON.parse(line), origin);
    } catch (err) {
      // JSON.parse's message alone ("Expected property name or '}' in JSON at position 1") does not say the line is the problem.
      const why = err instanceof SyntaxError ? `not a JSON object on this line (${errorMessage(err)})` : errorMessage(err);
      yield { origin, code: 'bad-line', error: `${origin}: ${why}` };
    }
  }
}
