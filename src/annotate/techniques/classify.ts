import type { Range } from './decode.js';
import type { LabelledSpan, TechniqueModel } from './detector.js';
import type { SpanContext } from './span-features.js';

/**
 * Labels given spans (the TC task). A span listed k times (PTC marks a fragment once per
 * technique) gets its k best labels, one per line, in order.
 */
export function classifySpans(model: TechniqueModel, ctx: SpanContext, ranges: readonly Range[]): LabelledSpan[] {
  const labelled = model.label(ctx, ranges);
  const seen = new Map<string, number>();
  return labelled.map((l) => {
    const key = `${l.start}:${l.end}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n === 0 || n >= l.ranking.length) return l;
    const alt = l.ranking[n];
    return { ...l, label: alt.label, score: alt.score };
  });
}
