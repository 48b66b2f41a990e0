import type { Span } from '../../model/index.js';
import { addDays, addMonths, isoDay, isoMonth, isoWeek, validDay, weekday, type Day } from './calendar.js';
import { AMBIGUOUS_MONTHS, DATE_PREPOSITIONS, MONTH_SUBJECT_VERBS, RELATION_WORDS, MONTHS, QUALIFIERS, RANGE_RELATIONS, TIME_UNITS, VAGUE_OFFSET_DAYS, WEEKDAYS } from './constants.js';
import { TokenIndex, wordBefore, wordStarts } from './context.js';
import { DATE_FLAGS, W, type WordClasses } from './word-classes.js';
import { parseNumber } from './numbers.js';

/** Attributes of a `dates` span. */
export interface DateAttrs {
  [key: string]: string | number | boolean;
  /** ISO 8601 value: "2016-10-15", "2011-03", "2016", "1990/1999", "2011-03/2016-10-15", "2016-W40", "PT10H"; '' when unresolved. */
  value: string;
  granularity: 'day' | 'week' | 'month' | 'year' | 'decade' | 'range' | 'duration';
  /** Absolute dates need no anchor; relative ones are resolved against the publication date. */
  mode: 'absolute' | 'relative';
  /** True when the value is known (absolute, or relative resolved against an anchor). */
  anchored: boolean;
  /** The preposition that relates the date to its clause ("since", "in", "on", ...), or ''. */
  relation: string;
  /** First day the date covers ("2011-03-01"), '' when unresolved; used to sort the timeline. */
  sort: string;
  /** For unanchored relative dates: a rough offset from "now" in days, to order them. */
  offsetDays: number;
  /** For ranges opened by "since": the value of the start point ("2011-03"). */
  point: string;
  approx: boolean;
}

/** A date mention: a span with its normalised value. */
export type DateSpan = Span<DateAttrs>;

const MONTH = '(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![A-Za-z])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?(?=\\s+\\d))';
const DAY = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[6-9]\\d\\d|20\\d\\d)';
/** Next to a month name any four-digit year is a year ("May 29, 1453"). */
const WIDE_YEAR = '(?:1\\d{3}|20\\d\\d)';
const NUM = '(?:\\d+(?:\\.\\d+)?|a few|a couple of|several|few|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)';
const UNIT = '(?:second|minute|hour|day|week|month|year|decade)';
const DUR_QUALIFIER = '(?:nearly|almost|about|around|over|more than|less than|at least|some|roughly|approximately|just over|just under|up to)';

/** One scan finds every date form; alternatives are tried in order at each position. */
const DATE_PATTERN = new RegExp(
  '(?<![A-Za-z0-9])(?:' +
    [
      `(?<iso>\\d{4}-\\d{2}-\\d{2})(?![\\d-])`,
      `(?<mdyM>${MONTH})\\s+(?<mdyD>${DAY})(?:,\\s*|\\s+)(?<mdyY>${WIDE_YEAR})(?!\\d)`,
      `(?<dmyD>${DAY})\\s+(?:of\\s+)?(?<dmyM>${MONTH}),?\\s+(?<dmyY>${WIDE_YEAR})(?!\\d)`,
      `(?<myM>${MONTH}),?\\s+(?:of\\s+)?(?<myY>${WIDE_YEAR})(?!\\d)`,
      `(?<mdM>${MONTH})\\s+(?<mdD>${DAY})(?![\\d:])`,
      `(?<dmD>${DAY})\\s+(?:of\\s+)?(?<dmM>${MONTH})`,
      `(?<dec>(?:1[6-9]|20)\\d0s|['’]\\d0s)(?![A-Za-z])`,
      `(?<yrA>${YEAR})\\s*[-–/]\\s*(?<yrB>${YEAR}|\\d{2})(?![\\d-])`,
      `(?:(?:from|between)\\s+(?<ftA>${YEAR})\\s+(?:to|and|until|through)|(?<ftA2>${YEAR})\\s+(?:to|until|through))\\s+(?<ftB>${YEAR})(?!\\d)`,
      `(?:in|over|during|within|for)\\s+(?:the\\s+)?(?<rc>recent|past|last|coming|next|previous|following)\\s+(?:(?<rcN>${NUM})\\s+)?(?<rcU>${UNIT}s)\\b`,
      `(?<agoN>${NUM}|an?)\\s+(?<agoU>${UNIT}s?)\\s+ago\\b`,
      `(?<er>earlier|later|early|late)\\s+(?<erR>this|last|next)\\s+(?<erU>week|month|year)\\b`,
      `(?<ru>last|next|this|past|coming|previous)\\s+(?<ruU>week|weekend|month|year|decade)\\b`,
      `(?:(?<wdR>last|next|this|past|coming)\\s+)?(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
      `(?<dx>yesterday|today|tonight|tomorrow)\\b`,
      `(?:(?<duQ>${DUR_QUALIFIER})\\s+)?(?<duN>${NUM})[-\\s](?<duU>${UNIT}s?)(?:-long)?\\b(?!-old)`,
      `(?<mo>${MONTH})`,
      `(?<yr>${YEAR})(?![\\w%]|[.,:]\\d|\\s*[-–]\\s*\\d)`,
    ].join('|') +
    ')',
  'iy',
);

/** Whether the date pattern is worth trying at word w (cheap checks on this and the next words' flags). */
function triggers(words: readonly string[], { classes, beforeDash }: WordClasses, w: number): boolean {
  // (Word shapes come from the flags: see W.digit. Most words have no flag and cost one read.)
  if (classes[w] & (W.digit | W.apostrophe)) return true;
  const cls = classes[w] & DATE_FLAGS;
  if (cls === 0) return (beforeDash[w] & W.number) !== 0;
  if (cls & W.standalone) return true;
  const next = words[w + 1];
  const nextClass = w + 1 < classes.length ? classes[w + 1] : 0;
  if (cls & W.preposition && (nextClass & W.recent || (next === 'the' && w + 2 < classes.length && classes[w + 2] & W.recent))) return true;
  if (cls & W.relative && (nextClass & (W.unit | W.weekday) || next === 'this' || next === 'last' || next === 'next')) return true;
  if (cls & W.qualifier && ((nextClass & (W.digit | W.number)) !== 0 || next === 'than' || next === 'to' || next === 'least' || next === 'over' || next === 'under')) return true;
  if (cls & W.number) return (nextClass & W.unit) !== 0 || next === 'few' || next === 'couple' || next === '-';
  return false;
}

/** Words before a decade that belong to it ("the early 1990s"). */
const DECADE_PREFIX = /(?:\bthe\s+)?(?:\b(?:early|mid|late)[-\s]\s*)?$/i;


/** Words that say the clause looks forward ("will meet on Monday"). */
const FUTURE_CUE = /\b(?:will|shall|going to|is due|are due|plans? to|scheduled|next)\b/i;
const FUTURE_LOOKBACK = 80;

const cap = (s: string) => s[0] >= 'A' && s[0] <= 'Z';
const monthOf = (s: string) => MONTHS[s.toLowerCase()];
const dayOf = (s: string) => parseInt(s, 10);
const firstDay = (y: number, m = 1, d = 1) => isoDay({ y, m, d });

interface Resolved {
  value: string;
  granularity: DateAttrs['granularity'];
  mode: DateAttrs['mode'];
  anchored: boolean;
  sort: string;
  offsetDays?: number;
  approx?: boolean;
  rule: string;
}

/** True when the clause before `at` speaks of the future. */
function futureContext(text: string, at: number): boolean {
  const from = Math.max(0, at - FUTURE_LOOKBACK);
  let slice = text.slice(from, at);
  const stop = Math.max(slice.lastIndexOf('. '), slice.lastIndexOf('\n'));
  if (stop >= 0) slice = slice.slice(stop + 1);
  return FUTURE_CUE.test(slice);
}

/** Year for a month (and day) given without one: the anchor's year, or the year before when that would be well in the future. */
function inferYear(anchor: Day, m: number, future: boolean): number {
  if (future) return m < anchor.m - 1 ? anchor.y + 1 : anchor.y;
  return m > anchor.m + 1 ? anchor.y - 1 : anchor.y;
}

function unitOf(word: string): string {
  return word.toLowerCase().replace(/s$/, '');
}

function count(word: string | undefined, fallback: number): number {
  if (!word) return fallback;
  const lower = word.toLowerCase();
  if (lower === 'a few' || lower === 'few' || lower === 'several' || lower === 'a couple of') return 3;
  return parseNumber(lower)?.value ?? fallback;
}

/** The day, month or year `n` units after the anchor, in the unit's granularity. */
function shift(anchor: Day, unit: string, n: number): Pick<Resolved, 'value' | 'granularity' | 'sort'> {
  if (unit === 'month') {
    const [y, m] = addMonths(anchor, n);
    return { value: isoMonth(y, m), granularity: 'month', sort: firstDay(y, m) };
  }
  if (unit === 'year') return { value: String(anchor.y + n), granularity: 'year', sort: firstDay(anchor.y + n) };
  if (unit === 'decade') {
    const y = anchor.y + 10 * n;
    return { value: String(y), granularity: 'year', sort: firstDay(y) };
  }
  const day = addDays(anchor, n * (unit === 'week' ? 7 : unit === 'day' ? 1 : 0));
  return { value: isoDay(day), granularity: 'day', sort: isoDay(day) };
}

const relative = (anchored: boolean): Pick<Resolved, 'mode' | 'anchored'> => ({ mode: 'relative', anchored });
const unresolved = (offsetDays: number, rule: string, granularity: DateAttrs['granularity']): Resolved => ({
  value: '', granularity, mode: 'relative', anchored: false, sort: '', offsetDays, rule,
});

/** An absolute date (a module function rather than a closure in `resolve`: see tsx keepNames). */
const absolute = (value: string, granularity: DateAttrs['granularity'], sort: string, rule: string): Resolved => ({ value, granularity, mode: 'absolute', anchored: true, sort, rule });

/** Normalises one match; undefined when the match is not a date after all ("may" the verb). */
function resolve(g: Record<string, string | undefined>, text: string, at: number, anchor: Day | undefined, tokens: TokenIndex | undefined): Resolved | undefined {
  if (g.iso) {
    const [y, m, d] = g.iso.split('-').map(Number);
    return validDay(y, m, d) ? absolute(g.iso, 'day', g.iso, 'iso') : undefined;
  }
  if (g.mdyM || g.dmyM) {
    const month = g.mdyM ?? g.dmyM!;
    const y = +(g.mdyY ?? g.dmyY!);
    const m = monthOf(month);
    const d = dayOf(g.mdyD ?? g.dmyD!);
    if (!cap(month) || !validDay(y, m, d)) return undefined;
    return absolute(isoDay({ y, m, d }), 'day', isoDay({ y, m, d }), g.mdyM ? 'month-day-year' : 'day-month-year');
  }
  if (g.myM) {
    if (!cap(g.myM)) return undefined;
    const m = monthOf(g.myM);
    return absolute(isoMonth(+g.myY!, m), 'month', firstDay(+g.myY!, m), 'month-year');
  }
  if (g.mdM || g.dmM) {
    const month = g.mdM ?? g.dmM!;
    const m = monthOf(month);
    const d = dayOf(g.mdD ?? g.dmD!);
    if (!cap(month) || !validDay(2000, m, d)) return undefined;
    if (!anchor) return unresolved(0, 'month-day', 'day');
    const y = inferYear(anchor, m, futureContext(text, at));
    return { value: isoDay({ y, m, d }), granularity: 'day', ...relative(true), sort: isoDay({ y, m, d }), rule: 'month-day' };
  }
  if (g.dec) {
    const base = /^['’]/.test(g.dec) ? 1900 + Number(g.dec.slice(1, 3)) : Number(g.dec.slice(0, 4));
    return absolute(`${base}/${base + 9}`, 'decade', firstDay(base), 'decade');
  }
  if (g.yrA) {
    const a = +g.yrA;
    let b = +g.yrB!;
    if (g.yrB!.length === 2) {
      b = Math.floor(a / 100) * 100 + b;
      if (b <= a) return undefined; // "2016-10" is a year-month, not handled here
    }
    if (b <= a || b - a > 50) return undefined;
    return absolute(`${a}/${b}`, 'range', firstDay(a), 'year-range');
  }
  if (g.ftA || g.ftA2) {
    const a = +(g.ftA ?? g.ftA2!);
    const b = +g.ftB!;
    return b > a ? absolute(`${a}/${b}`, 'range', firstDay(a), 'from-to') : undefined;
  }
  if (g.rc) {
    const unit = unitOf(g.rcU!);
    const forward = /coming|next|following/i.test(g.rc);
    const n = count(g.rcN, 0);
    if (!anchor) return unresolved(n ? (forward ? 1 : -1) * n * TIME_UNITS[unit].days : (forward ? -1 : 1) * VAGUE_OFFSET_DAYS.recent, 'recent', 'range');
    const span = n || 2; // "recent months": about two of them, for sorting only
    const far = addDays(anchor, (forward ? 1 : -1) * span * TIME_UNITS[unit].days);
    const value = n ? (forward ? `${isoDay(anchor)}/${isoDay(far)}` : `${isoDay(far)}/${isoDay(anchor)}`) : '';
    return { value, granularity: 'range', ...relative(true), sort: isoDay(forward ? anchor : far), approx: !n, rule: 'recent' };
  }
  if (g.agoU) {
    const unit = unitOf(g.agoU);
    const n = count(g.agoN, 1);
    if (!anchor) return unresolved(-n * TIME_UNITS[unit].days, 'ago', TIME_UNITS[unit].granularity as DateAttrs['granularity']);
    return { ...shift(anchor, unit, -n), ...relative(true), rule: 'ago' };
  }
  if (g.er || g.ru) {
    const unit = (g.erU ?? g.ruU!).toLowerCase();
    const rel = (g.erR ?? g.ru!).toLowerCase();
    const n = rel === 'this' ? 0 : /last|past|previous/.test(rel) ? -1 : 1;
    if (!anchor) return unresolved(n * (TIME_UNITS[unit]?.days ?? 7), 'relative-unit', unit === 'weekend' ? 'range' : (TIME_UNITS[unit].granularity as DateAttrs['granularity']));
    if (unit === 'week') {
      const day = addDays(anchor, 7 * n);
      const monday = addDays(day, -((weekday(day) + 6) % 7));
      return { value: isoWeek(day), granularity: 'week', ...relative(true), sort: isoDay(monday), rule: 'relative-unit' };
    }
    if (unit === 'weekend') {
      const back = n <= 0 ? ((weekday(anchor) + 1) % 7 || 7) : -((6 - weekday(anchor) + 7) % 7 || 7);
      const saturday = addDays(anchor, -back);
      return { value: `${isoDay(saturday)}/${isoDay(addDays(saturday, 1))}`, granularity: 'range', ...relative(true), sort: isoDay(saturday), rule: 'relative-unit' };
    }
    return { ...shift(anchor, unit, n), ...relative(true), rule: 'relative-unit' };
  }
  if (g.wd) {
    if (!cap(g.wd)) return undefined;
    const target = WEEKDAYS[g.wd.toLowerCase()];
    const rel = g.wdR?.toLowerCase();
    const forward = rel === 'next' || rel === 'coming' || (rel !== 'last' && rel !== 'past' && futureContext(text, at));
    if (!anchor) return unresolved(forward ? ((target + 6) % 7) + 1 : ((target + 6) % 7) - 7 + VAGUE_OFFSET_DAYS.weekday + 4, 'weekday', 'day');
    const now = weekday(anchor);
    let delta = forward ? (target - now + 7) % 7 : -((now - target + 7) % 7);
    if (delta === 0 && (rel === 'last' || rel === 'past')) delta = -7;
    if (delta === 0 && rel === 'next') delta = 7;
    const day = addDays(anchor, delta);
    return { value: isoDay(day), granularity: 'day', ...relative(true), sort: isoDay(day), rule: 'weekday' };
  }
  if (g.dx) {
    const n = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[g.dx.toLowerCase()] ?? 0;
    if (!anchor) return unresolved(n, 'deictic', 'day');
    const day = addDays(anchor, n);
    return { value: isoDay(day), granularity: 'day', ...relative(true), sort: isoDay(day), rule: 'deictic' };
  }
  if (g.duU) {
    const unit = TIME_UNITS[unitOf(g.duU)];
    const n = count(g.duN, NaN);
    const amount = Number.isNaN(n) || /few|several|couple/i.test(g.duN!) ? 'X' : String(n);
    const value = unit.time ? `PT${amount}${unit.iso}` : `P${unitOf(g.duU) === 'decade' && amount !== 'X' ? Number(amount) * 10 : amount}${unit.iso}`;
    return { value, granularity: 'duration', mode: 'absolute', anchored: true, sort: '', approx: Boolean(g.duQ) && QUALIFIERS[g.duQ!.toLowerCase()] !== 'exact', rule: 'duration' };
  }
  if (g.mo) {
    if (!cap(g.mo)) return undefined;
    const lower = g.mo.toLowerCase();
    if (AMBIGUOUS_MONTHS.has(lower) && !DATE_PREPOSITIONS.has(wordBefore(text, at))) {
      const after = /^\s+([a-z]+)/.exec(text.slice(at + g.mo.length, at + g.mo.length + 12));
      if (!after || !MONTH_SUBJECT_VERBS.has(after[1])) return undefined;
    }
    const m = monthOf(g.mo);
    if (!anchor) return unresolved(0, 'month', 'month');
    const y = inferYear(anchor, m, futureContext(text, at));
    return { value: isoMonth(y, m), granularity: 'month', ...relative(true), sort: firstDay(y, m), rule: 'month' };
  }
  if (g.yr) {
    const before = wordBefore(text, at);
    if (!DATE_PREPOSITIONS.has(before) && before !== 'the' && tokens) {
      // "2000 troops": a count, not a year
      const next = tokens.tokens[tokens.firstAtOrAfter(at + g.yr.length)];
      if (next && (next.label === 'NOUN' || next.label === 'NUM') && next.start - (at + g.yr.length) <= 1) return undefined;
    }
    if (/[$£€#]/.test(text[at - 1] ?? '')) return undefined;
    return absolute(g.yr, 'year', firstDay(+g.yr), 'year');
  }
  return undefined;
}

/**
 * Finds and normalises the dates, relative dates and durations of a text. Relative dates are
 * resolved against `anchor` (the publication date) when given, else left unresolved and marked
 * `anchored: false`. Only matches inside `ranges` are kept when given.
 *
 * @example
 * findDates('Talks began on Saturday.', { y: 2016, m: 10, d: 15 })[0].attrs.value; // '2016-10-15'
 */
export function findDates(text: string, anchor?: Day, tokens?: TokenIndex, ranges?: readonly Pick<Span, 'start' | 'end'>[]): DateSpan[] {
  const out: DateSpan[] = [];
  const { starts, words, classes } = wordStarts(text, tokens);
  let r = 0;
  let next = 0;
  for (let w = 0; w < words.length; w++) {
    let start = starts[w];
    if (start < next || !triggers(words, classes, w)) continue;
    if (ranges) {
      while (r < ranges.length && ranges[r].end <= start) r++;
      if (r >= ranges.length) break;
      if (start < ranges[r].start) continue;
    }
    DATE_PATTERN.lastIndex = start;
    const match = DATE_PATTERN.exec(text);
    if (!match) continue;
    let end = start + match[0].length;
    if (ranges && end > ranges[r].end) continue;
    const resolved = resolve(match.groups!, text, start, anchor, tokens);
    if (!resolved) continue;
    next = end;
    if (match.groups!.dec) start -= DECADE_PREFIX.exec(text.slice(Math.max(0, start - 16), start))![0].length;
    let relation = resolved.granularity === 'duration' ? '' : wordBefore(text, start);
    if (!RELATION_WORDS.has(relation)) relation = '';
    const attrs: DateAttrs = {
      value: resolved.value,
      granularity: resolved.granularity,
      mode: resolved.mode,
      anchored: resolved.anchored,
      relation,
      sort: resolved.sort,
      offsetDays: resolved.offsetDays ?? 0,
      point: '',
      approx: resolved.approx ?? false,
    };
    if (RANGE_RELATIONS[relation] === 'since' && resolved.granularity !== 'duration') {
      // "since March 2011": a range from that point to now
      const prep = text.lastIndexOf(relation === 'since' ? 'ince' : relation, start) - 1;
      if (prep >= 0 && start - prep <= relation.length + 2) start = prep;
      attrs.point = resolved.value;
      attrs.value = resolved.value ? `${resolved.value}/${anchor ? isoDay(anchor) : '..'}` : '';
      attrs.granularity = 'range';
    }
    out.push({
      start,
      end,
      label: resolved.granularity === 'duration' ? 'duration' : 'date',
      attrs,
      source: { stage: 'facts', rule: resolved.rule },
    });
  }
  return out;
}
