import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertLayerConforms } from '../../model/conformance.js';
import { opinionCues } from './statements.js';
import { runFacts, textOf } from './testing.js';

// Sentences written for these tests.
const BODY = [
  'The council approved the budget on Tuesday.',
  'Mayor Lena Ortiz said the plan would cut waste.',
  'The budget, according to the finance office, grows by 3 percent.',
  'This is clearly a shameful and disastrous decision.',
  'Will the council listen to the residents?',
  '“We will not stop,” said the organiser.',
  '“Nobody asked us.',
].join(' ');

test('each body sentence gets a statement type with the cues that decided it', async () => {
  const article = await runFacts(`Budget row\n\n${BODY}`);
  assertLayerConforms(article, 'statements');
  const types = (article.layers.statements ?? []).map((s) => [textOf(article, s).slice(0, 12), s.label]);
  assert.deepEqual(types, [
    ['The council ', 'factual'],
    ['Mayor Lena O', 'attributed-claim'],
    ['The budget, ', 'attributed-claim'],
    ['This is clea', 'opinion'],
    ['Will the cou', 'question'],
    ['“We will not', 'attributed-claim'],
    ['“Nobody aske', 'attributed-claim'],
  ]);
  const byLabel = (i: number) => article.layers.statements[i];
  assert.equal(byLabel(1).attrs?.source, 'Lena Ortiz');
  assert.equal(byLabel(2).attrs?.source, 'the finance office');
  assert.ok(byLabel(3).evidence?.some((e) => e.includes("'shameful'")));
  assert.equal(byLabel(0).attrs?.checkable, true);
  assert.ok(byLabel(0).evidence?.[0].includes("reporter's voice"));
});

test('opinion cues weigh evaluative words, hedges, modals and first-person stance', () => {
  assert.equal(opinionCues('The bridge opened in May.').weight, 0);
  assert.ok(opinionCues('I think the plan is probably a disaster!').weight >= 2);
  assert.deepEqual(opinionCues('The talks could resume.').cues, ["modal 'could'"]);
});

test('sentences continuing a multi-sentence quotation are attributed to its speaker', async () => {
  const article = await runFacts('Harbour row\n\nDock chief Rosa Pell spoke on Monday. “The cranes are old. We need new ones. Nobody listens,” Pell said. The port employs 300 people.');
  const labels = article.layers.statements.map((s) => [textOf(article, s).slice(0, 10), s.label, s.attrs?.source]);
  assert.deepEqual(labels, [
    ['Dock chief', 'factual', ''],
    ['“The crane', 'attributed-claim', 'Pell'],
    ['We need ne', 'attributed-claim', 'Pell'],
    ['Nobody lis', 'attributed-claim', 'Pell'],
    ['The port e', 'factual', ''],
  ]);
});

test('opinionCues: a sentence of 30,000 "May"s (the month) is read in linear time; the modal still counts', () => {
  const months = 'May '.repeat(30000);
  const started = performance.now();
  const { cues } = opinionCues(months);
  assert.ok(performance.now() - started < 1500, `took ${Math.round(performance.now() - started)} ms`);
  assert.deepEqual(cues, []);
  assert.ok(opinionCues(`${months}and it may rain`).cues.some((c) => c.includes("'may'")), 'a lowercase "may" is the modal');
});
