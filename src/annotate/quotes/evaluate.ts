import type { Span } from '../../model/index.js';
import { SPEECH_VERBS } from './constants.js';
import { cueForms } from './lexicon.js';
import type { GoldAttribution } from './brat.js';

/** Verb lemmas that make a gold cue a speech cue for evaluation (verbs of belief excluded). */
export const EVAL_EXCLUDED_LEMMAS = new Set(['think', 'believe']);

/** True when a gold cue is a speech cue: it contains a speech-verb form or "according to". */
export function isSpeechCue(cueText: string): boolean {
  const lower = cueText.toLowerCase();
  if (lower.includes('according to')) return true;
  const forms = cueForms();
  return lower.split(/[^a-z]+/).some((w) => {
    const lemma = forms.get(w);
    return lemma !== undefined && lemma in SPEECH_VERBS && !EVAL_EXCLUDED_LEMMAS.has(lemma);
  });
}

/** A predicted attribution: content parts sharing one cue, and the speaker mention. */
export interface PredictedAttribution { content: [number, number][]; speaker?: [number, number]; verb?: string }

/** Groups the quotes layer into attributions (parts of one quote share cueStart). */
export function predictedAttributions(quotes: readonly Span[]): PredictedAttribution[] {
  const byCue = new Map<number, PredictedAttribution>();
  for (const q of quotes) {
    const a = q.attrs ?? {};
    if (typeof a.cueStart !== 'number' || typeof a.verb !== 'string' || EVAL_EXCLUDED_LEMMAS.has(a.verb)) continue;
    let p = byCue.get(a.cueStart);
    if (!p) {
      p = { content: [], verb: a.verb, speaker: typeof a.speakerStart === 'number' ? [a.speakerStart, a.speakerEnd as number] : undefined };
      byCue.set(a.cueStart, p);
    }
    p.content.push([q.start, q.end]);
  }
  return [...byCue.values()];
}

function length(ranges: readonly [number, number][]): number {
  return ranges.reduce((n, [a, b]) => n + (b - a), 0);
}

/** Share of the gold content covered by the predicted parts. */
export function coverage(gold: readonly [number, number][], pred: readonly [number, number][]): number {
  let covered = 0;
  for (const [ga, gb] of gold) for (const [pa, pb] of pred) covered += Math.max(0, Math.min(gb, pb) - Math.max(ga, pa));
  const total = length(gold);
  return total ? covered / total : 0;
}

export interface QuoteCounts { gold: number; predicted: number; matched: number; speakerJudged: number; speakerCorrect: number }

/**
 * Greedy one-to-one matching of predictions to gold by coverage of the gold span (pairs with
 * the highest coverage first), at a coverage threshold; counts speakers right on matched pairs
 * (predicted speaker mention overlaps the gold source span).
 */
export function matchQuotes(gold: readonly GoldAttribution[], pred: readonly PredictedAttribution[], threshold: number): QuoteCounts {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => pred.forEach((p, j) => {
    const c = coverage(g.content, p.content);
    if (c >= threshold) pairs.push([c, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const gUsed = new Set<number>();
  const pUsed = new Set<number>();
  const counts: QuoteCounts = { gold: gold.length, predicted: pred.length, matched: 0, speakerJudged: 0, speakerCorrect: 0 };
  for (const [, i, j] of pairs) {
    if (gUsed.has(i) || pUsed.has(j)) continue;
    gUsed.add(i);
    pUsed.add(j);
    counts.matched++;
    const src = gold[i].source;
    if (!src?.length) continue;
    counts.speakerJudged++;
    const sp = pred[j].speaker;
    if (sp && src.some(([a, b]) => sp[0] < b && a < sp[1])) counts.speakerCorrect++;
  }
  return counts;
}

/** Adds counts. */
export function addCounts(a: QuoteCounts, b: QuoteCounts): QuoteCounts {
  return { gold: a.gold + b.gold, predicted: a.predicted + b.predicted, matched: a.matched + b.matched, speakerJudged: a.speakerJudged + b.speakerJudged, speakerCorrect: a.speakerCorrect + b.speakerCorrect };
}

/** Precision, recall, F1 and speaker accuracy of counts. */
export function scores(c: QuoteCounts): { p: number; r: number; f1: number; speaker: number } {
  const p = c.predicted ? c.matched / c.predicted : 0;
  const r = c.gold ? c.matched / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, speaker: c.speakerJudged ? c.speakerCorrect / c.speakerJudged : 0 };
}
