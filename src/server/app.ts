import { Hono, type Context } from 'hono';
import { SpinscopeError } from '../model/index.js';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { Article } from '../model/index.js';
import type { SourceDocument } from '../ingest/types.js';
import { articleToJson } from '../cli/output.js';
import { BusyError } from './analysis-pool.js';
import { parseDate } from '../ingest/html/dates.js';
import { csvCell, toCsv } from './csv.js';
import { ResponseCache } from './response-cache.js';
import { openApiDocument } from './openapi.js';
import { analyzeSchema, articleQuerySchema, entitiesSchema, exportSchema, filterSchema, idSchema, INPUT_LIMITS, pageSchema, searchSchema, speakersSchema, storiesSchema, type AnalyzeBody } from './schemas.js';
import { requireToken, securityHeaders } from './security.js';
import { serveStatic } from './static.js';
import { EXPORT_KINDS, type ExportKind, type ServerStore } from './store.js';

/** What the routes call: the corpus, the pipeline, and the readers for HTML and URLs. */
export interface ServerDeps {
  store: ServerStore;
  /** Runs the analysis pipeline on one document (in a worker pool, or inline). */
  analyze: (doc: SourceDocument) => Article | Promise<Article>;
  /** The stage names the pipeline runs (shown by /api/health, used by the web app). */
  stages: readonly string[];
  /** Reads an HTML page into a document (the ingest HTML extractor). */
  readHtml: (html: string, url?: string) => SourceDocument | Promise<SourceDocument>;
  /** Fetches a URL with the SSRF guard and size limit; absent when not available (→ 501). */
  fetchUrl?: (url: string) => Promise<SourceDocument>;
  /** Required on write endpoints when set (the server listens beyond loopback). */
  token?: string;
  /** The built web app (web/dist); absent → API only. */
  staticDir?: string;
  /** Recently served article JSON (default: a ResponseCache; pass `new ResponseCache(0)` for none). */
  articleCache?: ResponseCache;
  /** Logs one line per server error (never sent to the client). */
  log?: (line: string) => void;
}

/** Rows per chunk of a streamed export. */
const EXPORT_CHUNK_ROWS = 256;

/**
 * An export as a byte stream: CSV (header from the first record: every record of a table has the
 * same columns), JSON lines, or one JSON array. Pulled by the client's reading, so a slow client
 * holds at most a chunk; a client that goes away stops the reading (and closes its connection).
 */
export function exportStream(records: AsyncIterable<Record<string, unknown>>, format: 'csv' | 'json' | 'jsonl'): ReadableStream<Uint8Array> {
  const it = records[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let columns: string[] | undefined;
  let rows = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = '';
      for (let k = 0; k < EXPORT_CHUNK_ROWS; k++) {
        const next = await it.next();
        if (next.done) {
          if (format === 'json') chunk += rows === 0 ? '[]\n' : ']\n';
          else if (format === 'csv' && rows === 0) chunk += toCsv([]);
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        const r = next.value;
        if (format === 'jsonl') chunk += JSON.stringify(r) + '\n';
        else if (format === 'json') chunk += (rows === 0 ? '[' : ',') + JSON.stringify(r);
        else {
          if (!columns) chunk += (columns = Object.keys(r)).map(csvCell).join(',') + '\r\n';
          chunk += columns.map((col) => csvCell(r[col])).join(',') + '\r\n';
        }
        rows++;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** Fetch error codes that mean the URL itself is refused (SSRF guard, scheme): 422, not 502. */
const URL_REFUSED = new Set(['private-address', 'bad-url']);

/** Store failures that are a state of the corpus, not a bug: 503 with words (no path) for the client. */
const STORE_UNAVAILABLE: Record<string, string> = {
  'db-readonly': 'the corpus is read-only: articles cannot be stored (POST /api/analyze still analyses without storing)',
  'db-locked': 'the corpus is busy with another writer; retry shortly',
  'disk-full': 'the server\'s disk is full: articles cannot be stored',
};

/** A client error with an HTTP status; its message is safe to show. */
class HttpError extends Error {
  constructor(readonly status: 400 | 404 | 413 | 422 | 501 | 502 | 503, message: string) {
    super(message);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new HttpError(400, `invalid request: ${where}${issue?.message ?? 'bad input'}`);
  }
  return result.data;
}

const query = <S extends z.ZodType>(c: Context, schema: S): z.infer<S> => parse(schema, c.req.query());

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, 'invalid request: body must be JSON');
  }
}

/** The article with only the named layers (names it does not have are left out). */
function withLayers(article: Article, names: readonly string[]): Article {
  const layers: Article['layers'] = {};
  for (const name of names) if (Object.hasOwn(article.layers, name)) layers[name] = article.layers[name];
  return { ...article, layers };
}

function withoutPage<T extends { limit?: number; offset?: number }>(f: T): Omit<T, 'limit' | 'offset'> {
  const { limit: _l, offset: _o, ...rest } = f;
  return rest;
}

/**
 * The HTTP API and the web app, as a Hono app (serve it with `startServer`).
 *
 * @example
 * const app = createApp({ store: new MemoryStore(), analyze: (d) => pipeline.run(d), stages, readHtml });
 * const res = await app.request('/api/analyze', { method: 'POST', body: JSON.stringify({ text: '…' }) });
 */
export function createApp(deps: ServerDeps): Hono {
  const app = new Hono();
  const { store } = deps;
  const articleCache = deps.articleCache ?? new ResponseCache();
  const log = deps.log ?? ((line: string) => process.stderr.write(line + '\n'));

  app.use('*', securityHeaders());
  app.use('/api/*', bodyLimit({ maxSize: INPUT_LIMITS.maxBodyBytes, onError: (c) => c.json({ error: `request body over ${INPUT_LIMITS.maxBodyBytes} bytes` }, 413) }));

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: err.message }, err.status);
    // A search the full-text index cannot read is the client's input, not a server fault.
    if (err instanceof SpinscopeError && err.code === 'bad-query') return c.json({ error: err.message }, 400);
    // The corpus cannot take writes now (read-only file, another writer, full disk): say so; reads go on.
    if (err instanceof SpinscopeError && STORE_UNAVAILABLE[err.code]) {
      log(`spinscope serve: ${c.req.method} ${new URL(c.req.url).pathname}: ${err.message}`);
      return c.json({ error: STORE_UNAVAILABLE[err.code] }, 503, err.code === 'db-locked' ? { 'Retry-After': '5' } : {});
    }
    if (err instanceof BusyError) return c.json({ error: err.message }, 503, { 'Retry-After': String(err.retryAfterSeconds) });
    log(`spinscope serve: ${c.req.method} ${new URL(c.req.url).pathname}: ${err instanceof Error ? err.message : String(err)}`);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));

  async function toDocument(body: AnalyzeBody): Promise<SourceDocument> {
    const meta = { ...(body.meta ?? {}) };
    // Dates are filtered and sorted as ISO text: "10 March 2026" becomes 2026-03-10, and "soon" is refused
    // (stored as given it would sort after every real date and match every "from").
    if (meta.published !== undefined) {
      const iso = parseDate(meta.published);
      if (!iso) throw new HttpError(400, `invalid request: meta.published: "${meta.published}" is not a date (give e.g. 2026-03-10)`);
      meta.published = iso;
    }
    if (body.text !== undefined) return { text: body.text, meta: { ...meta, format: 'text' }, notices: [] };
    if (body.html !== undefined) {
      const doc = await deps.readHtml(body.html, meta.url);
      return { ...doc, meta: { ...doc.meta, ...meta } };
    }
    if (!deps.fetchUrl) throw new HttpError(501, 'analysing a URL is not available on this server yet (post the text or HTML instead)');
    let doc: SourceDocument;
    try {
      doc = await deps.fetchUrl(body.url!);
    } catch (err) {
      // A refused address or scheme is the client's request; anything else is the remote site.
      const refused = err instanceof SpinscopeError && URL_REFUSED.has(err.code);
      // The fetcher speaks to CLI users ("use --allow-private"); here the switch is the server's.
      const why = (err instanceof Error ? err.message : 'failed').replace('use --allow-private', 'the server must be started with --allow-private');
      throw new HttpError(refused ? 422 : 502, `${refused ? 'URL refused' : 'could not fetch the URL'}: ${why}`);
    }
    return { ...doc, meta: { ...doc.meta, ...meta } };
  }

  app.get('/api/health', async (c) => c.json({ ok: true, stages: deps.stages, articles: (await store.info()).articles }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.post('/api/analyze', async (c) => {
    const body = parse(analyzeSchema, await jsonBody(c));
    return c.json(articleToJson(await deps.analyze(await toDocument(body))));
  });

  app.post('/api/articles', requireToken(deps.token), async (c) => {
    const body = parse(analyzeSchema, await jsonBody(c));
    const article = await deps.analyze(await toDocument(body));
    const put = await store.putArticle(article);
    if (put.created) articleCache.clear(); // a new article can change stories and duplicates
    return c.json({ ...put, article: articleToJson({ ...article, id: put.id }) }, put.created ? 201 : 200);
  });

  app.get('/api/articles', async (c) => c.json(await store.listArticles(query(c, filterSchema))));
  app.get('/api/articles/:id', async (c) => {
    const id = parse(idSchema, c.req.param('id'));
    const { layers } = query(c, articleQuerySchema);
    if (layers !== undefined) {
      // A page comparing many articles needs a few layers of each, not their tokens and sentences.
      const article = await store.getArticle(id);
      if (!article) throw new HttpError(404, 'no such article');
      return c.json(articleToJson(withLayers(article, layers.split(','))));
    }
    let body = articleCache.get(id);
    if (body === undefined) {
      const article = await store.getArticle(id);
      if (!article) throw new HttpError(404, 'no such article');
      body = JSON.stringify(articleToJson(article));
      articleCache.set(id, body);
    }
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });

  app.get('/api/stories', async (c) => c.json(await store.listStories(query(c, storiesSchema))));
  app.get('/api/stories/:id', async (c) => {
    const story = await store.getStory(parse(idSchema, c.req.param('id')), query(c, pageSchema));
    if (!story) throw new HttpError(404, 'no such story');
    return c.json(story);
  });

  app.get('/api/speakers', async (c) => {
    const { q, ...rest } = query(c, speakersSchema);
    return c.json(await store.listSpeakers({ ...rest, query: q }));
  });
  app.get('/api/speakers/:id', async (c) => {
    const speaker = await store.getSpeaker(parse(idSchema, c.req.param('id')));
    if (!speaker) throw new HttpError(404, 'no such speaker');
    return c.json(speaker);
  });

  app.get('/api/entities', async (c) => {
    const filter = query(c, entitiesSchema);
    const stats = await store.stats(withoutPage(filter));
    const offset = filter.offset ?? 0;
    return c.json({ total: stats.topEntities.length, items: stats.topEntities.slice(offset, offset + (filter.limit ?? 50)) });
  });

  app.get('/api/search', async (c) => {
    const { q, ...filter } = query(c, searchSchema);
    return c.json(await store.search(q, filter));
  });

  app.get('/api/stats', async (c) => c.json(await store.stats(withoutPage(query(c, filterSchema)))));

  app.get('/api/export/:kind', async (c) => {
    const kind = c.req.param('kind') as ExportKind;
    if (!EXPORT_KINDS.includes(kind)) throw new HttpError(404, `no export "${kind}" (one of ${EXPORT_KINDS.join(', ')})`);
    const { format } = query(c, exportSchema);
    const name = `spinscope-${kind}.${format}`;
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : format === 'jsonl' ? 'application/x-ndjson' : 'application/json';
    // Streamed as the rows are read (memory stays flat on any corpus), a few hundred rows a chunk.
    return new Response(exportStream(store.exportRecords(kind), format), { status: 200, headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"` } });
  });

  app.all('/api/*', (c) => c.json({ error: 'not found' }, 404));
  if (deps.staticDir) app.get('*', serveStatic(deps.staticDir));
  // Without a built web app, the browser gets told how to build it rather than a bare JSON 404.
  else app.get('/', (c) => c.text('spinscope: the API is running (see /api/openapi.json), but the web app is not built: run `npm run build:web` (`npm start` builds it) and restart.\n', 404));
  return app;
}
