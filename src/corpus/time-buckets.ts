import type { FacetCount } from './store.js';

/** The width of one bar of a chart over time. */
export type TimeUnit = 'day' | 'week' | 'month' | 'year';

/** Counts over time at a width picked from the span of the dates, every bar present (zeros included). */
export interface TimeSeries {
  unit: TimeUnit;
  /**
   * One point per bar from the first date to the last: `YYYY-MM-DD` (day; for a week, its Monday),
   * `YYYY-MM` (month) or `YYYY` (year).
   */
  points: FacetCount[];
}

/**
 * Which width to use for a span of dates: days up to `maxDays`, weeks up to `maxWeeks` weeks,
 * months up to `maxMonths` months, then years. Roughly 10-60 bars, so a fortnight is not one
 * bar and ten years are not 3,650.
 */
export const TIME_BUCKETS = {
  maxDays: 45,
  maxWeeks: 26,
  maxMonths: 72,
} as const;

const DAY_MS = 86_400_000;

/** A date of `published` as UTC milliseconds ("2026-03", "2026" read as their first day); undefined when it is not a date. */
function dayOf(value: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1'));
  return Number.isFinite(t) ? t : undefined;
}

/** The key of the bar holding day `t` at width `unit`. */
function keyOf(t: number, unit: TimeUnit): string {
  const iso = new Date(t).toISOString();
  if (unit === 'year') return iso.slice(0, 4);
  if (unit === 'month') return iso.slice(0, 7);
  if (unit === 'week') return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
  return iso.slice(0, 10);
}

/** The first day of the bar after the one starting at `t`. */
function next(t: number, unit: TimeUnit): number {
  const d = new Date(t);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return t + (unit === 'week' ? 7 : 1) * DAY_MS;
}

/** The first day of the bar holding `t`. */
function startOf(t: number, unit: TimeUnit): number {
  const d = new Date(t);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear(), 0, 1);
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === 'week') return t - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  return t;
}

/** The width for dates from `first` to `last` (UTC ms), see `TIME_BUCKETS`. */
export function timeUnitFor(first: number, last: number): TimeUnit {
  const days = Math.round((last - first) / DAY_MS) + 1;
  if (days <= TIME_BUCKETS.maxDays) return 'day';
  if (days <= TIME_BUCKETS.maxWeeks * 7) return 'week';
  const a = new Date(first);
  const b = new Date(last);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  return months <= TIME_BUCKETS.maxMonths ? 'month' : 'year';
}

/**
 * Adds up counts per day (`value` a `YYYY-MM-DD` date, or `YYYY-MM` / `YYYY`) into bars of a
 * width that suits their span, with a zero for every bar without any. Values that are not dates
 * are left out.
 *
 * @example
 * bucketByTime([{ value: '2026-03-02', count: 2 }, { value: '2026-03-04', count: 1 }]);
 * // { unit: 'day', points: [{ value: '2026-03-02', count: 2 }, { value: '2026-03-03', count: 0 }, { value: '2026-03-04', count: 1 }] }
 */
export function bucketByTime(days: readonly FacetCount[], unit?: TimeUnit): TimeSeries {
  const dated = days.map((d) => ({ t: dayOf(d.value), count: d.count })).filter((d): d is { t: number; count: number } => d.t !== undefined);
  if (!dated.length) return { unit: unit ?? 'day', points: [] };
  let first = Infinity;
  let last = -Infinity;
  for (const d of dated) first = Math.min(first, d.t), last = Math.max(last, d.t);
  const width = unit ?? timeUnitFor(first, last);
  const counts = new Map<string, number>();
  for (const d of dated) counts.set(keyOf(d.t, width), (counts.get(keyOf(d.t, width)) ?? 0) + d.count);
  const points: FacetCount[] = [];
  for (let t = startOf(first, width); t <= last; t = next(t, width)) {
    const key = keyOf(t, width);
    points.push({ value: key, count: counts.get(key) ?? 0 });
  }
  return { unit: width, points };
}
