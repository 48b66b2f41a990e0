import type { Attrs, Span } from '../model/index.js';

/** A cleanup span with its provenance (the rule that made it). */
export function cleanSpan(start: number, end: number, label: string, rule: string, attrs?: Attrs): Span {
  const span: Span = { start, end, label, source: { stage: 'clean', rule } };
  if (attrs) span.attrs = attrs;
  return span;
}
