import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertLayerConforms } from '../../model/conformance.js';
import { parseNumber } from './numbers.js';
import type { FigureAttrs } from './figures.js';
import { runFacts, textOf } from './testing.js';
import { figurePhrase, renderFactsMarkdown } from './markdown.js';

// Short sentences written for these tests; the first line is the title.
const figuresOf = async (body: string) => {
  const article = await runFacts(`Test title\n\n${body}`);
  assertLayerConforms(article, 'figures');
  return (article.layers.figures ?? []).map((f) => ({ text: textOf(article, f), ...(f.attrs as FigureAttrs) }));
};

test('parseNumber reads digits, words, scales, vague amounts and fractions', () => {
  assert.equal(parseNumber('400,000')?.value, 400000);
  assert.equal(parseNumber('1.5 million')?.value, 1500000);
  assert.equal(parseNumber('twenty-five')?.value, 25);
  assert.equal(parseNumber('two hundred thousand')?.value, 200000);
  assert.deepEqual(parseNumber('hundreds of thousands'), { value: 200000, vague: true, fraction: false });
  assert.equal(parseNumber('a third')?.fraction, true);
  assert.ok(Math.abs(parseNumber('two-thirds')!.value - 2 / 3) < 1e-9);
  assert.equal(parseNumber('seventh heaven'), undefined);
});

test('a qualified count with its counted thing and outcome', async () => {
  const [f] = await figuresOf('Over 400,000 civilians have been killed in the war.');
  assert.deepEqual([f.text, f.value, f.qualifier, f.bound, f.unit, f.counted, f.source], ['Over 400,000', 400000, 'over', 'above', 'civilians', 'civilians killed', 'reporter']);
  const [g] = await figuresOf('The flood claimed the lives of more than 2,000 villagers.');
  assert.deepEqual([g.qualifier, g.counted], ['more than', 'villagers killed']);
});

test('numbers in words, vague amounts, fractions, percent and money', async () => {
  const found = await figuresOf('Hundreds of thousands of workers marched. Ten deputies resigned after nearly 10 hours of debate. A third of the budget went to roads, and he won a third term. About 25% of voters stayed home. The bridge cost $5 million.');
  const byText = new Map(found.map((f) => [f.text, f]));
  assert.deepEqual([byText.get('Hundreds of thousands')?.vague, byText.get('Hundreds of thousands')?.unit], [true, 'workers']);
  assert.equal(byText.get('Ten')?.value, 10);
  assert.deepEqual([byText.get('nearly 10')?.qualifier, byText.get('nearly 10')?.unit], ['nearly', 'hours']);
  assert.equal(byText.get('A third')?.kind, 'fraction');
  assert.equal(found.filter((f) => f.text === 'a third').length, 0, '"a third term" is an ordinal');
  assert.deepEqual([byText.get('About 25%')?.kind, byText.get('About 25%')?.value], ['percent', 25]);
  assert.deepEqual([byText.get('$5 million')?.kind, byText.get('$5 million')?.currency, byText.get('$5 million')?.value], ['money', 'USD', 5e6]);
});

test('years and pronoun "one" are not figures', async () => {
  const found = await figuresOf('In 2014 no one came, but one soldier died in 1999.');
  assert.deepEqual(found.map((f) => f.text), ['one']);
});

test('the source of a figure: an "according to" phrase, a reporting verb, or the reporter', async () => {
  const [a] = await figuresOf('Some 3,000 homes were destroyed, according to the Red Crescent.');
  assert.deepEqual([a.source, a.sourceKind, a.cue], ['Red Crescent', 'according-to', 'according to']);
  const [b] = await figuresOf('Regional health official Maria Okafor estimates that at least 70 patients died.');
  assert.deepEqual([b.source, b.qualifier, b.counted], ['Maria Okafor', 'at least', 'patients killed']);
  const [c] = await figuresOf('The storm destroyed 40 houses.');
  assert.equal(c.source, 'reporter');
});

test('ages and counted things after nationality adjectives', async () => {
  const found = await figuresOf('A 56-year-old driver was fined. Officials said a dozen Syrian bases were hit.');
  assert.deepEqual(found.map((f) => [f.text, f.unit]), [['56', 'years old'], ['a dozen', 'bases']]);
});

test('a source named after "figures from" or "data by" is the source; a later unnamed reporting verb is not', async () => {
  const [a] = await figuresOf('The ferry carries about 900 passengers a day, according to figures from the Island Transport Board.');
  assert.deepEqual([a.text, a.source, a.sourceKind], ['about 900', 'Island Transport Board', 'according-to']);
  const [b] = await figuresOf('About 60 boats sank, according to official data by the Coast Watch.');
  assert.equal(b.source, 'Coast Watch');
  const found = await figuresOf('The board approved the budget 5 to 4 on Friday, a result the chairman called "a fair outcome for everyone here".');
  assert.deepEqual(found.map((f) => [f.text, f.source, f.cue]), [['5', 'reporter', ''], ['4', 'reporter', '']]);
  const [c] = await figuresOf('At least 12 fishermen were missing, officials said.');
  assert.deepEqual([c.source, c.cue], ['officials', 'said']);
});

test('the markdown report names a figure with what it counts as the article wrote it', async () => {
  const body = 'The storm left thousands of homes without power and flooded 40 farms. Dozens were stranded, and the repairs will take six-month contracts.';
  assert.equal(figurePhrase('thousands of homes', 0, 9, 'homes'), 'thousands of homes');
  assert.equal(figurePhrase('some 40 of the boats', 5, 7, 'boats'), '40 of the boats');
  assert.equal(figurePhrase('hundreds, mostly families', 0, 8, 'families'), 'hundreds of families');
  assert.equal(figurePhrase('six-month', 0, 3, 'months'), 'six months');
  const lines = renderFactsMarkdown(await runFacts(`Test title\n\n${body}`));
  assert.ok(lines.some((l) => l.startsWith('- thousands of homes — ')), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('- 40 farms — ')), lines.join('\n'));
  assert.ok(!lines.some((l) => /thousands homes/.test(l)));
});

test('an age in apposition ("Ada Brine, 54, said") is no figure; a count after a place and comma is', async () => {
  const figures = await figuresOf('"The pier moved," said Ada Brine, 54, a retired pilot. In Harlow, 40 people marched, and 12 boats sank.');
  assert.deepEqual(figures.map((f) => f.text), ['40', '12']);
});
