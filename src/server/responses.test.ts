// Real API responses against the response schemas of the OpenAPI description: each must parse,
// and must not carry a field the description does not name (a field added to a handler's type
// but not documented fails here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pipeline } from '../pipeline.js';
import { createApp } from './app.js';
import { readHtmlDocument } from './readers.js';
import { openStore } from '../corpus/index.js';
import { readDemoCorpus } from './demo.js';
import { RESPONSE_SCHEMAS, type ResponseName } from './responses.js';

type Schema = Record<string, any>;

/** Paths of `value` (as `a.b[0].c`) whose keys `schema` does not name, resolving `$ref`s in `components`. */
function undocumentedKeys(value: unknown, schema: Schema, components: Record<string, Schema>, path = '$'): string[] {
  if (schema.$ref) return undocumentedKeys(value, components[String(schema.$ref).split('/').pop()!], components, path);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const found = (branches as Schema[]).map((b) => undocumentedKeys(value, b, components, path));
    return found.reduce((best, f) => (f.length < best.length ? f : best));
  }
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => undocumentedKeys(v, schema.items, components, `${path}[${i}]`)) : [];
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  const props: Record<string, Schema> = schema.properties ?? {};
  const extra = schema.additionalProperties;
  for (const [key, v] of Object.entries(value)) {
    if (props[key]) out.push(...undocumentedKeys(v, props[key], components, `${path}.${key}`));
    else if (extra && typeof extra === 'object') out.push(...undocumentedKeys(v, extra, components, `${path}.${key}`));
    else if (schema.properties) out.push(`${path}.${key}`);
  }
  return out;
}

test('every GET route answers in the shape its OpenAPI response schema describes, with no undocumented field', async () => {
  const pipeline = await Pipeline.build();
  const store = await openStore(':memory:');
  const app = createApp({ store, analyze: (d) => pipeline.run(d), stages: pipeline.stages.map((s) => s.name), readHtml: readHtmlDocument });
  await store.putArticles(readDemoCorpus().map((d) => pipeline.run(d)));
  const doc = await (await app.request('/api/openapi.json')).json() as { paths: Record<string, Schema>; components: { schemas: Record<string, Schema> } };
  const components = doc.components.schemas;
  assert.deepEqual(Object.keys(components).sort(), Object.keys(RESPONSE_SCHEMAS).sort());

  const get = async (url: string) => {
    const res = await app.request(url);
    assert.equal(res.status, 200, url);
    return res.json() as Promise<any>;
  };
  const articles = await get('/api/articles?limit=3');
  const stories = await get('/api/stories');
  const speakers = await get('/api/speakers');
  assert.ok(articles.items.length && stories.items.length && speakers.items.length, 'the demo corpus fills every list');
  const named = speakers.items.find((s: { generic: boolean }) => !s.generic);
  const calls: Array<[string, string]> = [
    ['/api/health', '/api/health'],
    ['/api/articles', '/api/articles?limit=3'],
    ['/api/articles/{id}', `/api/articles/${articles.items[0].id}`],
    ['/api/stories', '/api/stories'],
    ['/api/stories/{id}', `/api/stories/${stories.items[0].id}`],
    ['/api/speakers', '/api/speakers'],
    ['/api/speakers/{id}', `/api/speakers/${named.id}`],
    ['/api/entities', '/api/entities'],
    ['/api/search', '/api/search?q=minister'],
    ['/api/stats', '/api/stats'],
  ];
  for (const [route, url] of calls) {
    const schema = doc.paths[route].get.responses[200].content['application/json'].schema as Schema;
    const name = String(schema.$ref).split('/').pop() as ResponseName;
    const body = await get(url);
    const parsed = RESPONSE_SCHEMAS[name].safeParse(body);
    assert.ok(parsed.success, `${url}: ${parsed.success ? '' : parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    assert.deepEqual(undocumentedKeys(body, schema, components), [], `${url} sends fields its schema does not name`);
  }
  store.close();
});

test('the undocumented-field check finds a field a schema does not name (so the test above can fail)', () => {
  const components = { Thing: { type: 'object', properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'number' } } } } } } };
  assert.deepEqual(undocumentedKeys({ a: [{ b: 1 }, { b: 2, c: 3 }] }, { $ref: '#/components/schemas/Thing' }, components), ['$.a[1].c']);
  assert.deepEqual(undocumentedKeys({ a: [] }, { $ref: '#/components/schemas/Thing' }, components), []);
});
