import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * spinscope runs its sources through tsx, whose esbuild transform keeps function names
 * (`keepNames`): a named closure made inside a function (`const f = () => …`, a nested
 * `function f`) is wrapped in `__name(f, "f")`, a defineProperty on every call of the outer
 * function. In per-sentence and per-word code that cost ~2% of the pipeline on fresh articles,
 * so these files keep their helpers at module level. A class's own `static { __name(this) }`
 * runs once and is fine.
 */
const HOT_FILES = [
  'annotate/entities/link.ts',
  'annotate/entities/mentions.ts',
  'annotate/entities/roles.ts',
  'annotate/facts/attribution.ts',
  'annotate/facts/dates.ts',
  'annotate/facts/figures.ts',
  'annotate/quotes/view.ts',
  'nlp/pos-features.ts',
  'nlp/pos.ts',
  'nlp/tokenize.ts',
];

/** Lines of the transformed code that name a function inside another one (indented `__name(` calls). */
function nestedNames(code: string): string[] {
  return code.split('\n').filter((line) => /^\s+.*__name\(/.test(line) && !/^\s+__name\(this, "\w+"\);$/.test(line));
}

test('hot files make no named closures per call under tsx keepNames', async (t) => {
  let transformSync: typeof import('esbuild').transformSync;
  try {
    ({ transformSync } = await import('esbuild'));
  } catch {
    t.skip('esbuild (installed with tsx) not found');
    return;
  }
  // The check itself: a nested named arrow is reported, a module-level one is not.
  assert.deepEqual(nestedNames(transformSync('function f() { const g = () => 1; return g(); }', { loader: 'ts', keepNames: true }).code).length, 1);
  assert.deepEqual(nestedNames(transformSync('const g = () => 1; function f() { return g(); }', { loader: 'ts', keepNames: true }).code), []);
  for (const file of HOT_FILES) {
    const source = readFileSync(join(import.meta.dirname, file), 'utf8');
    const { code } = transformSync(source, { loader: 'ts', keepNames: true, sourcefile: file });
    assert.deepEqual(nestedNames(code), [], `${file} makes named closures inside functions`);
  }
});
