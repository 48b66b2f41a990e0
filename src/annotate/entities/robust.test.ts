import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SequenceTagger, SparseRows } from '../../learn/index.js';
import { harmoniseTypes, parseConll } from './conll.js';
import { joinParticles, splitMentions } from './mentions.js';
import { NerFeaturizer } from './features.js';
import { lexicon } from './lexicon.js';
import { documentFolds } from './cv.js';
import { NerModel } from './model.js';
import { trainAveraged } from './train.js';

test('harmoniseTypes gives a mention the majority type of the same words in the document', () => {
  const words = [['Tom', 'Berry', 'won'], ['Berry', 'said'], ['Berry', 'Corp', 'fell'], ['Berry', 'left']];
  const tags = [['B-PER', 'I-PER', 'O'], ['B-ORG', 'O'], ['B-ORG', 'I-ORG', 'O'], ['B-PER', 'O']];
  const out = harmoniseTypes(words, tags);
  // "Berry" alone: ORG once, PER once: a tie changes nothing.
  assert.deepEqual(out, tags);
  const more = [...words, ['Berry', 'smiled']];
  const out2 = harmoniseTypes(more, [...tags, ['B-PER', 'O']]);
  assert.deepEqual(out2[1], ['B-PER', 'O'], 'the minority ORG reading of "Berry" becomes PER');
  assert.deepEqual(out2[2], tags[2], 'a different word sequence ("Berry Corp") keeps its type');
  assert.equal(out2[0], tags[0], 'unchanged sentences are returned as they were');
});

test('documentFolds: contiguous blocks that cover every document once', () => {
  const docs = Array.from({ length: 11 }, (_, i) => i);
  const folds = documentFolds(docs, 3);
  assert.deepEqual(folds.flatMap((f) => f.test), docs);
  for (const f of folds) {
    assert.equal(f.train.length + f.test.length, docs.length);
    assert.ok(f.test.every((d) => !f.train.includes(d)));
    assert.deepEqual(f.test, [...f.test].sort((a, b) => a - b));
  }
});

test('first-pass tags add features only when given, and the fast scores still match the hashed ones', () => {
  const doc = [['Berry', 'met', 'Lavrov', 'in', 'Geneva', '.'], ['Berry', 'said', 'so', '.']];
  const f = new NerFeaturizer(lexicon(), 14);
  const plain = doc.map((s) => f.sentence(s, f.documentContext(doc)).map((b) => [...b]));
  const ctx = f.documentContext(doc, undefined, [['B-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O'], ['B-ORG', 'O', 'O', 'O']]);
  const withTags = doc.map((s) => f.sentence(s, ctx));
  assert.ok(withTags[0][0].length > plain[0][0].length, 'a capitalised word gets prediction features');
  assert.deepEqual([...withTags[0][1]], plain[0][1], 'a lower-case word gets none');
  const tags = [['B-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O'], ['B-PER', 'O', 'O', 'O']];
  const tagger = SequenceTagger.trainHashed(withTags, tags, { bits: 14, epochs: 3 });
  const rows = SparseRows.fromDense(tagger.emissions, tagger.tags.length);
  const T = tagger.tags.length;
  doc.forEach((words, k) => {
    const fast = f.emissionScores(words, ctx, rows);
    withTags[k].forEach((buckets, i) => {
      for (let t = 0; t < T; t++) {
        let sum = 0;
        for (const b of buckets) sum += tagger.emissions[b * T + t];
        assert.ok(Math.abs(sum - fast[i * T + t]) < 1e-4);
      }
    });
  });
});

test('seed-averaged training is deterministic and a two-stage model tags like its parts', () => {
  const conll = parseConll(
    '-DOCSTART- -X- O O\n\nBerry NNP I-NP I-PER\nmet VBD I-VP O\nLavrov NNP I-NP I-PER\nin IN I-PP O\nGeneva NNP I-NP I-LOC\n\n' +
      'Berry NNP I-NP I-PER\nsaid VBD I-VP O\n\n',
  );
  const f = new NerFeaturizer(lexicon(), 14);
  const words = conll[0].sentences.map((s) => s.map((t) => t.word));
  const ctx = f.documentContext(words);
  const hashed = words.map((s) => f.sentence(s, ctx));
  const tags = conll[0].sentences.map((s) => s.map((t) => (t.tag === 'O' ? 'O' : 'B-' + t.tag.slice(2))));
  const tagSet = [...new Set(tags.flat())].sort();
  const a = trainAveraged(hashed, tags, tagSet, 3, [1, 2, 3]);
  const b = trainAveraged(hashed, tags, tagSet, 3, [1, 2, 3]);
  assert.deepEqual(a.encode(), b.encode());
  const singles = [1, 2, 3].map((seed) => trainAveraged(hashed, tags, tagSet, 3, [seed]));
  for (const i of [...a.emissions.keys()].filter((i) => singles.some((m) => m.emissions[i] !== 0))) {
    const mean = singles.reduce((s, m) => s + m.emissions[i], 0) / 3;
    assert.ok(Math.abs(a.emissions[i] - mean) < 1e-6, 'the average of the seeds\' weights');
  }
  const model = new NerModel(a, lexicon(), undefined, false, a);
  const single = new NerModel(a, lexicon(), undefined, false);
  // The same weights as second stage: features differ only by the prediction features, which it never saw.
  assert.deepEqual(model.tagDocument(words), single.tagDocument(words));
});

test('hasConflict: a capitalised form whose first-pass tags disagree within the document', () => {
  const f = new NerFeaturizer(lexicon(), 14);
  const doc = [['Berry', 'won', '.'], ['Berry', 'Corp', 'fell', '.'], ['Rain', 'fell', '.']];
  const agree = f.documentContext(doc, undefined, [['B-PER', 'O', 'O'], ['B-PER', 'O', 'O', 'O'], ['O', 'O', 'O']]);
  assert.deepEqual(doc.map((s) => f.hasConflict(s, agree)), [false, false, false]);
  const differ = f.documentContext(doc, undefined, [['B-PER', 'O', 'O'], ['B-ORG', 'I-ORG', 'O', 'O'], ['O', 'O', 'O']]);
  assert.deepEqual(doc.map((s) => f.hasConflict(s, differ)), [true, true, false]);
  const plain = f.documentContext(doc);
  assert.deepEqual(doc.map((s) => f.hasConflict(s, plain)), [false, false, false], 'no first-pass tags, no conflicts');
});

test('joinParticles: "by de Mistura" after "Staffan de Mistura" takes the particle in, as a person', () => {
  const text = 'Envoy Staffan de Mistura spoke. Ask de Mistura or de Gaulle.';
  const sentenceOf = (from: number, to: number) => {
    const found = [...text.slice(from, to).matchAll(/\S+?(?=[.\s]|$)|\./g)];
    return { texts: found.map((m) => m[0]), starts: Int32Array.from(found.map((m) => from + m.index!)), ends: Int32Array.from(found.map((m) => from + m.index! + m[0].length)) };
  };
  const words = [sentenceOf(0, 31), sentenceOf(32, text.length)];
  const mention = (sentence: number, first: number, last: number, type: string) => {
    const s = words[sentence];
    return { sentence, first, last, start: s.starts[first], end: s.ends[last], type, text: text.slice(s.starts[first], s.ends[last]) };
  };
  const out = joinParticles([mention(0, 1, 3, 'PER'), mention(1, 2, 2, 'MISC'), mention(1, 5, 5, 'PER')], words, text);
  assert.deepEqual(out.map((m) => [m.text, m.type]), [['Staffan de Mistura', 'PER'], ['de Mistura', 'PER'], ['Gaulle', 'PER']], 'no full name "… de Gaulle" in the document: left alone');
});

test('splitMentions: a mention of 20,000 words takes linear time and a known alias + first name still splits', () => {
  const lex = lexicon();
  const alias = [...lex.byAlias.keys()].find((a) => a.includes(' ') && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(a))!;
  const given = [...lex.firstNames].find((n) => /^[A-Z][a-z]+$/.test(n))!;
  const make = (words: string[]) => {
    const starts = new Int32Array(words.length);
    const ends = new Int32Array(words.length);
    let at = 0;
    words.forEach((w, i) => { starts[i] = at; ends[i] = at + w.length; at += w.length + 1; });
    const text = words.join(' ');
    return { words: [{ texts: words, starts, ends }], mention: { sentence: 0, first: 0, last: words.length - 1, start: 0, end: text.length, type: 'ORG', text } };
  };
  // A run of capitalised words with no full stop: every prefix used to be joined and looked up.
  const long = make(Array.from({ length: 20000 }, (_, i) => (i % 2 ? 'Beta' : 'Alpha')));
  const started = performance.now();
  const out = splitMentions([long.mention], long.words, lex);
  assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  assert.equal(out.length, 1);
  const named = make([...alias.split(' '), given, 'Smith']);
  const split = splitMentions([named.mention], named.words, lex);
  assert.deepEqual(split.map((m) => m.text), [alias, `${given} Smith`]);
  assert.equal(split[1].type, 'PER');
});
