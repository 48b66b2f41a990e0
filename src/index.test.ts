import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the package entry (lib/index.js) exposes the library: analyse text into quotes and sources', async () => {
  const lib = await import('../lib/index.js');
  for (const name of ['analyze', 'Pipeline', 'readSources', 'extractHtml', 'openStore', 'ingest', 'startServer']) {
    assert.equal(typeof lib[name as keyof typeof lib], 'function', name);
  }
  const article = await lib.analyze('Talks end\n\n“We will return,” said Ada Brine, a union leader, on Tuesday.');
  assert.equal((article.findings.sources as { name: string }[])[0].name, 'Ada Brine');
});

test('findingsOf reads the default stages\' findings typed (no casts): sources, sourcing, entities', async () => {
  const { analyze, findingsOf } = await import('../lib/index.js');
  const article = await analyze('Talks end\n\n“We will return,” said Ada Brine, a union leader, on Tuesday. Officials said the port would reopen.');
  const f = findingsOf(article);
  const brine = f.sources?.find((s) => s.name === 'Ada Brine');
  assert.equal(brine?.role, 'union leader');
  assert.equal(f.sourcing?.namedSources, 1);
  assert.equal(f.sourcing?.anonymousSources, 1);
  assert.ok(f.entities?.some((e) => e.name === 'Ada Brine' && e.type === 'PER'));
});
