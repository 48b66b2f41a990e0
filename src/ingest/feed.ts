import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import { errorMessage, SpinscopeError } from '../model/index.js';
import { gunzipLimited, isGzip } from './gzip.js';
import { extractHtml, parseDate } from './html/index.js';
import type { ReadResult, SourceDocument } from './types.js';
import { fetchUrl, isUrl, type FetchOptions } from './url.js';

/** One item of an RSS 2.0, Atom or JSON Feed. */
export interface FeedItem {
  title?: string;
  link?: string;
  id?: string;
  published?: string;
  author?: string;
  /** Item content as HTML (content:encoded, Atom content/summary, content_html) or text. */
  content?: string;
  contentIsHtml?: boolean;
}

/** Feeds larger than this are refused. */
export const MAX_FEED_BYTES = 16 * 1024 * 1024;
/** At most this many items are read from one feed. */
export const MAX_FEED_ITEMS = 5000;

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric references; nothing else is expanded. */
function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return XML_ENTITIES[e.toLowerCase()] ?? m;
  });
}

const DOCTYPE_OPEN = /<!DOCTYPE/gi;
const SUBSET_CLOSE = /\]\s*>/g;

/**
 * Removes the DOCTYPE (and its internal subset, where entity bombs and external entities live)
 * before parsing: feeds never need it. The first `<!DOCTYPE name … >` or `<!DOCTYPE name … [ … ]>`
 * goes, as `/<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/i` would find it, but in one pass: the pattern
 * rescanned to the end of the text for every "<!DOCTYPE[" left open (16 MB of them: hours).
 */
export function stripDoctype(xml: string): string {
  let stop = -1; // the first '[' or '>' at or after the last open looked at
  let subsetOpenToEnd = false; // no "]>" after some '[': none after any later '[' either
  DOCTYPE_OPEN.lastIndex = 0;
  for (let m = DOCTYPE_OPEN.exec(xml); m; m = DOCTYPE_OPEN.exec(xml)) {
    const from = m.index + m[0].length;
    if (stop < from) {
      stop = from;
      while (stop < xml.length && xml[stop] !== '[' && xml[stop] !== '>') stop++;
    }
    if (stop >= xml.length) return xml;
    if (xml[stop] === '>') return xml.slice(0, m.index) + xml.slice(stop + 1);
    if (subsetOpenToEnd) continue;
    SUBSET_CLOSE.lastIndex = stop + 1;
    const close = SUBSET_CLOSE.exec(xml);
    if (close) return xml.slice(0, m.index) + xml.slice(close.index + close[0].length);
    subsetOpenToEnd = true;
  }
  return xml;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author',
});

type X = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** Text of a parsed XML value (string, CDATA, or {#text}). */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return decodeXmlEntities(String(v)).trim() || undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') {
    const o = v as X;
    if (o['#cdata'] !== undefined) return String(arr(o['#cdata']).join('')).trim() || undefined;
    if (o['#text'] !== undefined) return text(o['#text']);
    if (o.name !== undefined) return text(o.name);
  }
  return undefined;
}

function rssItems(channel: X): FeedItem[] {
  return arr(channel.item).slice(0, MAX_FEED_ITEMS).map((raw) => {
    const it = raw as X;
    const encoded = text(it['content:encoded']);
    const description = text(it.description);
    return {
      title: text(it.title),
      link: text(it.link),
      id: text(it.guid),
      published: parseDate(text(it.pubDate) ?? text(it['dc:date'])),
      author: text(it['dc:creator']) ?? text(it.author),
      content: encoded ?? description,
      contentIsHtml: true,
    };
  });
}

function atomItems(feed: X): FeedItem[] {
  return arr(feed.entry).slice(0, MAX_FEED_ITEMS).map((raw) => {
    const it = raw as X;
    const links = arr(it.link) as X[];
    const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
    const content = (it.content ?? it.summary) as X | string | undefined;
    const type = typeof content === 'object' && content ? String(content['@_type'] ?? 'text') : 'text';
    return {
      title: text(it.title),
      link: alt ? text(alt['@_href']) : undefined,
      id: text(it.id),
      published: parseDate(text(it.published) ?? text(it.updated)),
      author: text(arr(it.author)[0]),
      content: text(content),
      contentIsHtml: /html/i.test(type),
    };
  });
}

function jsonFeedItems(feed: X): FeedItem[] {
  return arr(feed.items).slice(0, MAX_FEED_ITEMS).map((raw) => {
    // An item that is not an object (null, 5, "x") is an item with nothing in it, reported as such.
    const it = (raw && typeof raw === 'object' ? raw : {}) as X;
    const authors = arr(it.authors ?? it.author) as X[];
    const html = typeof it.content_html === 'string' ? it.content_html : undefined;
    return {
      title: typeof it.title === 'string' ? it.title : undefined,
      link: typeof it.url === 'string' ? it.url : undefined,
      id: it.id === undefined ? undefined : String(it.id),
      published: parseDate(typeof it.date_published === 'string' ? it.date_published : undefined),
      author: authors.length && typeof authors[0]?.name === 'string' ? String(authors[0].name) : undefined,
      content: html ?? (typeof it.content_text === 'string' ? it.content_text : undefined),
      contentIsHtml: html !== undefined,
    };
  });
}

/**
 * Lists the items of an RSS 2.0, Atom or JSON Feed document. XML is parsed without any entity
 * expansion beyond the five XML entities (no DOCTYPE, no external entities).
 *
 * @example
 * parseFeed('<rss><channel><item><title>A</title><link>https://x.org/a</link></item></channel></rss>')
 */
export function parseFeed(source: string): FeedItem[] {
  const trimmed = source.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    const feed = JSON.parse(trimmed) as X;
    if (!Array.isArray(feed.items)) throw new SpinscopeError('bad-feed', 'JSON feed has no items');
    return jsonFeedItems(feed);
  }
  const doc = parser.parse(stripDoctype(trimmed)) as X;
  const rss = doc.rss as X | undefined;
  if (rss?.channel) return rssItems(arr(rss.channel)[0] as X);
  const rdf = doc['rdf:RDF'] as X | undefined;
  if (rdf) return rssItems({ item: rdf.item } as X);
  if (doc.feed) return atomItems(doc.feed as X);
  throw new SpinscopeError('bad-feed', 'not an RSS, Atom or JSON feed');
}

function fromItemContent(item: FeedItem, origin: string): SourceDocument | undefined {
  if (!item.content) return undefined;
  if (item.contentIsHtml) {
    const { doc } = extractHtml(`<html><body><article>${item.content}</article></body></html>`, { url: item.link, origin });
    if (doc.text.trim()) return doc;
  }
  return { text: item.content, meta: { origin }, notices: [] };
}

/** Options for reading feeds. */
export interface FeedReadOptions extends FetchOptions {
  /** Fetch each item's page (default true); otherwise only the item content is used. */
  fetchPages?: boolean;
}

/**
 * Reads a feed (URL or file) and yields one article per item: the item's page fetched and
 * extracted, or the item content when the page cannot be fetched; the feed's title, date and
 * author complete the page's.
 */
export async function* readFeed(source: string, options: FeedReadOptions = {}): AsyncGenerator<ReadResult> {
  let xml: string;
  try {
    let bytes: Uint8Array = isUrl(source) ? (await fetchUrl(source, { maxBytes: MAX_FEED_BYTES, ...options })).body : await readFile(source);
    if (isGzip(bytes)) bytes = await gunzipLimited(bytes, MAX_FEED_BYTES);
    if (bytes.length > MAX_FEED_BYTES) throw new SpinscopeError('too-large', `feed over ${MAX_FEED_BYTES} bytes`);
    xml = Buffer.from(bytes).toString('utf8');
  } catch (err) {
    yield { origin: source, code: 'feed-read', error: `${source}: ${errorMessage(err)}` };
    return;
  }
  let items: FeedItem[];
  try {
    items = parseFeed(xml);
  } catch (err) {
    yield { origin: source, code: 'bad-feed', error: `${source}: ${errorMessage(err)}` };
    return;
  }
  for (const [i, item] of items.entries()) {
    const origin = item.link ?? `${source}#${i + 1}`;
    let doc: SourceDocument | undefined;
    const notices = [];
    if (item.link && options.fetchPages !== false) {
      try {
        const page = await fetchUrl(item.link, options);
        doc = extractHtml(page.body, { url: page.url, contentType: page.contentType, origin }).doc;
        if (!doc.text.trim()) doc = undefined;
      } catch (err) {
        notices.push({ code: 'page-unavailable', message: `item page not fetched (${errorMessage(err)}); using the feed's item content`, stage: 'ingest' });
      }
    }
    doc ??= fromItemContent(item, origin);
    if (!doc) {
      yield { origin, code: 'feed-item', error: `${origin}: item has no fetchable page and no content` };
      continue;
    }
    doc.notices.push(...notices);
    doc.meta.format = 'feed';
    doc.meta.feed = source;
    if (item.link) doc.meta.url ??= item.link;
    if (item.title) doc.meta.title ??= item.title;
    if (item.published) doc.meta.published ??= item.published;
    if (item.author) doc.meta.author ??= item.author;
    if (item.id) doc.id ??= item.id;
    yield doc;
  }
}
