import type { Article, Span } from '../../model/index.js';
import { mapPacked } from '../../model/arrays.js';
import type { Stage } from '../../pipeline-types.js';
import { bodyRanges } from '../../clean/body.js';
import { findAnchor, findCaptions } from './anchor.js';
import { attributions, quotationState, type Attribution } from './attribution.js';
import { TokenIndex, indexAt, spanAt } from './context.js';
import { findDates, type DateSpan } from './dates.js';
import { findFigures, sourceOf, type FigureSpan } from './figures.js';
import { classifySentence, type StatementSpan } from './statements.js';
import { buildTimeline, type Timeline } from './timeline.js';

export { findDates, type DateAttrs, type DateSpan } from './dates.js';
export { findFigures, type FigureAttrs, type FigureSpan } from './figures.js';
export { classifySentence, opinionCues, type StatementAttrs, type StatementSpan, type StatementType } from './statements.js';
export { buildTimeline, type Timeline, type TimelineEntry, type Actor } from './timeline.js';
export { findAnchor, findCaptions, type Anchor } from './anchor.js';
export { parseNumber } from './numbers.js';
export { renderFactsMarkdown } from './markdown.js';

/** Sources that stand for the last named speaker ("he said", "the analyst said"). */
const BACK_REFERENCE = /^(?:he|she|the (?:analyst|official|minister|expert|envoy|spokesman|spokeswoman|diplomat|professor|editor|director))$/i;

type Range = Pick<Span, 'start' | 'end'>;

/** `ranges` with the parts covered by `holes` cut out (both sorted). */
function subtract(ranges: readonly Span[], holes: readonly Range[]): Span[] {
  if (!holes.length) return [...ranges];
  const out: Span[] = [];
  for (const r of ranges) {
    let cursor = r.start;
    for (const h of holes) {
      if (h.end <= cursor || h.start >= r.end) continue;
      if (h.start > cursor) out.push({ ...r, start: cursor, end: h.start });
      cursor = Math.max(cursor, h.end);
    }
    if (cursor < r.end) out.push({ ...r, start: cursor, end: r.end });
  }
  return out;
}

/** Body sentences, clipped to the body ranges they start in; a "sentence" starting in lowercase
 * right after another (a split at "Attackthesystem.com") is joined to it. */
function bodySentences(text: string, sentences: readonly Span[], body: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    const range = spanAt(body, s.start);
    if (!range) continue;
    const prev = out[out.length - 1];
    const first = text[s.start];
    if (prev && s.start - prev.end <= 1 && prev.end > range.start && first >= 'a' && first <= 'z') prev.end = Math.min(s.end, range.end);
    else out.push({ start: s.start, end: Math.min(s.end, range.end), label: 'sentence' });
  }
  return out;
}

/** Replaces "he"/"the analyst" and unnamed quotation sources by the last named speaker. */
function resolveSources(list: Attribution[], last: { source: string; entity?: string } | undefined): Attribution[] {
  if (!last) return list;
  return list.map((a) => ((!a.source && a.kind === 'quoted') || BACK_REFERENCE.test(a.source) ? { ...a, source: last.source, entity: a.entity ?? last.entity } : a));
}

/**
 * A multi-sentence quotation names its speaker at the end ("... Nobody listens," Pell said):
 * walking backwards, the quoted sentences before take that speaker.
 */
function fillFromClosingSpeaker(found: Attribution[][], quoted: readonly boolean[]): void {
  let carry: Attribution | undefined;
  for (let i = found.length - 1; i >= 0; i--) {
    const list = found[i];
    const onlyQuoted = list.length === 1 && list[0].kind === 'quoted';
    if (onlyQuoted && carry) list[0] = { ...list[0], source: carry.source, entity: carry.entity };
    else if (!onlyQuoted) carry = quoted[i] || list.some((a) => a.kind === 'quote') ? list.find((a) => a.source && !BACK_REFERENCE.test(a.source)) : undefined;
    if (!quoted[i] && !onlyQuoted) carry = undefined;
  }
}

/** Everything the facts stage finds in one article. */
export interface FactsResult {
  dates: DateSpan[];
  figures: FigureSpan[];
  statements: StatementSpan[];
  timeline: Timeline;
}

/**
 * Dates (normalised, anchored on the publication date), figures with their sources, one
 * statement type per body sentence, and the timeline. Uses the `entities` and `quotes` layers
 * when an earlier stage made them.
 *
 * @example
 * const facts = extractFacts(await analyze(text, { stages: ['clean', 'nlp'] }));
 * facts.timeline.entries[0].value; // '2011-03/..'
 */
export function extractFacts(article: Article): FactsResult {
  const text = article.text;
  const index = new TokenIndex(article.layers.tokens ?? [], article.text);
  const entities = article.layers.entities ?? [];
  const quotes = article.layers.quotes ?? [];
  const captions = findCaptions(article);
  const anchor = findAnchor(article, captions);
  const body = subtract(bodyRanges(article), captions);
  // concat and Object.assign, not spreads: caption spans come in many shapes and the inlined
  // spreads deoptimised this (large) function on each new one (--trace-deopt)
  const scan = body.concat(captions.map((c) => Object.assign({}, c, { label: 'caption' }))).sort((a, b) => a.start - b.start);
  const dates = findDates(text, anchor?.day, index, scan);
  for (const d of dates) d.attrs!.where = spanAt(body, d.start) ? 'body' : 'caption';
  const bodyDates = dates.filter((d) => d.attrs!.where === 'body');
  const sentences = bodySentences(text, article.layers.sentences ?? [], body);
  const figures = findFigures(text, index, dates, body, sentences);

  const perSentence: Attribution[][] = [];
  let last: { source: string; entity?: string } | undefined;
  const quoted = quotationState(text, sentences);
  const found = mapPacked(sentences, (s, i) => attributions(text, s, index, quotes, entities, quoted[i]));
  fillFromClosingSpeaker(found, quoted);
  sentences.forEach((s, i) => {
    const list = resolveSources(found[i], last);
    perSentence.push(list);
    const named = list.find((a) => a.source && !BACK_REFERENCE.test(a.source) && /^[A-Z]/.test(a.source));
    if (named) last = { source: named.source, entity: named.entity };
  });
  // sentences holding a date or a figure are checkable; figures take their sentence's attributions
  const detail = new Uint8Array(sentences.length);
  for (const d of bodyDates) {
    const at = indexAt(sentences, d.start);
    if (at >= 0) detail[at] = 1;
  }
  for (const f of figures) {
    const at = indexAt(sentences, f.start);
    if (at < 0) continue;
    detail[at] = 1;
    const by = sourceOf(f, perSentence[at]);
    if (!by) continue;
    f.attrs!.source = by.source || 'unnamed';
    f.attrs!.sourceKind = by.kind;
    f.attrs!.sourceEntity = by.entity ?? '';
    f.attrs!.cue = by.cue;
  }
  const statements = mapPacked(sentences, (s, i) => {
    const [from, to] = index.within(s.start, s.end);
    let checkable = detail[i] === 1;
    for (let k = from; !checkable && k < to; k++) checkable = index.tokens[k].label === 'PROPN';
    return index.tokens.length
      ? classifySentence(s, text.slice(s.start, s.end), perSentence[i], checkable, index.lower, from, to, index.classes.classes)
      : classifySentence(s, text.slice(s.start, s.end), perSentence[i], checkable, undefined, from, to);
  });
  const timeline = buildTimeline(text, bodyDates, sentences, index, anchor, entities.length ? entities : undefined);
  return { dates, figures, statements, timeline };
}

/** The facts stage: layers `dates`, `figures`, `statements`; `findings.timeline`. */
export const factsStage: Stage = {
  name: 'facts',
  // 2: an age in apposition ("Kamau, 54,") is no figure.
  version: '2',
  requires: ['tokens', 'sentences'],
  assigns: ['dates', 'figures', 'statements', 'timeline'],
  run(article) {
    const { dates, figures, statements, timeline } = extractFacts(article);
    return { layers: { dates, figures, statements }, findings: { timeline } };
  },
};
