import { createReadStream } from 'node:fs';
import { WARCParser, type WARCRecord } from 'warcio';
import { errorMessage } from '../model/index.js';
import { extractHtml } from './html/index.js';
import type { ReadResult } from './types.js';

/** Response records with larger payloads are skipped (bounded memory on crawls). */
export const MAX_WARC_RECORD_BYTES = 16 * 1024 * 1024;
const HTML_TYPE = /text\/html|application\/xhtml/i;

/**
 * Streams a WARC file (.warc or .warc.gz), yielding one article per HTTP response record that
 * holds HTML (with the target URI as url and the WARC date as `crawled`, and as `published`
 * when the page has none). Records are read one at a time; a record that cannot be read is
 * reported as a failure and skipped; a broken stream ends the file with a failure.
 *
 * @example
 * for await (const r of readWarc('crawl.warc.gz')) console.log(r);
 */
export async function* readWarc(path: string): AsyncGenerator<ReadResult> {
  const parser = new WARCParser(createReadStream(path));
  let index = 0;
  const iterator = parser[Symbol.asyncIterator]();
  let previous: WARCRecord | undefined;
  while (true) {
    let next: IteratorResult<Awaited<ReturnType<WARCParser['parse']>>>;
    try {
      if (previous) await skipRest(previous);
      next = await iterator.next();
    } catch (err) {
      yield { origin: `${path}#${index}`, code: 'warc-corrupt', error: `${path}: WARC record ${index} is corrupt, stopping this file (${errorMessage(err)})` };
      return;
    }
    if (next.done || !next.value) return;
    const record = next.value;
    previous = record;
    const i = index++;
    if (!record.warcType || !Number.isFinite(record.warcContentLength)) {
      // warcio is lenient: garbage parses as a record without a type or length. Report and skip it.
      yield { origin: `${path}#${i}`, code: 'warc-corrupt', error: `${path}: WARC record ${i} is corrupt (no WARC-Type or Content-Length), skipped` };
      continue;
    }
    if (record.warcType !== 'response') continue;
    const uri = record.warcTargetURI ?? undefined;
    const origin = `${path}#${i}${uri ? ` ${uri}` : ''}`;
    const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
    if (!HTML_TYPE.test(contentType)) continue;
    if (record.warcContentLength > MAX_WARC_RECORD_BYTES) {
      yield { origin, code: 'too-large', error: `${origin}: record larger than ${MAX_WARC_RECORD_BYTES} bytes, skipped` };
      continue;
    }
    try {
      const status = Number(record.httpHeaders?.statusCode ?? 200);
      if (status >= 300) continue;
      const bytes = await record.readFully(true);
      const { doc } = extractHtml(bytes, { url: uri, contentType, origin });
      const missing = bytesMissing(record);
      if (missing > 0) doc.notices.push({ code: 'truncated', message: `WARC record ends ${missing} bytes short of its Content-Length (a cut crawl): the page is partial`, stage: 'ingest' });
      const crawled = record.warcDate ?? undefined;
      doc.meta.format = 'warc';
      if (crawled) {
        doc.meta.crawled = crawled;
        if (!doc.meta.published) doc.meta.published = crawled;
      }
      doc.id = record.warcHeader('WARC-Record-ID') ?? undefined;
      yield doc;
    } catch (err) {
      yield { origin, code: 'warc-record', error: `${origin}: ${errorMessage(err)}` };
    }
  }
}

/**
 * Bytes a record's Content-Length promised that the file did not hold, after the record was read:
 * warcio's length-limited reader stops at the end of the file without a word, leaving its limit.
 */
export function bytesMissing(record: WARCRecord): number {
  const limit = (record as unknown as { _reader?: { limit?: unknown } })._reader?.limit;
  return typeof limit === 'number' && limit > 0 ? limit : 0;
}

/**
 * Reads past what is left of a record (in chunks, discarding them). warcio's own skip, run by the
 * parser before the next record, loops forever when the file ends before the record's
 * Content-Length (a truncated crawl, or a length that lies): it subtracts the bytes it could skip,
 * 0 at the end of the file, until none are left.
 */
async function skipRest(record: WARCRecord): Promise<void> {
  // Without a numeric length warcio skips nothing (and its reader would run to the end of the file).
  if (record.consumed || !Number.isFinite(record.warcContentLength)) return;
  for await (const chunk of record.reader) void chunk;
  record.consumed = 'skipped';
}
