/** Where a finding came from: the stage, and the rule or model that produced it. */
export interface Provenance {
  stage: string;
  rule?: string;
  model?: string;
  version?: string;
}

/** Values a span attribute may take: plain JSON scalars and flat lists of them. */
export type AttrValue = string | number | boolean | null | readonly string[] | readonly number[];

/** Attributes of a span, typed per layer by the stage that writes it. */
export type Attrs = Record<string, AttrValue>;

/**
 * A finding over the article text: the half-open range `[start, end)` in UTF-16 code units
 * of `Article.text`, a label, attributes, and (for judgements) a score with its evidence.
 *
 * @example
 * const span: Span = { start: 0, end: 4, label: 'PER', source: { stage: 'entities' } };
 */
export interface Span<A extends Attrs = Attrs> {
  start: number;
  end: number;
  label: string;
  attrs?: A;
  /** Confidence in [0, 1] for judgements; absent for deterministic rules. */
  score?: number;
  /** Human-readable reasons, most important first ("emotive word 'onslaught'"). */
  evidence?: string[];
  source?: Provenance;
}

/** A named group of spans; spans may overlap and are kept sorted by start, then end. */
export type Layer<A extends Attrs = Attrs> = Span<A>[];

/** Orders spans by start, then by end (longer first for equal starts is not assumed). */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/** Returns a new, sorted copy of the spans. */
export function sortSpans<S extends Span>(spans: readonly S[]): S[] {
  return [...spans].sort(compareSpans);
}

/** The text a span covers. */
export function spanText(text: string, span: Pick<Span, 'start' | 'end'>): string {
  return text.slice(span.start, span.end);
}

/** True when the two half-open ranges share at least one code unit. */
export function overlaps(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `inner` lies within `outer`. */
export function contains(outer: Pick<Span, 'start' | 'end'>, inner: Pick<Span, 'start' | 'end'>): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
