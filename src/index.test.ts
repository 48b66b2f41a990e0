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
