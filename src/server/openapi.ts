import { z } from 'zod';
import { analyzeSchema, articleQuerySchema, entitiesSchema, exportSchema, filterSchema, pageSchema, searchSchema, speakersSchema, storiesSchema } from './schemas.js';
import { RESPONSE_SCHEMAS, type ResponseName } from './responses.js';

type Json = Record<string, unknown>;

/** Query parameters of a zod object schema, as OpenAPI parameter objects. */
function queryParams(schema: z.ZodObject): Json[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }));
}

const idParam = (what: string): Json => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: `${what} id` });

const ref = (name: ResponseName): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json): Json => ({ 'application/json': { schema } });
const failure = (description: string): Json => ({ description, content: json(ref('Error')) });

const ok = (description: string, body: ResponseName): Json => ({
  200: { description, content: json(ref(body)) },
  400: failure('invalid request (message in `error`)'),
});

function get(summary: string, params: Json[], body: ResponseName, description = summary): Json {
  const responses = ok(description, body);
  if (params.some((p) => p.in === 'path')) responses[404] = failure('no such item');
  return { get: { summary, parameters: params, responses } };
}

/** The response schemas as JSON Schema (as the handlers send them), for `components.schemas`. */
function responseComponents(): Json {
  const out: Json = {};
  for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) {
    const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json;
    out[name] = openForReaders(json);
  }
  return out;
}

/**
 * Drops the ±2^53 bounds zod puts on every integer (they say nothing to a reader of the API) and
 * `additionalProperties: false` (a client validating strictly would break on the next added field).
 */
function openForReaders(value: unknown): any {
  if (Array.isArray(value)) return value.map(openForReaders);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'minimum' || k === 'maximum') && Math.abs(Number(v)) === Number.MAX_SAFE_INTEGER) continue;
    if (k === 'additionalProperties' && v === false) continue;
    out[k] = openForReaders(v);
  }
  return out;
}

let cached: Json | undefined;

/** The OpenAPI 3.1 description of the API, generated from the zod schemas that validate it. */
export function openApiDocument(): Json {
  if (cached) return cached;
  const analyzeBody = { required: true, content: { 'application/json': { schema: z.toJSONSchema(analyzeSchema, { io: 'input', unrepresentable: 'any' }) } } };
  cached = {
    openapi: '3.1.0',
    info: { title: 'spinscope API', version: '0.1.0', description: 'Articles as standoff span layers: entities, quotes, techniques, dates, figures; a corpus of stories and speakers.' },
    components: { schemas: responseComponents(), securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'needed on write endpoints when the server listens beyond loopback' } } },
    paths: {
      '/api/health': get('server status, pipeline stages and article count', [], 'Health'),
      '/api/analyze': { post: { summary: 'analyse text, HTML or a URL (not stored)', requestBody: analyzeBody, responses: { ...ok('the article with every layer', 'Article'), 413: failure('body too large'), 422: failure('URL refused (private address or bad scheme)'), 501: failure('URL analysis unavailable'), 502: failure('the URL could not be fetched') } } },
      '/api/articles': {
        ...get('list articles (filters combine with AND)', queryParams(filterSchema), 'ArticlePage'),
        post: { summary: 'analyse and store an article', security: [{ token: [] }], requestBody: analyzeBody, responses: { 201: { description: 'stored', content: json(ref('Stored')) }, ...ok('already stored', 'Stored'), 401: failure('token required'), 503: failure('the corpus cannot take writes now (read-only, locked or full disk)') } },
      },
      '/api/articles/{id}': get('one article with its layers (all, or those named in `layers`), findings and notices', [idParam('article'), ...queryParams(articleQuerySchema)], 'Article'),
      '/api/stories': get('stories, biggest first', queryParams(storiesSchema), 'StoryPage'),
      '/api/stories/{id}': get('one story with a page of its articles, oldest first (limit, default 50; offset)', [idParam('story'), ...queryParams(pageSchema)], 'Story'),
      '/api/speakers': get('speakers, most quoted first', queryParams(speakersSchema), 'SpeakerPage',
        'Named speakers merged across articles, and unnamed sources ("officials", "a spokesperson") counted by label with `generic: true`, never merged with a person. `generic=false` lists only named speakers, `generic=true` only unnamed sources.'),
      '/api/speakers/{id}': get('one speaker: quotes over time, co-quoted speakers, techniques', [idParam('speaker')], 'Speaker',
        'Quotes over time in `overTime`, one point per `overTimeUnit` (day, week, month or year, picked from the span of the dates; zeros included).'),
      '/api/entities': get('most mentioned entities', queryParams(entitiesSchema), 'EntityPage'),
      '/api/search': get('full-text search with facets', queryParams(searchSchema), 'SearchResult'),
      '/api/stats': get('counts over time, techniques per outlet, top entities and speakers', queryParams(filterSchema), 'Stats',
        '`perDay`: articles per day with articles; `attention`: articles per day, week, month or year by the span of the dates, zeros included; `topSpeakers` named speakers, `topUnnamed` unnamed sources by label.'),
      '/api/export/{kind}': {
        get: {
          summary: 'export a table as CSV, JSON or JSON lines (streamed)',
          parameters: [{ name: 'kind', in: 'path', required: true, schema: { enum: ['articles', 'quotes', 'entities', 'techniques', 'stories', 'speakers'] } }, ...queryParams(exportSchema)],
          responses: {
            200: { description: 'one record per row: a JSON array, JSON lines or CSV with a header row', content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } }, 'application/x-ndjson': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } } },
            400: failure('invalid request (message in `error`)'),
            404: failure('no such export kind'),
          },
        },
      },
      '/api/openapi.json': { get: { summary: 'this document', responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
    },
  };
  return cached;
}
