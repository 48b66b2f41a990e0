import type { Article, Span } from '../../model/index.js';
import { mapPacked } from '../../model/arrays.js';
import type { Stage } from '../../pipeline-types.js';
import { TechniqueModel, type LabelledSpan } from './detector.js';
import { summarize } from './summary.js';
import { sentenceViews, type SentenceView } from './view.js';
import type { SpanContext } from './span-features.js';

const VERSION = '2';
const SOURCE = { stage: 'techniques', model: 'techniques-spans+labels', version: VERSION } as const;

/** A labelled range as a `techniques` layer span. */
function toSpan(l: LabelledSpan): Span {
  return {
    start: l.start,
    end: l.end,
    label: l.label,
    score: Math.round(l.score * 1000) / 1000,
    evidence: l.evidence,
    attrs: {
      repeats: l.facts.repeats,
      quoted: l.facts.quoted,
      lexicon: [...new Set(l.facts.hits.map((h) => h.category))],
      runnerUp: l.ranking[1]?.label ?? null,
    },
    source: SOURCE,
  };
}

/** The span context of an analysed article. */
export function spanContext(article: Article, views: readonly SentenceView[]): SpanContext {
  return { text: article.text, lowerText: article.text.toLowerCase(), views, entities: article.layers.entities };
}

/** Labels a nested cue may take (and must take to be kept). */
const NESTED_LABELS = new Set(['Loaded_Language', 'Name_Calling,Labeling']);

/** True when the range overlaps a boilerplate span (share lines, mirror addresses, ...). */
function inBoilerplate(article: Article, r: { start: number; end: number }): boolean {
  return (article.layers.boilerplate ?? []).some((b) => b.start < r.end && r.start < b.end);
}

/**
 * Detects and labels the persuasion techniques of an analysed article: tagger spans (and the
 * lexicon backstop), plus emotive/labelling words nested in spans of other techniques.
 */
export function detectTechniques(article: Article, model: TechniqueModel): { spans: Span[]; views: SentenceView[] } {
  const views = sentenceViews(article);
  const ctx = spanContext(article, views);
  const ranges = model.findSpans(views).filter((r) => !inBoilerplate(article, r));
  ctx.wordCounts = model.scorer.wordCounts();
  // The tagger's spans: a noisier article context than given spans (CONTEXT.foundWeight).
  const labelled = model.label(ctx, ranges, undefined, 'found');
  const outer = labelled.filter((l) => !NESTED_LABELS.has(l.label));
  // Nested cues are labelled without the article context: they are a sample of loaded and
  // labelling words, not of the article's fragments.
  const nested = model.label(ctx, model.nestedCues(views, outer), NESTED_LABELS, false);
  const spans = mapPacked([...labelled, ...nested], toSpan);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { spans, views };
}

/**
 * Persuasion techniques (PTC's 14): layer `techniques` (label = technique, score, evidence,
 * attrs repeats/quoted/lexicon/runnerUp) and `findings.techniqueSummary`.
 */
export const techniquesStage: Stage<TechniqueModel> = {
  name: 'techniques',
  version: VERSION,
  requires: ['tokens', 'sentences'],
  assigns: ['techniques', 'techniqueSummary'],
  load: () => TechniqueModel.load(),
  run(article, model) {
    const { spans, views } = detectTechniques(article, model);
    return { layers: { techniques: spans }, findings: { techniqueSummary: summarize(spans, views) } };
  },
};
