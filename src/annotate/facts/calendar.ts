// Small calendar arithmetic on UTC days; ISO 8601 formatting.

/** A calendar day. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2016-10-15". */
export function isoDay(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

/** "2016-10". */
export function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

function toUtc(day: Day): number {
  return Date.UTC(day.y, day.m - 1, day.d);
}

function fromUtc(ms: number): Day {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** The day `n` days after (negative: before) `day`. */
export function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * 86400000);
}

/** The month `n` months after `day`'s month, as [year, month]. */
export function addMonths(day: Day, n: number): [number, number] {
  const index = day.y * 12 + (day.m - 1) + n;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** Day of the week, 0 = Sunday. */
export function weekday(day: Day): number {
  return new Date(toUtc(day)).getUTCDay();
}

/** ISO week date "2016-W41" of a day. */
export function isoWeek(day: Day): string {
  const date = new Date(toUtc(day));
  date.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7)); // Thursday of this week decides the year
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${pad(week)}`;
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86400000);
}

/** True when y-m-d is a real calendar day. */
export function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return fromUtc(Date.UTC(y, m - 1, d)).d === d;
}

/** Parses "2016-10-15" (optionally followed by a time) into a day. */
export function parseIsoDay(value: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  const day = { y: +m[1], m: +m[2], d: +m[3] };
  return validDay(day.y, day.m, day.d) ? day : undefined;
}
