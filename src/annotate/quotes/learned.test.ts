import test from 'node:test';
import assert from 'node:assert/strict';
import { Pipeline, DEFAULT_STAGES } from '../../pipeline.js';
import { Classifier, type Example } from '../../learn/index.js';
import { detectQuotes } from './detect.js';
import { buildView, type TokenView } from './view.js';
import { quoteSegments } from './segments.js';
import { candidateQuote, cueCandidates, cueFeatures, learnedQuotes, loadCueModel, scoreCandidate } from './learned.js';

const pipeline = await Pipeline.build(DEFAULT_STAGES.filter((s) => s.name === 'clean' || s.name === 'nlp'));
const view = (body: string): TokenView => buildView(pipeline.run(`A headline for the test\n\n${body}`));
const words = (v: TokenView, from: number, to: number) => v.text.slice(v.start[from], v.end[to - 1]);

test('candidates are the speech words no rule claimed, outside quotation marks', () => {
  const v = view('The mayor pointed to rising costs for the delay. “We said nothing,” the clerk said.');
  const rules = detectQuotes(v);
  assert.deepEqual(rules.map((q) => q.verb), ['say']);
  const cands = cueCandidates(v, quoteSegments(v), rules).map((c) => words(v, c.from, c.to));
  assert.deepEqual(cands, ['pointed']);
});

test('inference hashes equal the hashes of the training feature strings', () => {
  const v = view('The mayor mentioned that the bridge would close in May. The council spoke of the plans for hours.');
  const cands = cueCandidates(v, quoteSegments(v), []);
  const examples: Example[] = cands.map((c, i) => ({ features: cueFeatures(v, c, false), label: i === 0 ? 'R' : 'O' }));
  const model = Classifier.train(examples, { bits: 12, epochs: 3, seed: 1 });
  const scores = new Float64Array(model.labels.length);
  for (const c of cands) {
    scoreCandidate(model, v, c, false, scores);
    assert.deepEqual([...scores], [...model.score(cueFeatures(v, c, false))]);
  }
  assert.equal(model.predict(examples[0].features).label, 'R');
});

test('a cue read as R takes the clause after "that" and the subject before it; L takes the clause before', () => {
  const v = view('The mayor mentioned last week that the bridge would close in May. The bridge will close in May, the mayor mentioned.');
  const [r, l] = cueCandidates(v, quoteSegments(v), []);
  const qr = candidateQuote(v, r, 'R', quoteSegments(v))!;
  assert.equal(v.text.slice(...qr.parts[0]), 'the bridge would close in May');
  assert.equal(words(v, qr.speaker!.from, qr.speaker!.to), 'The mayor');
  const ql = candidateQuote(v, l, 'L', quoteSegments(v))!;
  assert.equal(v.text.slice(...ql.parts[0]), 'The bridge will close in May');
  assert.equal(words(v, ql.speaker!.from, ql.speaker!.to), 'the mayor');
});

test('the trained cue model (models/) reads "pointed to" as a cue the rules missed and a noun "claims" as none', { skip: loadCueModel() ? false : 'no models/quotes-cues.spnm (npm run train:quotes)' }, () => {
  const model = loadCueModel()!;
  const v = view('The mayor pointed to rising costs for the delay of the bridge. His claims were checked by the paper.');
  const found = learnedQuotes(v, detectQuotes(v), model);
  assert.equal(found.length, 1);
  assert.equal(found[0].verb, 'point');
  assert.equal(v.text.slice(...found[0].parts[0]), 'to rising costs for the delay of the bridge');
  assert.equal(words(v, found[0].speaker!.from, found[0].speaker!.to), 'The mayor');
});

test('a participle cue reports the speaker of the earlier cue in its sentence, not the sentence subject', () => {
  const v = view('The port will reopen, the mayor told reporters on Monday while commenting on a report that says costs rose.');
  const rules = detectQuotes(v);
  assert.ok(rules.some((q) => q.verb === 'tell'));
  const segments = quoteSegments(v);
  const c = cueCandidates(v, segments, rules).find((x) => v.lower[x.from] === 'commenting')!;
  const q = candidateQuote(v, c, 'R', segments, rules)!;
  assert.equal(words(v, q.speaker!.from, q.speaker!.to), 'the mayor');
  assert.equal(v.text.slice(...q.parts[0]), 'a report that says costs rose');
});

test('learned-cue speakers: passive agent, coordinated subject, inverted speaker after content', () => {
  const speakerOf = (body: string, word: string, side: 'R' | 'L') => {
    const v = view(body);
    const segments = quoteSegments(v);
    const c = cueCandidates(v, segments, []).find((x) => v.lower[x.from] === word)!;
    const q = candidateQuote(v, c, side, segments)!;
    return words(v, q.speaker!.from, q.speaker!.to);
  };
  assert.equal(speakerOf('The closure of the bridge was reported by the local paper on Monday.', 'reported', 'L'), 'the local paper');
  assert.equal(speakerOf('The mayor thanked the crowd and promised that the bridge would reopen in May.', 'promised', 'R'), 'The mayor');
  assert.equal(speakerOf('“The bridge will reopen in May,” posted the city council.', 'posted', 'L'), 'the city council');
});

test('a learned cue closing its paragraph with a colon takes the next paragraph as content', () => {
  const v = view('The harbour office reports:\n\nThe bridge will close in May and the ferries will run twice a day.');
  const segments = quoteSegments(v);
  const c = cueCandidates(v, segments, []).find((x) => v.lower[x.from] === 'reports')!;
  const q = candidateQuote(v, c, 'R', segments)!;
  assert.equal(v.text.slice(...q.parts[0]), 'The bridge will close in May and the ferries will run twice a day');
  assert.equal(words(v, q.speaker!.from, q.speaker!.to), 'The harbour office');
});

test('a cue naming its topic ("commenting on a report which says …") yields no quote of its own: the nested report is the speaker', { skip: loadCueModel() ? false : 'no models/quotes-cues.spnm (npm run train:quotes)' }, async () => {
  const body = 'The port will reopen, the mayor told reporters on Monday while commenting on a report which says costs rose by half since the spring.';
  const v = view(body);
  const rules = detectQuotes(v);
  assert.ok(!learnedQuotes(v, rules, loadCueModel()!).some((q) => q.verb === 'comment'), 'the topic of "commenting on" is not its content');
  const full = await Pipeline.build(DEFAULT_STAGES);
  const quotes = full.run(`A headline for the test\n\n${body}`).layers.quotes ?? [];
  const report = quotes.find((q) => q.attrs?.verb === 'say');
  assert.equal(report?.attrs?.speakerText, 'a report');
  assert.ok(!quotes.some((q) => q.attrs?.verb === 'comment'));
});
