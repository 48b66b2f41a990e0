import type { Span } from '../../model/index.js';
import type { Anchor } from './anchor.js';
import { ANTECEDENT_MAX_WORDS, CLAUSE_BREAK, CLAUSE_WINDOW_CHARS, LABEL_MAX_WORDS, NATIONALITIES, RELATIVE_OPENER, MONTHS, NAME_PARTICLES, SUBORDINATE_OPENERS, TITLE_WORDS, WEEKDAYS } from './constants.js';
import { TokenIndex, spanAt } from './context.js';
import type { DateSpan } from './dates.js';

/** Someone or something acting in a dated clause. */
export interface Actor {
  name: string;
  /** Entity id when the entities layer is present. */
  entity?: string;
  start: number;
  end: number;
}

/** One dated statement on the timeline. */
export interface TimelineEntry {
  /** The date as written ("since March 2011"). */
  text: string;
  value: string;
  granularity: string;
  /** First day covered, '' when unresolved (relative date without an anchor). */
  sort: string;
  anchored: boolean;
  relation: string;
  start: number;
  end: number;
  clauseStart: number;
  clauseEnd: number;
  /** A short label made of the clause's own words, without the date. */
  label: string;
  actors: Actor[];
}

/** The article's timeline: dated statements in order, and where "now" (the anchor) falls. */
export interface Timeline {
  now: { date: string; from: string; anchored: boolean };
  /** Index in `entries` of the first entry after now (entries.length when all are before). */
  nowIndex: number;
  entries: TimelineEntry[];
}

/** The clause of `sentence` holding offset `at`, the range whose actors belong to it, and for a
 * relative clause the antecedent before it ("The conflict in Syria, which flared up ..."). */
export function clauseAround(text: string, sentence: Pick<Span, 'start' | 'end'>, at: number): { start: number; end: number; actorStart: number; antecedent: string } {
  const slice = text.slice(sentence.start, sentence.end);
  let start = sentence.start;
  let end = sentence.end;
  let previous = sentence.start;
  // exec on the shared global pattern (no per-call clone as with matchAll); no alternative matches empty.
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(slice); m; m = CLAUSE_BREAK.exec(slice)) {
    const cut = sentence.start + m.index!;
    if (cut <= at) {
      previous = start;
      start = cut;
    } else {
      end = cut;
      break;
    }
  }
  const opening = text.slice(start, start + 12);
  let antecedent = '';
  if (RELATIVE_OPENER.test(opening)) {
    const comma = text.indexOf(',', at);
    if (comma > 0 && comma < end) end = comma;
    antecedent = text.slice(previous, start).replace(/^[,;\s]+/, '').split(/\s+/).slice(-ANTECEDENT_MAX_WORDS).join(' ');
  }
  const actorStart = SUBORDINATE_OPENERS.test(opening) ? sentence.start : start;
  return { start, end, actorStart, antecedent };
}

const CALENDAR_WORDS = new Set([...Object.keys(MONTHS), ...Object.keys(WEEKDAYS)]);

/** Adds an actor not seen yet (by entity, else name). A module function, not a closure: see tsx keepNames. */
function addActor(out: Actor[], seen: Set<string>, a: Actor): void {
  const key = a.entity ?? a.name;
  if (!seen.has(key)) {
    seen.add(key);
    out.push(a);
  }
}

/** Actors of [start, end): entity mentions when present, else runs of proper nouns (titles dropped). */
export function actorsIn(text: string, index: TokenIndex, start: number, end: number, skip: Pick<Span, 'start' | 'end'>, entities?: readonly Span[]): Actor[] {
  const out: Actor[] = [];
  const seen = new Set<string>();
  if (entities?.length) {
    for (let i = firstStartingAt(entities, start); i < entities.length; i++) {
      const e = entities[i];
      if (e.start >= end) break;
      if (e.start < start || (e.start < skip.end && skip.start < e.end)) continue;
      const id = e.attrs?.entity;
      addActor(out, seen, { name: text.slice(e.start, e.end), entity: typeof id === 'string' ? id : undefined, start: e.start, end: e.end });
    }
    return out;
  }
  const add = (a: Actor) => addActor(out, seen, a);
  const [from, to] = index.within(start, end);
  const tokens = index.tokens;
  let runStart = -1;
  const push = (a: number, b: number) => add({ name: text.slice(tokens[a].start, tokens[b - 1].end), start: tokens[a].start, end: tokens[b - 1].end });
  const flush = (i: number) => {
    if (runStart >= 0 && i > runStart) {
      // "Envoy for Syria Staffan de Mistura": a place, then a name of two capitalised words
      const caps: number[] = [];
      for (let k = runStart; k < i; k++) if (/^[A-Z]/.test(text.slice(tokens[k].start, tokens[k].end))) caps.push(k);
      const prep = runStart > 0 ? text.slice(tokens[runStart - 1].start, tokens[runStart - 1].end) : '';
      if (caps.length >= 3 && (prep === 'for' || prep === 'of')) {
        push(runStart, caps[caps.length - 2]);
        push(caps[caps.length - 2], i);
      } else push(runStart, i);
    }
    runStart = -1;
  };
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    const lower = index.lower[i];
    const inDate = t.start < skip.end && skip.start < t.end;
    const proper = t.label === 'PROPN' && !inDate && !CALENDAR_WORDS.has(lower) && !TITLE_WORDS.has(lower) && !NATIONALITIES.has(lower);
    const glue = runStart >= 0 && (NAME_PARTICLES.has(lower) || ((lower === '-' || lower === '.') && t.start === tokens[i - 1].end));
    if (proper || (glue && i + 1 < to && tokens[i + 1].label === 'PROPN')) {
      if (runStart < 0) runStart = i;
    } else flush(i);
  }
  flush(to);
  return out;
}

const LEADING_RELATIVE = /^[\s,]*(?:which|who)\s/i;
const QUOTE_MARKS = /[“”"]/g;
/** A word of a label: a run of non-space characters. */
const WORD_RUN = /\S+/g;
const LEADING_JUNK = /^[,;:–—-]+$/;
const PUNCT_ONLY = /^[,;:.!?…–—-]+$/;
const TRAILING_PUNCT = /[,;:.]+$/;
const LEADING_CONJUNCTIONS = new Set(['and', 'but', 'while', 'whereas', 'although', 'though', 'after', 'before', 'when', 'which', 'who', 'as', 'because']);

/** The clause's own words without the date phrase, cut to LABEL_MAX_WORDS. */
export function clauseLabel(text: string, clause: { start: number; end: number; antecedent?: string }, date: Pick<Span, 'start' | 'end'>, relation: string): string {
  let before = text.slice(clause.start, date.start);
  if (relation) {
    const trimmed = before.trimEnd();
    if (trimmed.toLowerCase().endsWith(relation)) before = trimmed.slice(0, trimmed.length - relation.length);
  }
  let raw = `${before} ${text.slice(date.end, clause.end)}`;
  if (clause.antecedent) raw = `${clause.antecedent} ${raw.replace(LEADING_RELATIVE, '')}`;
  // drop leading punctuation and a leading conjunction, trailing punctuation. Words are read one at a
  // time and only until one more than the label keeps: a clause can be thousands of words long.
  const kept: string[] = [];
  let leading = true;
  let conjunction = true;
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(raw); m && kept.length <= LABEL_MAX_WORDS; m = WORD_RUN.exec(raw)) {
    const w = m[0].replace(QUOTE_MARKS, '');
    if (!w) continue;
    if (leading && LEADING_JUNK.test(w)) continue;
    leading = false;
    if (conjunction) {
      conjunction = false;
      if (LEADING_CONJUNCTIONS.has(w.toLowerCase())) continue;
    }
    if (!PUNCT_ONLY.test(w)) kept.push(w);
  }
  if (kept.length) kept[kept.length - 1] = kept[kept.length - 1].replace(TRAILING_PUNCT, '');
  if (kept.length && !kept[kept.length - 1]) kept.pop();
  return kept.length > LABEL_MAX_WORDS ? `${kept.slice(0, LABEL_MAX_WORDS).join(' ')} …` : kept.join(' ');
}

/** The part of a date's sentence its clause is looked for in: at most CLAUSE_WINDOW_CHARS either side. */
function clauseWindow(sentence: Pick<Span, 'start' | 'end'>, date: Pick<Span, 'start' | 'end'>): Pick<Span, 'start' | 'end'> {
  const start = Math.max(sentence.start, date.start - CLAUSE_WINDOW_CHARS);
  const end = Math.min(sentence.end, date.end + CLAUSE_WINDOW_CHARS);
  return start === sentence.start && end === sentence.end ? sentence : { start, end };
}

/** Index of the first span starting at or after `at` (spans sorted by start). */
function firstStartingAt(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds the timeline from body dates (not durations): each date with its clause, the clause's
 * actors and a label, sorted by date; unresolved relative dates go by their rough offset from now.
 *
 * @example
 * buildTimeline(text, dates, sentences, index, anchor).entries.map((e) => e.value); // ['2011-03/2016-10-15', '2014-09', ...]
 */
export function buildTimeline(text: string, dates: readonly DateSpan[], sentences: readonly Span[], index: TokenIndex, anchor: Anchor | undefined, entities?: readonly Span[]): Timeline {
  const entries: (TimelineEntry & { offsetDays: number })[] = [];
  for (const d of dates) {
    if (d.label !== 'date' || !d.attrs) continue;
    const sentence = clauseWindow(spanAt(sentences, d.start) ?? d, d);
    const clause = clauseAround(text, sentence, d.start);
    entries.push({
      text: text.slice(d.start, d.end),
      value: d.attrs.value,
      granularity: d.attrs.granularity,
      sort: d.attrs.sort,
      anchored: d.attrs.anchored,
      relation: d.attrs.relation,
      start: d.start,
      end: d.end,
      clauseStart: clause.start,
      clauseEnd: clause.end,
      label: clauseLabel(text, clause, d, d.attrs.relation),
      actors: actorsIn(text, index, clause.actorStart, clause.end, d, entities),
      offsetDays: d.attrs.offsetDays,
    });
  }
  const resolved = entries.filter((e) => e.sort).sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.start - b.start));
  const open = entries.filter((e) => !e.sort).sort((a, b) => a.offsetDays - b.offsetDays || a.start - b.start);
  const ordered = [...resolved, ...open].map(({ offsetDays: _, ...e }) => e);
  const nowIndex = anchor
    ? resolved.filter((e) => e.sort <= anchor.iso).length
    : resolved.length + open.filter((e) => e.offsetDays <= 0).length;
  return { now: { date: anchor?.iso ?? '', from: anchor?.from ?? '', anchored: Boolean(anchor) }, nowIndex, entries: ordered };
}
