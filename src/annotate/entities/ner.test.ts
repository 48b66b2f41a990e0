import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SequenceTagger, SparseRows, viterbi, viterbiScores, hashFeatures } from '../../learn/index.js';
import { tokenize } from '../../nlp/index.js';
import { NerFeaturizer } from './features.js';
import { lexicon } from './lexicon.js';
import { NerModel } from './model.js';
import { sentenceWords } from './words.js';
import { tagConll } from './conll-tag.js';
import { truecase } from './truecase.js';
import { bilouToBio, bioToBilou } from './conll.js';
import { fnv1a } from '../../learn/index.js';

test('words: hyphenated compounds and web addresses stay one word; line breaks end sentences', () => {
  const text = 'President Bashar al-Assad met US-backed groups, Attackthesystem.com said.\nHeadline Here';
  const { tokens, sentences } = tokenize(text);
  const words = sentenceWords(text, tokens, sentences).map((s) => s.map((w) => w.text));
  assert.ok(words[0].includes('al-Assad'));
  assert.ok(words[0].includes('US-backed'));
  assert.ok(words[0].includes('Attackthesystem.com'));
  assert.ok(!words[0].includes('Headline'), 'a line break ends the sentence');
});

test('fast emission scores equal the sum of the hashed features the tagger trained on', () => {
  const featurizer = new NerFeaturizer(lexicon(), 12);
  const doc = [['Kerry', 'met', 'Lavrov', 'in', 'Geneva', '.'], ['The', 'United', 'Nations', 'said', 'so', '.']];
  const tags = [['B-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O'], ['O', 'B-ORG', 'I-ORG', 'O', 'O', 'O']];
  const context = featurizer.documentContext(doc);
  const hashed = doc.map((s) => featurizer.sentence(s, context));
  const tagger = SequenceTagger.trainHashed(hashed, tags, { bits: 12, epochs: 3 });
  const rows = SparseRows.fromDense(tagger.emissions, tagger.tags.length);
  const T = tagger.tags.length;
  doc.forEach((words, k) => {
    const fast = featurizer.emissionScores(words, context, rows);
    hashed[k].forEach((buckets, i) => {
      for (let t = 0; t < T; t++) {
        let sum = 0;
        for (const b of buckets) sum += tagger.emissions[b * T + t];
        assert.ok(Math.abs(sum - fast[i * T + t]) < 1e-4, `word ${i} tag ${t}: ${sum} vs ${fast[i * T + t]}`);
      }
    });
    assert.deepEqual(tagger.tagScores(fast, words.length), tagger.tagHashed(hashed[k]));
  });
});

test('viterbi over precomputed scores matches viterbi over hashed features', () => {
  const tagger = SequenceTagger.train([{ features: [['a'], ['b'], ['c']], tags: ['X', 'Y', 'X'] }], { bits: 8, epochs: 3 });
  const hashed = [['a'], ['b'], ['c']].map((f) => hashFeatures(f, 8));
  const T = tagger.tags.length;
  const emit = new Float64Array(3 * T);
  hashed.forEach((h, k) => emit.set(tagger.emissionScores([['a'], ['b'], ['c']][k]), k * T));
  assert.deepEqual(viterbiScores(emit, 3, tagger.transitions, T), viterbi(hashed, tagger.emissions, tagger.transitions, T));
});

test('BIO ⇄ BILOU round-trips', () => {
  const bio = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG'];
  assert.deepEqual(bioToBilou(bio), ['B-PER', 'L-PER', 'O', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG']);
  assert.deepEqual(bilouToBio(bioToBilou(bio)), bio);
});

test('truecasing lowers common words of title-case headlines only', () => {
  const stats = new Map([[fnv1a('meets'), 1], [fnv1a('in'), 1], [fnv1a('geneva'), 6]]);
  assert.deepEqual(truecase(['Kerry', 'Meets', 'Lavrov', 'In', 'Geneva'], stats), ['Kerry', 'meets', 'Lavrov', 'in', 'Geneva']);
  const ordinary = ['Kerry', 'meets', 'Lavrov', 'in', 'Geneva'];
  assert.equal(truecase(ordinary, stats), ordinary);
});

test('ner --conll echoes the file with an IOB2 column; DOCSTART and blank lines kept', () => {
  const model = NerModel.load();
  const input = '-DOCSTART- -X- O O\n\nJohn NNP I-NP I-PER\nSmith NNP I-NP I-PER\nvisited VBD I-VP O\nParis NNP I-NP I-LOC\n. . O O\n\n';
  const lines = tagConll(input, model).split('\n');
  const original = input.split('\n');
  assert.equal(lines.length, original.length);
  assert.equal(lines[0], '-DOCSTART- -X- O O');
  assert.equal(lines[1], '');
  assert.deepEqual(lines.slice(2, 7).map((l) => l.split(' ').slice(0, 4).join(' ')), original.slice(2, 7));
  assert.deepEqual(lines.slice(2, 7).map((l) => l.split(' ')[4]), ['B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
});
