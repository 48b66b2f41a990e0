import { z } from 'zod';
import { analyzeSchema, entitiesSchema, exportSchema, filterSchema, pageSchema, searchSchema, speakersSchema, storiesSchema } from './schemas.js';

type Json = Record<string, unknown>;

/** Query parameters of a zod object schema, as OpenAPI parameter objects. */
function queryParams(schema: z.ZodObject): Json[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }));
}

const idParam = (what: string): Json => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: `${what} id` });

const ok = (description: string): Json => ({
  200: { description, content: { 'application/json': { schema: { type: 'object' } } } },
  400: { description: 'invalid request (message in `error`)' },
});

function get(summary: string, params: Json[], description = summary): Json {
  return { get: { summary, parameters: params, responses: ok(description) } };
}

let cached: Json | undefined;

/** The OpenAPI 3.1 description of the API, generated from the zod schemas that validate it. */
export function openApiDocument(): Json {
  if (cached) return cached;
  const analyzeBody = { required: true, content: { 'application/json': { schema: z.toJSONSchema(analyzeSchema, { io: 'input', unrepresentable: 'any' }) } } };
  cached = {
    openapi: '3.1.0',
    info: { title: 'spinscope API', version: '0.1.0', description: 'Articles as standoff span layers: entities, quotes, techniques, dates, figures; a corpus of stories and speakers.' },
    components: { securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'needed on write endpoints when the server listens beyond loopback' } } },
    paths: {
      '/api/health': get('server status, pipeline stages and article count', []),
      '/api/analyze': { post: { summary: 'analyse text, HTML or a URL (not stored)', requestBody: analyzeBody, responses: { ...ok('the article with every layer'), 413: { description: 'body too large' }, 501: { description: 'URL analysis unavailable' } } } },
      '/api/articles': {
        ...get('list articles (filters combine with AND)', queryParams(filterSchema)),
        post: { summary: 'analyse and store an article', security: [{ token: [] }], requestBody: analyzeBody, responses: { 201: { description: 'stored' }, ...ok('already stored'), 401: { description: 'token required' } } },
      },
      '/api/articles/{id}': get('one article with all layers, findings and notices', [idParam('article')]),
      '/api/stories': get('stories, biggest first', queryParams(storiesSchema)),
      '/api/stories/{id}': get('one story with a page of its articles, oldest first (limit, default 50; offset)', [idParam('story'), ...queryParams(pageSchema)]),
      '/api/speakers': get('speakers, most quoted first', queryParams(speakersSchema)),
      '/api/speakers/{id}': get('one speaker: quotes over time, co-quoted speakers, techniques', [idParam('speaker')]),
      '/api/entities': get('most mentioned entities', queryParams(entitiesSchema)),
      '/api/search': get('full-text search with facets', queryParams(searchSchema)),
      '/api/stats': get('counts over time, techniques per outlet, top entities and speakers', queryParams(filterSchema)),
      '/api/export/{kind}': get('export a table as CSV, JSON or JSON lines', [
        { name: 'kind', in: 'path', required: true, schema: { enum: ['articles', 'quotes', 'entities', 'techniques', 'stories', 'speakers'] } },
        ...queryParams(exportSchema),
      ]),
      '/api/openapi.json': get('this document', []),
    },
  };
  return cached;
}
