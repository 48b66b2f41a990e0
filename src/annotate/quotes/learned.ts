import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier, fnv1a } from '../../learn/index.js';
import { ADDRESSEE_VERBS, CLAUSE_GLUE, COMPLEMENTISERS, LEARNED, LIMITS, PARTICLE_VERBS, POSSESSIVES } from './constants.js';
import { cuePrefixStart, sentenceSubject, subjectBefore, trimEnd, type RawQuote } from './detect.js';
import { phraseStartingAt, type Range } from './phrases.js';
import { quoteSegments, type QuoteSegment } from './segments.js';
import type { TokenView } from './view.js';

/**
 * The learned cue classifier: for every speech-verb or speech-noun token the rules left
 * unclaimed ("mentioned", "pointed to", "claims of", "saying"), decides whether it is a cue
 * and on which side of it the content lies (R after, L before, O not a cue). Trained on
 * PolNeAR train (`npm run train:quotes`); the rules keep every cue they claim.
 */
export type CueSide = 'R' | 'L' | 'O';

/** A candidate cue: token range and lemma. */
export interface CueCandidate { from: number; to: number; lemma: string }

export const MODELS_DIR = join(import.meta.dirname, '..', '..', '..', 'models');
export const CUE_MODEL_FILE = 'quotes-cues.spnm';

/** Loads the cue classifier from models/, or undefined when it has not been trained. */
export function loadCueModel(dir = MODELS_DIR): Classifier | undefined {
  const path = join(dir, CUE_MODEL_FILE);
  return existsSync(path) ? Classifier.decode(readFileSync(path)) : undefined;
}

/**
 * Speech-verb and speech-noun tokens outside quotation marks that no rule quote uses as its cue.
 * Adjacent cue words and a verb's particle form one candidate.
 */
export function cueCandidates(v: TokenView, segments: readonly QuoteSegment[], rules: readonly RawQuote[]): CueCandidate[] {
  const taken = new Uint8Array(v.n);
  for (const s of segments) if (s.closed || s.multiParagraph) taken.fill(1, s.open, s.close + 1);
  for (const q of rules) if (q.cue) taken.fill(1, q.cue.from, q.cue.to);
  const out: CueCandidate[] = [];
  for (let i = 0; i < v.n; i++) {
    if (taken[i]) continue;
    const lemma = v.cue[i];
    if (!lemma || LEARNED.skipLemmas.has(lemma)) continue;
    let to = i + 1;
    const particle = PARTICLE_VERBS[lemma];
    if (particle && v.lower[to] === particle) to++;
    while (to < v.n && !taken[to] && v.cue[to] && v.sent[to] === v.sent[i]) to++;
    out.push({ from: i, to, lemma });
    i = to - 1;
  }
  return out;
}

function bucket(n: number): string {
  return n <= 0 ? '0' : n === 1 ? '1' : n <= 3 ? '3' : n <= 7 ? '7' : n <= 15 ? '15' : 'L';
}

/**
 * Receives the features of a candidate as (template, value parts): training joins them into
 * strings, inference hashes them incrementally (FNV-1a of "template" + parts equals the hash
 * of the joined string, so no feature string is built on the hot path).
 */
export type FeatureSink = (template: string, a: string, b?: string) => void;

/** Features of a candidate cue as strings (for training and explanations). */
export function cueFeatures(v: TokenView, c: CueCandidate, inRuleContent: boolean): string[] {
  const out: string[] = [];
  emitCueFeatures(v, c, inRuleContent, (t, a, b) => out.push(b === undefined ? t + a : `${t}${a}_${b}`));
  return out;
}

/** Emits the features of a candidate cue: its word, lemma, neighbours, and the shape of its sentence. */
export function emitCueFeatures(v: TokenView, c: CueCandidate, inRuleContent: boolean, emit: FeatureSink): void {
  const sFrom = v.sentStart[v.sent[c.from]];
  const sTo = v.sentEnd[v.sent[c.from]];
  const i = c.from;
  const form = v.lower[i];
  const suffix = form.endsWith('ing') ? 'ing' : form.endsWith('ed') ? 'ed' : form.endsWith('s') ? 's' : 'x';
  let that = -1;
  let quoteAfter = -1;
  for (let k = c.to; k < sTo && k - c.to < LEARNED.lookAhead; k++) {
    if (that < 0 && COMPLEMENTISERS.has(v.lower[k])) that = k - c.to;
    if (quoteAfter < 0 && v.mark[k] === 1) quoteAfter = k - c.to;
  }
  let quoteBefore = -1;
  for (let k = i - 1; k >= sFrom && i - k <= LEARNED.lookBehind; k--) if (v.mark[k] === 2) { quoteBefore = i - k; break; }
  const prefix = cuePrefixStart(v, i, sFrom);
  const subject = subjectBefore(v, prefix, sFrom);
  const subj = subject ? (subject.speaker.to - subject.speaker.from === 1 && v.pos[subject.speaker.from] === 'PRON' ? 'pron' : v.pos[subject.speaker.to - 1]) : 'none';
  const pm1 = tagAt(v, i - 1, sFrom, sTo);
  const pp1 = tagAt(v, c.to, sFrom, sTo);
  emit('l=', c.lemma); emit('w=', form); emit('p=', v.pos[i]); emit('sfx=', suffix); emit('n=', SMALL[Math.min(c.to - c.from, 3)]);
  emit('w-1=', wordAt(v, i - 1, sFrom, sTo)); emit('p-1=', pm1); emit('p-2=', tagAt(v, i - 2, sFrom, sTo)); emit('w+1=', wordAt(v, c.to, sFrom, sTo)); emit('p+1=', pp1); emit('p+2=', tagAt(v, c.to + 1, sFrom, sTo)); emit('w+2=', wordAt(v, c.to + 1, sFrom, sTo));
  emit('p-1p+1=', pm1, pp1); emit('l_p+1=', c.lemma, pp1); emit('l_w+1=', c.lemma, wordAt(v, c.to, sFrom, sTo)); emit('l_p-1=', c.lemma, pm1);
  emit('that=', that < 0 ? 'no' : bucket(that)); emit('qa=', quoteAfter < 0 ? 'no' : bucket(quoteAfter)); emit('qb=', quoteBefore < 0 ? 'no' : bucket(quoteBefore));
  emit('l_that=', c.lemma, that >= 0 ? 'true' : 'false'); emit('sfx_p-1=', suffix, pm1);
  emit('pos=', bucket(i - sFrom)); emit('rest=', bucket(sTo - c.to)); emit('subj=', subj); emit('l_subj=', c.lemma, subj);
  emit('det=', i > 0 && (v.pos[i - 1] === 'DET' || POSSESSIVES.has(v.lower[i - 1])) ? 'true' : 'false');
  emit('inRule=', inRuleContent ? 'true' : 'false'); emit('bias', '');
}

const SMALL = ['0', '1', '2', '3'];
const EDGE = '<s>';

function wordAt(v: TokenView, k: number, sFrom: number, sTo: number): string {
  return k >= sFrom && k < sTo ? v.lower[k] : EDGE;
}

function tagAt(v: TokenView, k: number, sFrom: number, sTo: number): string {
  if (k < sFrom || k >= sTo) return EDGE;
  return v.mark[k] ? (v.mark[k] === 1 ? 'Q1' : 'Q2') : v.pos[k];
}

/** FNV-1a continued over more characters (same constants as `fnv1a`). */
function fnvMore(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

const templateHashes = new Map<string, number>();
const UNDERSCORE = '_';

/** Accumulates the weights of incrementally hashed features into `scores`. */
class HashSink {
  scores: Float64Array = new Float64Array(0);
  weights: Float32Array = new Float32Array(0);
  classes = 0;
  mask = 0;
  readonly emit: FeatureSink = (t, a, b) => {
    let h = templateHashes.get(t);
    if (h === undefined) { h = fnv1a(t); templateHashes.set(t, h); }
    h = fnvMore(h, a);
    if (b !== undefined) h = fnvMore(fnvMore(h, UNDERSCORE), b);
    const base = ((h >>> 0) & this.mask) * this.classes;
    for (let k = 0; k < this.classes; k++) this.scores[k] += this.weights[base + k];
  };
}

const sink = new HashSink();

/** Scores a candidate with the classifier's weights, hashing features without building strings. */
export function scoreCandidate(model: Classifier, v: TokenView, c: CueCandidate, inRuleContent: boolean, scores: Float64Array): void {
  sink.scores = scores;
  sink.weights = model.weights;
  sink.classes = model.labels.length;
  sink.mask = (1 << model.bits) - 1;
  scores.fill(0);
  emitCueFeatures(v, c, inRuleContent, sink.emit);
}

function skipAdjunct(v: TokenView, from: number, sTo: number): number {
  for (let k = from; k < sTo && k - from < LEARNED.maxAdjunctTokens; k++) {
    // Only a complementiser "that" ("said on Sunday that …"), not a relative one ("a report that says").
    if (COMPLEMENTISERS.has(v.lower[k]) && (v.pos[k] === 'SCONJ' || k === from)) return k + 1;
    if (v.mark[k] || v.pos[k] === 'VERB' || v.pos[k] === 'AUX' || (v.pos[k] === 'PUNCT' && v.lower[k] !== ',')) break;
  }
  return from;
}

function skipGlue(v: TokenView, k: number, to: number): number {
  while (k < to && (CLAUSE_GLUE.has(v.lower[k]) || COMPLEMENTISERS.has(v.lower[k]))) k++;
  return k;
}

/**
 * After a comma, dash or parenthesis, the first noun phrase of the sentence (or after a comma)
 * followed by one: the name before a long apposition ("Rep. X (D-N.Y.), chairman of Y, said").
 */
function openingName(v: TokenView, sFrom: number, prefix: number): Range | undefined {
  if (prefix - 1 <= sFrom || !LEARNED.appositionMarks.has(v.lower[prefix - 1])) return undefined;
  for (let k = sFrom; k < prefix - 1; k++) {
    if (k > sFrom && !LEARNED.appositionMarks.has(v.lower[k - 1])) continue;
    let j = k;
    while (j < prefix && (v.pos[j] === 'CCONJ' || v.pos[j] === 'ADV')) j++;
    const np = phraseStartingAt(v, j, prefix);
    if (np && np.to < prefix && (LEARNED.appositionMarks.has(v.lower[np.to]) || v.lower[np.to] === '(')) return np;
  }
  return undefined;
}

/** A participle ("…, the mayor told reporters while commenting on …") reports the speaker of an earlier cue in its sentence. */
function participleSpeaker(v: TokenView, c: CueCandidate, rules: readonly RawQuote[]): Range | undefined {
  if (!v.lower[c.from].endsWith('ing')) return undefined;
  let found: Range | undefined;
  for (const r of rules) if (r.cue && r.speaker && r.cue.from < c.from && v.sent[r.cue.from] === v.sent[c.from]) found = r.speaker;
  return found;
}

/** The agent of a passive cue ("as reported by X", "was first reported by X"). */
function passiveAgent(v: TokenView, c: CueCandidate, sTo: number): Range | undefined {
  // c.to < length first: a read past the end deoptimised candidateQuote (inlined) once per run
  return c.to < v.lower.length && v.lower[c.to] === 'by' && v.lower[c.from].endsWith('ed') ? phraseStartingAt(v, c.to + 1, sTo, true) : undefined;
}

/** After "and"/"but", the subject of the verb the cue is coordinated with ("the mayor thanked the crowd and said"). */
function coordinatedSubject(v: TokenView, sFrom: number, prefix: number): Range | undefined {
  if (prefix - 1 <= sFrom || v.pos[prefix - 1] !== 'CCONJ') return undefined;
  for (let j = prefix - 2; j > sFrom; j--) {
    if (v.pos[j] !== 'VERB' || v.lower[j].endsWith('ing')) continue;
    const subject = subjectBefore(v, cuePrefixStart(v, j, sFrom), sFrom);
    if (subject) return subject.speaker;
  }
  return undefined;
}

/** A cue opening its sentence ("Asked about X, the mayor said", "In asking …, Y noted"): the subject after the comma. */
function fronted(v: TokenView, sFrom: number, sTo: number, prefix: number): Range | undefined {
  if (prefix - sFrom > 1) return undefined;
  for (let k = prefix + 1; k < sTo; k++) if (v.lower[k] === ',') return firstSubject(v, k + 1, sTo);
  return undefined;
}

/** A lone pronoun or quantifier right before the cue ("all agreed", "which notes", "some note"). */
function wordBefore(v: TokenView, prefix: number, sFrom: number): Range | undefined {
  const k = prefix - 1;
  return k >= sFrom && !v.mark[k] && (LEARNED.speakerTags.has(v.pos[k]) || (v.cap[k] === 1 && v.pos[k] !== 'PUNCT')) ? { from: k, to: k + 1 } : undefined;
}

/** The first noun phrase of the sentence followed by a verb: the subject a participle reports ("the council revised its plan, promising …"). */
function firstSubject(v: TokenView, sFrom: number, to: number): Range | undefined {
  for (let k = sFrom; k < to; k++) {
    // The object of a preposition ("on Thursday defended …") is no subject.
    if (k > sFrom && v.pos[k - 1] === 'ADP') continue;
    const np = phraseStartingAt(v, k, to);
    if (!np) continue;
    let j = np.to;
    while (j < to && v.pos[j] === 'ADV') j++;
    if (j < to && (v.pos[j] === 'VERB' || v.pos[j] === 'AUX')) return np;
    k = np.to - 1;
  }
  return undefined;
}

/** The quote a classified candidate stands for: content on its side, speaker, cue. */
export function candidateQuote(v: TokenView, c: CueCandidate, side: CueSide, segments: readonly QuoteSegment[], rules: readonly RawQuote[] = []): RawQuote | undefined {
  const sFrom = Math.max(v.sentStart[v.sent[c.from]], c.from - LIMITS.cueWindowTokens);
  const sTo = Math.min(v.sentEnd[v.sent[c.from]], c.to + LIMITS.cueWindowTokens);
  const prefix = cuePrefixStart(v, c.from, sFrom);
  const subject = subjectBefore(v, prefix, sFrom);
  // Content before the cue and no subject before it: the speaker follows ("“…,” posted X").
  const invertedFirst = side === 'L' && !subject ? phraseStartingAt(v, c.to, sTo) : undefined;
  const agent = passiveAgent(v, c, sTo);
  let speaker: Range | undefined = agent ?? subject?.speaker ?? invertedFirst ?? participleSpeaker(v, c, rules) ?? coordinatedSubject(v, sFrom, prefix) ?? fronted(v, sFrom, sTo, prefix) ?? sentenceSubject(v, sFrom, prefix) ?? openingName(v, sFrom, prefix) ?? wordBefore(v, prefix, sFrom) ?? firstSubject(v, sFrom, prefix);
  const clauseStart = subject ? subject.clauseStart : prefix;
  let start: number;
  let end: number;
  if (side === 'R') {
    let k = c.to;
    if (!speaker) {
      const inverted = phraseStartingAt(v, k, sTo);
      if (inverted && (inverted.to >= sTo || v.pos[inverted.to] === 'PUNCT')) { speaker = inverted; k = inverted.to; }
    }
    if (ADDRESSEE_VERBS.has(c.lemma)) {
      const addressee = phraseStartingAt(v, k, sTo);
      if (addressee) k = addressee.to;
    }
    // "pointed to X", "spoke of X": the particle belongs to the cue.
    if ((LEARNED.cueParticles.has(v.lower[k]) && v.pos[k] === 'ADP') || v.lower[k] === 'out') k++;
    k = skipGlue(v, skipAdjunct(v, k, sTo), sTo);
    let last = sTo;
    // "… reports:" closing its paragraph: the next paragraph is the content.
    if (k >= sTo && v.lower[sTo - 1] === ':' && sTo < v.n && v.para[sTo] === v.para[c.from] + 1) {
      k = sTo;
      last = k;
      while (last < v.n && v.para[last] === v.para[k]) last++;
    }
    if (k >= last) return undefined;
    const to = trimEnd(v, k, last);
    if (to - k < LEARNED.minContentTokens) return undefined;
    start = v.start[k];
    end = v.end[to - 1];
    // A quotation opening in the content and running past the sentence carries the content along.
    for (const s of segments) if (s.open >= k && s.open < to && s.end > end) end = s.end;
  } else {
    // A passive cue's subject is its content ("The closure was reported by X").
    let to = agent ? prefix : clauseStart;
    while (to > sFrom && (CLAUSE_GLUE.has(v.lower[to - 1]))) to--;
    if (!speaker) {
      const inverted = phraseStartingAt(v, c.to, sTo);
      if (inverted) speaker = inverted;
    }
    if (to - sFrom < LEARNED.minContentTokens) return undefined;
    start = v.start[sFrom];
    end = v.end[to - 1];
    for (const s of segments) if (s.close >= sFrom && s.close < to && s.start < start) start = s.start;
  }
  return { kind: 'indirect', parts: [[start, end]], cue: { from: c.from, to: c.to }, verb: c.lemma, speaker, rule: `learned-${side}`, para: v.para[c.from] };
}

/** Largest share of [a, b) covered by the content of one rule quote (cue before `cue` only, unless `overlapAnyCue`). */
function overlapShare(a: number, b: number, rules: readonly RawQuote[], cue: number): number {
  let best = 0;
  for (const r of rules) {
    if (!LEARNED.overlapAnyCue && !(r.cue && r.cue.from <= cue)) continue;
    let covered = 0;
    for (const [x, y] of r.parts) covered += Math.max(0, Math.min(b, y) - Math.max(a, x));
    best = Math.max(best, covered / (b - a));
  }
  return best;
}

/**
 * Whether [a, b) holds the cue of another quote whose content overlaps it. After a topic marker
 * ("commenting on a report which says …") the candidate's "content" is then only the topic of
 * a nested speech event, and that quote already tells who said what.
 */
function nestsQuote(v: TokenView, a: number, b: number, quotes: readonly RawQuote[]): boolean {
  for (const r of quotes) {
    if (!r.cue || v.start[r.cue.from] < a || v.end[r.cue.to - 1] > b) continue;
    if (r.parts.some(([x, y]) => Math.min(b, y) > Math.max(a, x))) return true;
  }
  return false;
}

/**
 * Quotes the rules missed: candidates the classifier reads as cues (margin over "O" above
 * `LEARNED.threshold`) whose content does not overlap a rule quote.
 */
export function learnedQuotes(v: TokenView, rules: readonly RawQuote[], model: Classifier): RawQuote[] {
  const segments = quoteSegments(v);
  const out: RawQuote[] = [];
  const O = model.labels.indexOf('O');
  const scores = new Float64Array(model.labels.length);
  for (const c of cueCandidates(v, segments, rules)) {
    const at = v.start[c.from];
    const inRule = rules.some((q) => q.parts.some(([a, b]) => a <= at && at < b));
    scoreCandidate(model, v, c, inRule, scores);
    let best = -1;
    for (let k = 0; k < scores.length; k++) if (k !== O && (best < 0 || scores[k] > scores[best])) best = k;
    if (best < 0 || scores[best] - scores[O] < LEARNED.threshold) continue;
    const q = candidateQuote(v, c, model.labels[best] as CueSide, segments, rules);
    if (!q) continue;
    const [a, b] = q.parts[0];
    if (overlapShare(a, b, rules, c.from) > LEARNED.maxRuleOverlap) continue;
    out.push(q);
  }
  // Checked once all are found: the nested speech event may itself be a learned quote.
  const all = [...rules, ...out];
  return out.filter((q) => !(LEARNED.topicMarkers.has(v.lower[q.cue!.to]) && nestsQuote(v, q.parts[0][0], q.parts[0][1], all)));
}
