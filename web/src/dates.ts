/*
 * ISO 8601 values of the facts stage (dates layer, timeline) written for people:
 * "2016-10-14" → "Friday 14 Oct 2016", "2011-03" → "March 2011", "P2Y" → "2 years",
 * "2011-03/2016-10-15" → "March 2011 – Saturday 15 Oct 2016". Unknown shapes are returned as given.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** ISO duration designators → unit words (date part, then time part after T). */
const DATE_UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day' };
const TIME_UNITS: Record<string, string> = { H: 'hour', M: 'minute', S: 'second' };

function plural(n: string, unit: string): string {
  if (n === 'X') return `some ${unit}s`;
  return `${n} ${unit}${n === '1' ? '' : 's'}`;
}

/** One ISO point (day, month, year, week, decade); undefined when it is not one. */
function point(v: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
    return mo >= 1 && mo <= 12 ? `${weekday} ${d} ${MONTHS[mo - 1].slice(0, 3)} ${y}` : undefined;
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : undefined;
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) return `week ${Number(m[2])} of ${m[1]}`;
  if (/^\d{4}$/.test(v)) return v;
  m = /^(\d{3})X$/.exec(v);
  if (m) return `the ${m[1]}0s`;
  return undefined;
}

/** An ISO duration ("P2Y", "PT10H", "P1Y6M") in words; undefined when it is not one. */
export function humanDuration(v: string): string | undefined {
  const m = /^P(?:([\dX.]+)Y)?(?:([\dX.]+)M)?(?:([\dX.]+)W)?(?:([\dX.]+)D)?(?:T(?:([\dX.]+)H)?(?:([\dX.]+)M)?(?:([\dX.]+)S)?)?$/.exec(v);
  if (!m || v === 'P' || v === 'PT') return undefined;
  const parts: string[] = [];
  ['Y', 'M', 'W', 'D'].forEach((u, i) => { if (m[i + 1]) parts.push(plural(m[i + 1], DATE_UNITS[u])); });
  ['H', 'M', 'S'].forEach((u, i) => { if (m[i + 5]) parts.push(plural(m[i + 5], TIME_UNITS[u])); });
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * A date value of the facts stage in words; the value itself when its shape is unknown, and
 * '' for ''. Ranges become "A – B", open ranges "since A" / "until B".
 *
 * @example
 * humanDate('2016-10-14'); // 'Friday 14 Oct 2016'
 * humanDate('P2Y');        // '2 years'
 */
export function humanDate(value: string): string {
  const v = value.trim();
  if (!v) return '';
  const duration = humanDuration(v);
  if (duration) return duration;
  const single = point(v);
  if (single) return single;
  const range = /^([^/]+)\/([^/]+)$/.exec(v);
  if (range) {
    const [a, b] = [range[1], range[2]];
    if (b === '..') return point(a) ? `since ${point(a)}` : v;
    if (a === '..') return point(b) ? `until ${point(b)}` : v;
    const [pa, pb] = [point(a), point(b)];
    if (pa && pb) return `${pa} – ${pb}`;
  }
  return v;
}

const MONTH_ABBR = MONTHS.map((m) => m.slice(0, 3));

/**
 * The label of one bar of a chart over time: a day "2 Mar", a week "week of 2 Mar", a month
 * "Mar 2026", a year "2026"; days and weeks carry the year when the chart spans more than one.
 *
 * @example
 * timeLabel('2026-03-02', 'week', false); // 'week of 2 Mar'
 */
export function timeLabel(value: string, unit: 'day' | 'week' | 'month' | 'year', withYear: boolean): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [y, mo, d] = [m[1], Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (unit === 'year' || !mo) return y;
  if (unit === 'month' || !d) return `${MONTH_ABBR[mo - 1]} ${y}`;
  const day = `${d} ${MONTH_ABBR[mo - 1]}${withYear ? ` ${y}` : ''}`;
  return unit === 'week' ? `week of ${day}` : day;
}

/** The labels of a chart's bars (see `timeLabel`), with years only when the points span several. */
export function timeLabels(values: readonly string[], unit: 'day' | 'week' | 'month' | 'year'): string[] {
  const years = new Set(values.map((v) => v.slice(0, 4)));
  return values.map((v) => timeLabel(v, unit, years.size > 1));
}


/**
 * A span of dates as one date when it is one day, "A – B" otherwise, '' when there is none;
 * `show` writes each date (default as given).
 *
 * @example
 * dateSpan('2026-03-11', '2026-03-11'); // '2026-03-11'
 * dateSpan('2026-03-02', '2026-03-14'); // '2026-03-02 – 2026-03-14'
 */
export function dateSpan(first: string | undefined, last: string | undefined, show: (d: string) => string = (d) => d): string {
  const [a, b] = [first?.slice(0, 10) ?? '', last?.slice(0, 10) ?? ''];
  if (!a || !b) return a || b ? show(a || b) : '';
  return a === b ? show(a) : `${show(a)} – ${show(b)}`;
}
