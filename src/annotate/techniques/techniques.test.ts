import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Classifier, hashFeatures, seededRandom, SequenceTagger } from '../../learn/index.js';
import { createArticle, type Article } from '../../model/index.js';
import { assertLayerConforms } from '../../model/conformance.js';
import { tokenize, nlpLayers } from '../../nlp/index.js';
import { needsShared, seedPath, DATA_DIR } from '../../testing/shared.js';
import { mergeRanges, spansFromTags, tagsFromSpans, tokenRuns } from './decode.js';
import { LexiconIndex } from './lexicon-match.js';
import { TokenFeaturizer, wordShape } from './token-features.js';
import { buildViews, type SentenceView } from './view.js';
import { countIndexed, countIndexedAround, countOccurrences, isSuperlative, textIndex, networkFeaturesInto, spanFeatures, spanFeaturesInto } from './span-features.js';
import { ExplainingSink } from './sinks.js';
import { evidenceFor, wordsOf } from './evidence.js';
import { addSiArticle, emptySiTotals, siScore, sumSiTotals, tcScore } from './scorer.js';
import { prepare, trainClassifier, trainNetwork, trainTagger, trainWidening, type SpanTagger } from './train.js';
import { sideTarget, wideningSides } from './widening.js';
import { extendToClause, mergeFound, TechniqueModel, wordEnd, wordStart } from './detector.js';
import { classifySpans } from './classify.js';
import { detectTechniques, techniquesStage } from './stage.js';
import { readPtc } from './ptc.js';
import { CONTEXT, FEATURES, TECHNIQUES } from './constants.js';

const lexicon = new LexiconIndex();

function viewsOf(text: string) {
  const { tokens, sentences } = tokenize(text);
  return buildViews(text, tokens, sentences);
}

function range(text: string, fragment: string, from = 0) {
  const start = text.indexOf(fragment, from);
  assert.ok(start >= 0, `fragment "${fragment}" not in text`);
  return { start, end: start + fragment.length };
}

test('hashed token features equal the hashes of the feature strings', () => {
  const views = viewsOf('Our glorious nation will crush the vile invaders!\n\nExperts say the plan is the best ever, they say.');
  const f = new TokenFeaturizer(lexicon, 16);
  const strings = f.strings(views);
  const hashed = f.hashed(views);
  strings.forEach((sentence, s) => sentence.forEach((tok, i) => assert.deepEqual([...hashed[s][i]], [...hashHelper(tok)])));
  assert.ok(strings[0][0].includes('w=our'));
  assert.ok(strings[0].some((tok) => tok.includes('lx=loaded')), 'lexicon feature present');
});

function hashHelper(features: string[]) {
  return hashFeatures(features, 16);
}

test('word shapes and lexicon lookups', () => {
  assert.equal(wordShape('Paris'), 'Xx');
  assert.equal(wordShape('U.S.'), 'X.X.');
  assert.equal(wordShape('1984'), 'd');
  assert.ok(lexicon.categoriesOf('onslaught').includes('loaded'));
  const hits = lexicon.phraseHits('well , at the end of the day it works'.split(' '));
  assert.deepEqual(hits.map((h) => [h.category, h.first, h.last]), [['cliche', 2, 7]]);
  assert.ok(lexicon.hits(['experts', 'say']).some((h) => h.category === 'authority' && h.entry === 'experts say'));
});

test('BIO tags round-trip through gold spans and decoding', () => {
  const text = 'The mayor called the plan a total disaster for everyone here.';
  const [view] = viewsOf(text);
  const gold = range(text, 'a total disaster');
  const tags = tagsFromSpans(view, [gold]);
  assert.deepEqual(tags.filter((t) => t !== 'O'), ['B', 'I', 'I']);
  assert.deepEqual(spansFromTags(view, tags), [gold]);
  assert.deepEqual(tokenRuns(['O', 'I', 'I', 'O', 'B', 'B', 'I']), [[1, 2], [4, 4], [5, 6]]);
  assert.deepEqual(mergeRanges([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 8, end: 12 }]), [{ start: 0, end: 3 }, { start: 5, end: 12 }]);
});

test('span features see repetition, questions, superlatives and lexicons; evidence says so in words', () => {
  const text = 'Stop the steal now.\n\nThey said it loudly: stop the steal!\n\nIs this the greatest fraud ever? Stop the steal.';
  const views = viewsOf(text);
  const ctx = { text, lowerText: text.toLowerCase(), views };
  assert.equal(countOccurrences(ctx.lowerText, 'stop the steal'), 3);
  const index = textIndex(ctx.lowerText);
  for (const needle of ['stop the steal', 'the', 'st', 'steal!', 'is this', 'nowhere', ' ', 'e']) assert.equal(countIndexed(index, needle), countOccurrences(ctx.lowerText, needle), needle);
  assert.equal(countIndexed(textIndex('aaaaaaa'), 'aaa'), 2, 'occurrences do not overlap');
  const rep = spanFeatures(ctx, range(text, 'stop the steal'), lexicon);
  assert.equal(rep.facts.repeats, 3);
  assert.ok(rep.features.includes('rep=3'));
  assert.deepEqual(evidenceFor('Repetition', [], rep.facts, lexicon), ['repeated 3 times in the article']);
  const q = spanFeatures(ctx, range(text, 'Is this the greatest fraud ever?'), lexicon);
  assert.ok(q.features.includes('has?'));
  assert.ok(q.features.includes('sup'));
  assert.deepEqual(q.facts.superlatives.slice(0, 1), ['greatest']);
  assert.ok(q.features.includes('lx=loaded'), 'fraud is a loaded word');
  assert.equal(evidenceFor('Loaded_Language', [], q.facts, lexicon)[0], "emotive word 'fraud'");
  assert.ok(isSuperlative('worst', 'ADJ'));
  assert.ok(!isSuperlative('honest', 'ADJ'));
});

test('span features say where else the fragment is said and which words stand around it', () => {
  const text = 'Stop the steal now.\n\nThey said it loudly: stop the steal!\n\nIs this fraud? Stop the steal.';
  const views = viewsOf(text);
  const ctx = { text, lowerText: text.toLowerCase(), views };
  const index = textIndex(ctx.lowerText);
  const second = range(ctx.lowerText, 'stop the steal', 5);
  assert.deepEqual(countIndexedAround(index, 'stop the steal', second.start), { total: 3, before: 1, after: 1 });
  assert.deepEqual(countIndexedAround(index, 'st', 42), { total: 6, before: 2, after: 3 }, 'short needles are scanned');
  assert.deepEqual(countIndexedAround(index, '', 0), { total: 0, before: 0, after: 0 });
  const first = spanFeatures(ctx, range(text, 'Stop the steal'), lexicon);
  assert.deepEqual([first.facts.repeatsBefore, first.facts.repeatsAfter], [0, 2]);
  assert.ok(first.features.includes('repb=0') && first.features.includes('repa=3'));
  const mid = spanFeatures(ctx, range(text, 'said it loudly'), lexicon);
  assert.ok(mid.features.includes('pre1=they') && mid.features.includes('post1=:'));
  const last = spanFeatures(ctx, range(text, 'Stop the steal', 60), lexicon);
  assert.deepEqual([last.facts.repeatsBefore, last.facts.repeatsAfter], [2, 0]);
  assert.ok(last.features.includes('pre1=<s>'), 'a span opening its sentence');
  const explained = ['repb=3', 'pre1=they', 'pre1=slammed', 'post1=loudly'].map((feature) => ({ feature }));
  assert.deepEqual(evidenceFor('Loaded_Language', explained, { ...last.facts, hits: [] }, lexicon), ['said twice before in the article', "after 'slammed'", "followed by 'loudly'"], 'function words are not named');
});

test('evidence names the word behind a word-ending feature, and the marked words when the span shown is their widened clause', () => {
  const text = 'The council called the plan a reckless gamble with public money.';
  const ctx = { text, lowerText: text.toLowerCase(), views: viewsOf(text) };
  const { facts } = spanFeatures(ctx, range(text, 'reckless gamble'), lexicon);
  const explained = ['sfx=ble', 'sfx=zzz', 'len=2'].map((feature) => ({ feature }));
  const plain = evidenceFor('Loaded_Language', explained, { ...facts, hits: [] }, lexicon, { words: wordsOf('reckless gamble') });
  assert.deepEqual(plain, ["word 'gamble'", 'short fragment (2 words)'], 'an ending no word has is left out');
  const widened = evidenceFor('Loaded_Language', explained, { ...facts, hits: [] }, lexicon, { words: wordsOf('reckless gamble'), core: 'reckless gamble' });
  assert.equal(widened[1], "short marked fragment 'reckless gamble' (2 words)");
  assert.deepEqual(evidenceFor('Loaded_Language', explained.slice(0, 1), { ...facts, hits: [] }, lexicon), ['the wording of the fragment as a whole'], 'without the words, no word ending is shown');
  assert.deepEqual(wordsOf('Al-Qaeda’s “reckless” 2nd-rate plan'), ['al-qaeda’s', 'reckless', '2nd-rate', 'plan']);
});

test('a span edge inside a hyphenated word moves to the word\'s edge', () => {
  const text = 'They backed the so-called reform of the al-Qaeda-linked group - and lost.';
  const [v] = viewsOf(text);
  const at = (word: string) => v.raws.indexOf(word);
  assert.ok(at('Qaeda') > 0 && at('called') > 0, 'the tokenizer splits these words at their hyphens');
  assert.equal(v.raws[wordStart(v, at('called'))], 'so');
  assert.equal(v.raws[wordStart(v, at('Qaeda'))], 'al');
  assert.equal(v.raws[wordEnd(v, at('Qaeda'))], 'linked');
  assert.equal(v.raws[wordEnd(v, at('al'))], 'linked');
  assert.equal(wordStart(v, at('so')), at('so'));
  assert.equal(wordEnd(v, at('reform')), at('reform'));
  assert.equal(wordStart(v, at('and')), at('and'), 'a spaced dash joins nothing');
  assert.equal(wordEnd(v, at('group')), at('group'));
});

test('SI score gives partial-overlap credit as the SemEval scorer does', () => {
  const t = emptySiTotals();
  addSiArticle(t, [{ start: 0, end: 10 }, { start: 50, end: 60 }], [{ start: 5, end: 15 }]);
  const s = siScore(t);
  assert.equal(s.precision, 0.25); // (5/10 + 0) / 2
  assert.equal(s.recall, 0.5); // 5/10 / 1
  const other = emptySiTotals();
  addSiArticle(other, [{ start: 0, end: 4 }], [{ start: 0, end: 4 }]);
  assert.deepEqual(sumSiTotals([t, other]), { precisionCredit: 1.5, recallCredit: 1.5, predicted: 3, gold: 2 });
  assert.deepEqual(sumSiTotals([t, other], 0), other, 'the skipped fold is left out');
  const tc = tcScore([
    { key: 'a:0:5', gold: 'Doubt', predicted: 'Doubt' },
    { key: 'a:0:5', gold: 'Slogans', predicted: 'Doubt' },
    { key: 'a:9:12', gold: 'Repetition', predicted: 'Repetition' },
  ]);
  assert.equal(tc.f1, 2 / 3);
});

/** A tiny invented corpus: emotive words inside spans, factual sentences without. */
function tinyCorpus() {
  const pattern = [
    ['The senator said the vile traitors must be stopped.', 'the vile traitors', 'Name_Calling,Labeling'],
    ['Officials met on Monday to discuss the budget.', '', ''],
    ['The brutal onslaught destroyed the town.', 'brutal onslaught', 'Loaded_Language'],
    ['The report was published on Tuesday.', '', ''],
    ['Critics called it a disgusting sham.', 'a disgusting sham', 'Loaded_Language'],
    ['The committee will meet again next week.', '', ''],
    ['These corrupt thugs are wreaking havoc.', 'corrupt thugs', 'Name_Calling,Labeling'],
  ];
  return Array.from({ length: 6 }, (_, k) => {
    const lines = pattern.map((p, i) => pattern[(i + k) % pattern.length]);
    const text = `Title ${k}\n\n` + lines.map((l) => l[0]).join('\n\n');
    const labelled = lines.filter((l) => l[1]).map((l) => ({ ...range(text, l[1]), label: l[2] }));
    return prepare({ id: String(k), text, spans: labelled.map(({ start, end }) => ({ start, end })), labelled });
  });
}

test('the technique network averages with the classifier and keeps evidence', () => {
  const docs = tinyCorpus();
  const tagger = trainTagger(docs, lexicon, { bits: 14, epochs: 6 });
  const classifier = trainClassifier(docs, lexicon, { bits: 14, epochs: 6 });
  const network = trainNetwork(docs, lexicon, 14);
  const plain = new TechniqueModel(tagger, classifier, lexicon, 0);
  const model = plain.withNetwork(network, 0.5, 1);
  const text = 'Headline\n\nThe vile traitors met on Monday.\n\nIt was a disgusting sham.';
  const ctx = { text, lowerText: text.toLowerCase(), views: viewsOf(text) };
  const ranges = [range(text, 'The vile traitors'), range(text, 'a disgusting sham')].map((r) => ({ ...r, backstop: false }));
  const labelled = model.label(ctx, ranges);
  assert.deepEqual(labelled.map((l) => l.label), ['Name_Calling,Labeling', 'Loaded_Language']);
  for (const l of labelled) {
    assert.ok(l.evidence.length > 0);
    const total = l.ranking.reduce((s, x) => s + x.score, 0);
    assert.ok(total <= 1 + 1e-9 && l.ranking.every((x, i) => i === 0 || x.score <= l.ranking[i - 1].score));
  }
  assert.notDeepEqual(plain.label(ctx, ranges).map((l) => l.score), labelled.map((l) => l.score));
  // The decoding copies keep the network; a network over other buckets is refused.
  assert.deepEqual(model.withBias(-1).label(ctx, ranges).map((l) => l.score), labelled.map((l) => l.score));
  assert.throws(() => plain.withNetwork(trainNetwork(docs, lexicon, 13)));
});

test('article context: spans labelled together lean towards the label mix of the others', () => {
  const model = TechniqueModel.load();
  const off = model.withContext(0);
  const text = 'Headline\n\nThe corrupt thugs lied again, and the vile traitors cheered.\n\nThose lying crooks met the new committee on Monday.';
  const ctx = () => ({ text, lowerText: text.toLowerCase(), views: viewsOf(text) });
  const calls = ['The corrupt thugs', 'the vile traitors', 'Those lying crooks'].map((f) => range(text, f));
  const target = range(text, 'the new committee');
  const scoreOf = (l: { ranking: { label: string; score: number }[] }, label: string) => l.ranking.find((x) => x.label === label)?.score ?? 0;
  // Alone (or beside only copies of itself) a span has no context: as with the context off.
  assert.deepEqual(model.label(ctx(), [target]).map((l) => l.ranking), off.label(ctx(), [target]).map((l) => l.ranking));
  assert.deepEqual(model.label(ctx(), [target, target]).map((l) => l.ranking), off.label(ctx(), [target, target]).map((l) => l.ranking));
  // Copies of a range count once in the others' mix.
  assert.deepEqual(model.label(ctx(), [...calls, target, target])[3].ranking, model.label(ctx(), [...calls, target])[3].ranking);
  const plain = off.label(ctx(), [...calls, target]);
  assert.ok(plain.slice(0, 3).every((l) => l.label === 'Name_Calling,Labeling'), plain.map((l) => l.label).join());
  const inContext = model.label(ctx(), [...calls, target]);
  const nc = 'Name_Calling,Labeling';
  assert.ok(scoreOf(inContext[3], nc) > scoreOf(plain[3], nc), `${scoreOf(inContext[3], nc)} vs ${scoreOf(plain[3], nc)}`);
  // The tagger's own spans ('found', as in the stage) lean less (CONTEXT.foundWeight < CONTEXT.weight).
  const found = model.label(ctx(), [...calls, target], undefined, 'found');
  assert.ok(scoreOf(found[3], nc) > scoreOf(plain[3], nc) && scoreOf(found[3], nc) < scoreOf(inContext[3], nc), `${scoreOf(found[3], nc)}`);
  assert.deepEqual(model.withContext(CONTEXT.weight, 0).label(ctx(), [...calls, target], undefined, 'found').map((l) => l.ranking), plain.map((l) => l.ranking));
  for (const l of inContext) {
    const total = l.ranking.reduce((sum, x) => sum + x.score, 0);
    assert.ok(total <= 1 + 1e-9 && l.ranking.every((x, i) => i === 0 || x.score <= l.ranking[i - 1].score) && l.evidence.length > 0);
  }
});

test('a tiny model learns spans and labels; the stage output conforms', () => {
  const docs = tinyCorpus();
  const tagger = trainTagger(docs, lexicon, { bits: 14, epochs: 6 });
  const classifier = trainClassifier(docs, lexicon, { bits: 14, epochs: 6 });
  const model = new TechniqueModel(tagger, classifier, lexicon, 0);
  const text = 'Headline\n\nThe vile traitors met on Monday.\n\nThe brutal onslaught was published.';
  const article: Article = createArticle(text);
  article.layers = { ...nlpLayers(text) };
  const { spans } = detectTechniques(article, model);
  assert.ok(spans.some((s) => text.slice(s.start, s.end).includes('onslaught')), `found ${spans.map((s) => text.slice(s.start, s.end))}`);
  for (const s of spans) assert.ok(TECHNIQUES.includes(s.label as never) && s.evidence!.length > 0);
  const out = techniquesStage.run(article, model);
  const done = { ...article, layers: { ...article.layers, ...out.layers } };
  assertLayerConforms(done, 'techniques');
  const summary = out.findings!.techniqueSummary as { total: number; words: number };
  assert.equal(summary.total, out.layers!.techniques.length);
  assert.ok(summary.words >= 12);
  // A span listed twice gets its two best labels.
  const ctx = { text, lowerText: text.toLowerCase(), views: viewsOf(text) };
  const r = range(text, 'The vile traitors');
  const [a, b] = classifySpans(model, ctx, [r, r]);
  assert.notEqual(a.label, b.label);
});

test('a tagger whose card turns on a retired feature is refused, naming the feature', () => {
  const docs = tinyCorpus();
  const tagger = trainTagger(docs, lexicon, { bits: 12, epochs: 1, sentences: false });
  const classifier = trainClassifier(docs, lexicon, { bits: 12, epochs: 1 });
  assert.doesNotThrow(() => new TechniqueModel(tagger, classifier, lexicon, 0));
  const old: SpanTagger = new SequenceTagger(tagger.tags, tagger.bits, tagger.emissions, tagger.transitions, { ...tagger.card, clauseModel: true });
  assert.throws(() => new TechniqueModel(old, classifier, lexicon, 0), /clauseModel/);
});

test('PTC reader parses labels on tabs and converts offsets', { skip: needsShared('data/ptc') }, () => {
  const articles = readPtc(`${DATA_DIR}/ptc`);
  assert.ok(articles.length > 300);
  const labels = new Set(articles.flatMap((a) => a.labelled.map((l) => l.label)));
  assert.deepEqual([...labels].sort(), [...TECHNIQUES].sort());
  for (const a of articles) for (const s of a.spans) assert.ok(s.start < s.end && s.end <= a.text.length);
});

test('seed articles: the committed model flags the loaded labels', { skip: needsShared('seeds') }, async () => {
  const model = TechniqueModel.load();
  const flagged = (prefix: string) => {
    const text = readFileSync(seedPath(prefix), 'utf8');
    const article = createArticle(text);
    article.layers = { ...nlpLayers(text) };
    const { spans } = detectTechniques(article, model);
    return { text, spans };
  };
  const wanted = new Set(['Loaded_Language', 'Name_Calling,Labeling']);
  const expectFlag = ({ text, spans }: ReturnType<typeof flagged>, fragment: string) => {
    const r = range(text, fragment);
    const hit = spans.find((s) => s.start < r.end && r.start < s.end && wanted.has(s.label));
    assert.ok(hit, `"${fragment}" not flagged as loaded language / name calling`);
  };
  const s000 = flagged('000');
  expectFlag(s000, 'Takfiri terror');
  expectFlag(s000, 'foreign-sponsored terrorist onslaught');
  expectFlag(s000, 'wreaking havoc');
  const s002 = flagged('002');
  expectFlag(s002, 'Takfiri terrorists');
  expectFlag(s002, 'schizophrenic');
});

for (const card of [{}, { articleDensity: true, wordClusters: true }, { wordClusters: true, sentenceModel: true, sentenceNeighbours: 2 }, { articleDensity: true, wordClusters: true, sentenceModel: true, sentenceNeighbours: 1 }, { sentenceModel: true }])
test(`memoised emission scores equal the sums of the hashed features (${JSON.stringify(card)})`, () => {
  // Random weights: every feature counts, so a missed or extra feature shows.
  const random = seededRandom(3);
  const bits = 12;
  const emissions = Float32Array.from({ length: (1 << bits) * 3 }, () => random() - 0.5);
  const tagger: SpanTagger = new SequenceTagger(['B', 'I', 'O'], bits, emissions, new Float32Array(12), card);
  // A sentence model with random weights (scaled so its probabilities spread over the buckets).
  tagger.sentences = new Classifier(['0', '1'], 10, Float32Array.from({ length: (1 << 10) * 2 }, () => random() - 0.5));
  const classifier = trainClassifier(tinyCorpus(), lexicon, { bits: 12, epochs: 1 });
  const model = new TechniqueModel(tagger, classifier, lexicon, 0);
  const text = 'Our glorious nation will crush the vile invaders, the vile invaders!\n\n"At the end of the day", experts say, the plan is the best ever. Why would anyone trust them? The report was published on Monday.\n\nOfficials declined to comment on the figures, which were first reported by a local newspaper.';
  const views = viewsOf(text);
  const counts = model.featurizer.counts(views);
  if ('sentenceNeighbours' in card) assert.ok(counts.sentence && new Set(counts.sentence).size > 1, 'sentence buckets vary');
  const fast = model.scorer.article(views);
  views.forEach((v, s) => {
    const { buckets, offsets } = model.featurizer.hashedSentence(v, s, counts);
    const slow = model.emissionsOf(buckets, offsets);
    assert.equal(fast[s].length, slow.length);
    slow.forEach((x, k) => assert.ok(Math.abs(x - fast[s][k]) < 1e-6, `sentence ${s} cell ${k}: ${x} vs ${fast[s][k]}`));
  });
});

test('hashed span features equal the hashed strings, and bucket explanations match explain', () => {
  const text = 'Stop the steal now!\n\nIs this the greatest FRAUD ever? "Stop the steal," they said.';
  const views = viewsOf(text);
  const ctx = { text, lowerText: text.toLowerCase(), views };
  const classifier = trainClassifier(tinyCorpus(), lexicon, { bits: 12, epochs: 3 });
  const sink = new ExplainingSink((1 << 12) - 1);
  for (const frag of ['Stop the steal now!', 'the greatest FRAUD ever?', 'Stop the steal']) {
    const r = range(text, frag);
    const { features, networkFeatures } = spanFeatures(ctx, r, lexicon);
    sink.clear();
    spanFeaturesInto(ctx, r, lexicon, sink);
    assert.equal(sink.networkOut.length, 0, 'network features are written only when asked for');
    networkFeaturesInto(ctx, r, sink);
    assert.deepEqual(sink.out, [...hashFeatures(features, 12)]);
    assert.deepEqual(sink.networkOut, [...hashFeatures(networkFeatures, 12)]);
    assert.deepEqual(features.map((_, k) => sink.feature(k)), features);
    for (const label of classifier.labels) {
      const slow = classifier.explain(features, label, 5).map((e) => e.feature);
      const fast = classifier.explainBuckets(sink.out, classifier.labels.indexOf(label), 5).map((k) => sink.feature(k));
      assert.deepEqual(fast, slow);
    }
  }
});

test('character n-grams of span words go to the network only', () => {
  const text = 'They called it a warmongering plot.';
  const ctx = { text, lowerText: text.toLowerCase(), views: viewsOf(text) };
  const { features, networkFeatures } = spanFeatures(ctx, range(text, 'warmongering plot'), lexicon);
  const n = FEATURES.networkCharGrams;
  // "<warmongering>" gives 14 - n + 1 pieces, "<plot>" 6 - n + 1 (both words have n letters or more).
  assert.equal(networkFeatures.length, 14 - n + 1 + (6 - n + 1));
  assert.ok(networkFeatures.includes(`ch=${'<warmongering>'.slice(0, n)}`));
  assert.ok(networkFeatures.includes(`ch=${'<plot>'.slice(-n)}`));
  assert.ok(!features.some((f) => f.startsWith('ch=')), 'the logistic model never sees the pieces');
});

test('spans widen to their clause and no further; merged spans keep the tagger runs as cores', () => {
  const [v] = viewsOf('Yesterday, the mayor said the plan was a total disaster for everyone; nobody agreed.');
  const at = (w: string) => v.lowers.indexOf(w);
  // "total disaster" widens to the clause between the comma and the semicolon.
  const [a, b] = extendToClause(v.lowers, at('total'), at('disaster'), Infinity);
  assert.equal(v.lowers[a], 'the');
  assert.equal(a, at('the'));
  assert.equal(v.lowers[b], 'everyone');
  // At most two tokens on each side.
  const [c, d] = extendToClause(v.lowers, at('total'), at('disaster'), 2);
  assert.deepEqual([c, d], [at('total') - 2, at('disaster') + 2]);
  // A run at the clause edge stays put on that side.
  const [e] = extendToClause(v.lowers, at('nobody'), at('agreed'), Infinity);
  assert.equal(e, at('nobody'));
  const merged = mergeFound([
    { start: 20, end: 60, core: { start: 30, end: 35 } },
    { start: 10, end: 40, core: { start: 12, end: 18 } },
    { start: 70, end: 80 },
  ]);
  assert.deepEqual(merged, [
    { start: 10, end: 60, core: { start: 12, end: 35 } },
    { start: 70, end: 80 },
  ]);
});

test('the widening model keeps a side of a clause widening only where fragments went on', () => {
  const docs = tinyCorpus();
  const tagger = trainTagger(docs, lexicon, { bits: 14, epochs: 6 });
  const classifier = trainClassifier(docs, lexicon, { bits: 14, epochs: 2 });
  const widening = trainWidening(docs, tagger, lexicon);
  assert.deepEqual(trainWidening(docs, tagger, lexicon).encode(), widening.encode(), 'deterministic');
  const plain = new TechniqueModel(tagger, classifier, lexicon, 0);
  const text = 'Headline\n\nThe mayor said the vile traitors must be stopped at once.';
  const views = viewsOf(text);
  const words = (m: TechniqueModel) => m.findSpans(views).map((r) => text.slice(r.start, r.end));
  // Threshold 0 keeps every widening; in the tiny corpus the words around a fragment never
  // belong to it, so a high threshold leaves the tagger's runs as they are.
  assert.deepEqual(words(plain.withWidening(widening, 0)), words(plain));
  const strict = plain.withWidening(widening, 0.5);
  const kept = words(strict);
  assert.ok(words(plain).some((w) => w.includes('must be stopped')), `plain: ${words(plain)}`);
  assert.ok(kept.some((w) => w.includes('traitors')) && !kept.some((w) => w.includes('must be stopped')), `widening model: ${kept}`);
  // Decoding copies keep the widening model.
  assert.deepEqual(words(strict.withBias(0)), kept);
  // Sides and targets.
  assert.deepEqual(wideningSides(3, 4, 1, 6), [{ from: 1, to: 2, left: true }, { from: 5, to: 6, left: false }]);
  assert.deepEqual(wideningSides(3, 4, 3, 4), []);
  const [v] = views.slice(-1);
  const gold = [range(text, 'the vile traitors must')];
  const at = (w: string) => v.lowers.indexOf(w);
  assert.equal(sideTarget(v, { from: at('must'), to: at('stopped'), left: false }, gold), 1 / 3);
});

test('the sentence backstop makes a whole span of a sentence the tagger left empty, and only there', () => {
  const docs = tinyCorpus();
  const tagger = trainTagger(docs, lexicon, { bits: 14, epochs: 6 });
  const classifier = trainClassifier(docs, lexicon, { bits: 14, epochs: 1 });
  const text = 'Headline\n\nThe vile traitors met on Monday.\n\nThe committee will meet again next week.';
  const views = viewsOf(text);
  const never = new TechniqueModel(tagger, classifier, lexicon, 0).withBias(0, undefined, undefined, undefined, undefined, undefined, Infinity);
  const always = never.withBias(0, undefined, undefined, undefined, undefined, undefined, 0);
  const runs = never.candidates(views);
  assert.ok(runs.length > 0, 'the tagger marks something');
  const withSentences = always.candidates(views);
  views.forEach((v, s) => {
    const own = runs.filter((c) => c.sentence === s);
    const now = withSentences.filter((c) => c.sentence === s);
    // A sentence with tagger runs keeps exactly them; one without (lexicon backstop runs or
    // nothing) keeps what it had and becomes one span over all its tokens too.
    if (own.some((c) => !c.backstop)) assert.deepEqual(now, own);
    else assert.deepEqual(now, [...own, { sentence: s, first: 0, last: v.raws.length - 1, from: 0, to: v.raws.length - 1, backstop: true }]);
  });
  assert.ok(withSentences.length > runs.length, 'some sentence was empty');
  // The tagger silenced (a huge outside bias): the lexicon backstop still marks the cue words,
  // and the sentence backstop covers their sentence as well.
  const silent = never.withBias(100, -1e9, undefined, undefined, undefined, undefined, 0);
  const cues = silent.candidates(views).filter((c) => c.sentence === 1);
  assert.ok(cues.some((c) => c.backstop && c.last < views[1].raws.length - 1), 'a lexicon backstop run');
  assert.ok(cues.some((c) => c.first === 0 && c.last === views[1].raws.length - 1), 'the whole sentence');
});

test('the nlp stage word ids give the same emissions, spans and labels as hashing the token text', () => {
  const text = 'The corrupt elites will crush our glorious nation, the senator warned.\n\nCritics called the plan a disgraceful betrayal of voters, and the corrupt elites again denied it!\n\nThe committee meets on Tuesday.';
  const model = TechniqueModel.load();
  const { tokens, sentences } = tokenize(text);
  const withIds = buildViews(text, tokens, sentences);
  assert.ok(withIds[0].wordSource, 'views made in this process carry the nlp word ids');
  const plain: SentenceView[] = withIds.map((v) => ({ ...v, wordSource: undefined, firstToken: undefined }));
  const emissions = (views: SentenceView[]) => model.scorer.article(views).map((e) => [...e]);
  const fromText = emissions(plain);
  const fromIds = emissions(withIds);
  assert.deepEqual(fromIds, fromText);
  // Again with the ids already known (the second sight of each word).
  assert.deepEqual(emissions(withIds), fromText);
  const spansOf = (views: SentenceView[]) => {
    const ranges = model.findSpans(views);
    const ctx = { text, lowerText: text.toLowerCase(), views, wordCounts: model.scorer.wordCounts() };
    return model.label(ctx, ranges, undefined, 'found').map((l) => [l.start, l.end, l.label, l.score, l.evidence.join('|')]);
  };
  const a = spansOf(plain);
  assert.ok(a.length > 0, 'the text has spans');
  assert.deepEqual(spansOf(withIds), a);
  // Content-word counts by token equal those by word.
  const counts = model.scorer.wordCounts();
  withIds.forEach((v, s) => v.lowers.forEach((w, i) => assert.equal(counts.at?.(withIds, s, i), counts.get(w), w)));
  assert.equal(counts.get('corrupt'), 2);
});

test('span feature caps: all-capital words only (ASCII and not)', () => {
  const text = 'They shouted STOP THE STEAL and Nato met. ÉTÉ SANS FIN came. The ÉcOLE opened.';
  const views = viewsOf(text);
  const ctx = { text, lowerText: text.toLowerCase(), views };
  const caps = (fragment: string) => spanFeatures(ctx, range(text, fragment), lexicon).features.includes('caps');
  assert.equal(caps('STOP THE STEAL'), true);
  assert.equal(caps('Nato met'), false);
  assert.equal(caps('ÉTÉ SANS FIN'), true);
  assert.equal(caps('ÉcOLE opened'), false);
});
