import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier } from '../../learn/index.js';
import { ADDRESSEE_VERBS, CLAUSE_GLUE, COMPLEMENTISERS, LEARNED, PARTICLE_VERBS, POSSESSIVES } from './constants.js';
import { cuePrefixStart, sentenceSubject, subjectBefore, trimEnd, type RawQuote } from './detect.js';
import { cueLemma } from './lexicon.js';
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
    const lemma = cueLemma(v.lower[i]);
    if (!lemma || LEARNED.skipLemmas.has(lemma)) continue;
    let to = i + 1;
    const particle = PARTICLE_VERBS[lemma];
    if (particle && v.lower[to] === particle) to++;
    while (to < v.n && !taken[to] && cueLemma(v.lower[to]) && v.sent[to] === v.sent[i]) to++;
    out.push({ from: i, to, lemma });
    i = to - 1;
  }
  return out;
}

function bucket(n: number): string {
  return n <= 0 ? '0' : n === 1 ? '1' : n <= 3 ? '3' : n <= 7 ? '7' : n <= 15 ? '15' : 'L';
}

/** Features of a candidate cue: its word, lemma, neighbours, and the shape of its sentence. */
export function cueFeatures(v: TokenView, c: CueCandidate, inRuleContent: boolean): string[] {
  const sFrom = v.sentStart[v.sent[c.from]];
  const sTo = v.sentEnd[v.sent[c.from]];
  const w = (k: number) => (k >= sFrom && k < sTo ? v.lower[k] : '<s>');
  const p = (k: number) => (k >= sFrom && k < sTo ? (v.mark[k] ? `Q${v.mark[k]}` : v.pos[k]) : '<s>');
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
  const f = [
    `l=${c.lemma}`, `w=${form}`, `p=${v.pos[i]}`, `sfx=${suffix}`, `n=${c.to - c.from}`,
    `w-1=${w(i - 1)}`, `p-1=${p(i - 1)}`, `p-2=${p(i - 2)}`, `w+1=${w(c.to)}`, `p+1=${p(c.to)}`, `p+2=${p(c.to + 1)}`, `w+2=${w(c.to + 1)}`,
    `p-1p+1=${p(i - 1)}_${p(c.to)}`, `l_p+1=${c.lemma}_${p(c.to)}`, `l_w+1=${c.lemma}_${w(c.to)}`, `l_p-1=${c.lemma}_${p(i - 1)}`,
    `that=${that < 0 ? 'no' : bucket(that)}`, `qa=${quoteAfter < 0 ? 'no' : bucket(quoteAfter)}`, `qb=${quoteBefore < 0 ? 'no' : bucket(quoteBefore)}`,
    `l_that=${c.lemma}_${that >= 0}`, `sfx_p-1=${suffix}_${p(i - 1)}`,
    `pos=${bucket(i - sFrom)}`, `rest=${bucket(sTo - c.to)}`, `subj=${subj}`, `l_subj=${c.lemma}_${subj}`,
    `det=${i > 0 && (v.pos[i - 1] === 'DET' || POSSESSIVES.has(v.lower[i - 1]))}`,
    `inRule=${inRuleContent}`, 'bias',
  ];
  return f;
}

function skipAdjunct(v: TokenView, from: number, sTo: number): number {
  for (let k = from; k < sTo && k - from < LEARNED.maxAdjunctTokens; k++) {
    if (COMPLEMENTISERS.has(v.lower[k])) return k + 1;
    if (v.mark[k] || v.pos[k] === 'VERB' || v.pos[k] === 'AUX' || (v.pos[k] === 'PUNCT' && v.lower[k] !== ',')) break;
  }
  return from;
}

function skipGlue(v: TokenView, k: number, to: number): number {
  while (k < to && (CLAUSE_GLUE.has(v.lower[k]) || COMPLEMENTISERS.has(v.lower[k]))) k++;
  return k;
}

/** The quote a classified candidate stands for: content on its side, speaker, cue. */
export function candidateQuote(v: TokenView, c: CueCandidate, side: CueSide, segments: readonly QuoteSegment[]): RawQuote | undefined {
  const sFrom = v.sentStart[v.sent[c.from]];
  const sTo = v.sentEnd[v.sent[c.from]];
  const prefix = cuePrefixStart(v, c.from, sFrom);
  const subject = subjectBefore(v, prefix, sFrom);
  let speaker: Range | undefined = subject?.speaker ?? sentenceSubject(v, sFrom, prefix);
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
    k = skipGlue(v, skipAdjunct(v, k, sTo), sTo);
    if (k >= sTo) return undefined;
    const to = trimEnd(v, k, sTo);
    if (to - k < LEARNED.minContentTokens) return undefined;
    start = v.start[k];
    end = v.end[to - 1];
    // A quotation opening in the content and running past the sentence carries the content along.
    for (const s of segments) if (s.open >= k && s.open < to && s.end > end) end = s.end;
  } else {
    let to = clauseStart;
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

/**
 * Quotes the rules missed: candidates the classifier reads as cues (margin over "O" above
 * `LEARNED.threshold`) whose content does not overlap a rule quote.
 */
export function learnedQuotes(v: TokenView, rules: readonly RawQuote[], model: Classifier): RawQuote[] {
  const segments = quoteSegments(v);
  const out: RawQuote[] = [];
  const O = model.labels.indexOf('O');
  for (const c of cueCandidates(v, segments, rules)) {
    const at = v.start[c.from];
    const inRule = rules.some((q) => q.parts.some(([a, b]) => a <= at && at < b));
    const scores = model.score(cueFeatures(v, c, inRule));
    let best = -1;
    for (let k = 0; k < scores.length; k++) if (k !== O && (best < 0 || scores[k] > scores[best])) best = k;
    if (best < 0 || scores[best] - scores[O] < LEARNED.threshold) continue;
    const q = candidateQuote(v, c, model.labels[best] as CueSide, segments);
    if (!q) continue;
    const [a, b] = q.parts[0];
    if (LEARNED.noOverlap && rules.some((r) => r.parts.some(([x, y]) => x < b && a < y) && r.cue && r.cue.from <= c.from)) continue;
    out.push(q);
  }
  return out;
}
