import type { Article, Span } from '../../model/index.js';
import { isoDay, parseIsoDay, type Day } from './calendar.js';
import { CAPTION_CUE, CAPTION_MAX_PARAGRAPH } from './constants.js';
import { findDates } from './dates.js';

/** The article's "now": the day relative dates are resolved against, and where it came from. */
export interface Anchor {
  day: Day;
  iso: string;
  /** 'published' (metadata), 'caption' or 'dateline' (a date printed with the article). */
  from: 'published' | 'caption' | 'dateline';
  /** The span the date was read from, when it was read from the text. */
  start?: number;
  end?: number;
}

/** A full day date (day granularity, absolute) inside [start, end) of the text, if any. */
function dayIn(text: string, start: number, end: number): { day: Day; start: number; end: number } | undefined {
  const found = findDates(text.slice(start, end)).find((d) => d.attrs?.granularity === 'day' && d.attrs.mode === 'absolute');
  const day = found && parseIsoDay(found.attrs!.value);
  return day && found ? { day, start: start + found.start, end: start + found.end } : undefined;
}

/**
 * Caption paragraphs the clean stage has not marked: among the first paragraphs, those with a
 * photo credit ("(Photo by AFP)"). Used to anchor dates and kept out of body statements.
 */
export function findCaptions(article: Article): Span[] {
  const marked = (article.layers.structure ?? []).filter((s) => s.label === 'caption');
  if (marked.length) return marked;
  const paragraphs = (article.layers.paragraphs ?? []).slice(0, CAPTION_MAX_PARAGRAPH);
  return paragraphs
    .filter((p) => CAPTION_CUE.test(article.text.slice(p.start, p.end)))
    .map((p) => ({ start: p.start, end: p.end, label: 'caption', source: { stage: 'facts', rule: 'photo-credit' } }));
}

/**
 * Finds the publication date: metadata first, then a date attribute or a printed date on a
 * caption or dateline (structure layer, or a caption found here).
 *
 * @example
 * findAnchor(article)?.iso; // '2016-10-15'
 */
export function findAnchor(article: Article, captions: readonly Span[] = findCaptions(article)): Anchor | undefined {
  const published = typeof article.meta.published === 'string' ? parseIsoDay(article.meta.published) : undefined;
  if (published) return { day: published, iso: isoDay(published), from: 'published' };
  const printed = [
    ...(article.layers.structure ?? []).filter((s) => s.label === 'dateline'),
    ...captions,
  ];
  for (const span of printed) {
    const from = span.label === 'dateline' ? 'dateline' : 'caption';
    const attr = span.attrs?.date;
    const fromAttr = typeof attr === 'string' ? parseIsoDay(attr) ?? dayIn(attr, 0, attr.length)?.day : undefined;
    if (fromAttr) return { day: fromAttr, iso: isoDay(fromAttr), from, start: span.start, end: span.end };
    const inText = dayIn(article.text, span.start, span.end);
    if (inText) return { day: inText.day, iso: isoDay(inText.day), from, start: inText.start, end: inText.end };
  }
  return undefined;
}
