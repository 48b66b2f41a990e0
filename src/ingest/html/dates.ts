/** Parsing of publication dates in the forms pages use, normalised to ISO 8601. */
import { DASHED_MONTH_ABBREVIATIONS, OTHER_MONTH_NAMES } from './constants.js';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
/** Years outside this range are not publication dates (copyright years of old sites still pass). */
export const MIN_YEAR = 1995;
export const MAX_YEAR = 2100;

const ISO = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;
const SLASH_YMD = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const NUMERIC_DMY = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
/** Other languages' month names, longest first so that "juillet" is not read as "juil". */
const OTHER_MONTHS = Object.keys(OTHER_MONTH_NAMES).sort((a, b) => b.length - a.length);
const MONTH_NAME = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|${OTHER_MONTHS.join('|')}`;
/** Month number of an English or other-language month name (any case). */
const monthOf = (name: string) => MONTHS[name.toLowerCase()] ?? OTHER_MONTH_NAMES[name.toLowerCase()] ?? DASHED_MONTH_ABBREVIATIONS[name.toLowerCase()];
// Every month name starts and ends with an ASCII letter, so \b delimits them ("août", "märz").
const MDY = new RegExp(`\\b(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
// "4 September 2025", "4. September 2025" (German), "4 de septiembre de 2025" (Spanish, Portuguese).
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+|de\\s+)?(${MONTH_NAME})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`, 'i');
// "04-Aug-2021", "04-ago-2021": day, month name and year joined by dashes.
const DMY_DASH = new RegExp(`(?<![\\p{L}\\p{N}-])(\\d{1,2})-(${MONTH_NAME}|${Object.keys(DASHED_MONTH_ABBREVIATIONS).join('|')})\\.?-(\\d{4})(?![\\p{L}\\p{N}])`, 'iu');
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|$)/;
const URL_DATE_COMPACT = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[/_-]/;

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function ymd(y: number, m: number, d: number): string | undefined {
  return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/**
 * Normalises a machine or human date string to ISO 8601, keeping the day as written (no time
 * zone shift): "2025-09-04T21:00:00-05:00" stays on 2025-09-04.
 *
 * @example
 * parseDate('September 4, 2025') // '2025-09-04'
 */
export function parseDate(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (!s) return undefined;
  let m = ISO.exec(s);
  if (m) {
    const day = ymd(+m[1], +m[2], +m[3]);
    if (!day) return undefined;
    if (m[4] === undefined) return day;
    const zone = m[7] === undefined ? '' : m[7] === 'Z' ? 'Z' : m[7].includes(':') ? m[7] : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
    return `${day}T${pad(+m[4])}:${m[5]}:${m[6] ?? '00'}${zone}`;
  }
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? +s : +s * 1000;
    const d = new Date(ms);
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return parseTextDate(s);
}

/** A date written in running text, at its character index. */
export interface TextDate {
  index: number;
  /** Index just after the date's characters. */
  end: number;
  value: string;
}

const GLOBAL = (re: RegExp) => new RegExp(re.source, `${re.flags.replace('g', '')}g`);
const MDY_G = GLOBAL(MDY);
const DMY_G = GLOBAL(DMY);
const SLASH_YMD_G = GLOBAL(SLASH_YMD);
const ISO_G = GLOBAL(ISO);
const NUMERIC_DMY_G = GLOBAL(NUMERIC_DMY);
const DMY_DASH_G = GLOBAL(DMY_DASH);

/**
 * Every human-written date in running text ("Sep 4, 2025", "4 September 2025", "04-Sep-2025",
 * "2025/09/04", "09/04/2025"), in text order; where two forms overlap the earlier start wins.
 */
export function findTextDates(s: string): TextDate[] {
  const found: TextDate[] = [];
  const scan = (re: RegExp, read: (m: RegExpExecArray) => string | undefined) => {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const value = read(m);
      if (value) found.push({ index: m.index, end: m.index + m[0].length, value });
    }
  };
  scan(MDY_G, (m) => ymd(+m[3], monthOf(m[1]), +m[2]));
  scan(DMY_G, (m) => ymd(+m[3], monthOf(m[2]), +m[1]));
  scan(DMY_DASH_G, (m) => ymd(+m[3], monthOf(m[2]), +m[1]));
  scan(SLASH_YMD_G, (m) => ymd(+m[1], +m[2], +m[3]));
  scan(ISO_G, (m) => ymd(+m[1], +m[2], +m[3]));
  // Month-first (US) unless the first number cannot be a month.
  scan(NUMERIC_DMY_G, (m) => (+m[1] > 12 ? ymd(+m[3], +m[2], +m[1]) : ymd(+m[3], +m[1], +m[2])));
  found.sort((a, b) => a.index - b.index);
  // One date per start index (two forms can match the same characters).
  return found.filter((d, i) => i === 0 || d.index !== found[i - 1].index);
}

/** Finds the first human-written date in running text ("Sep 4, 2025", "4 September 2025", "2025/09/04"). */
export function parseTextDate(s: string): string | undefined {
  let best: { index: number; value: string } | undefined;
  const consider = (index: number, value: string | undefined) => {
    if (value && (!best || index < best.index)) best = { index, value };
  };
  let m = MDY.exec(s);
  if (m) consider(m.index, ymd(+m[3], monthOf(m[1]), +m[2]));
  m = DMY.exec(s);
  if (m) consider(m.index, ymd(+m[3], monthOf(m[2]), +m[1]));
  m = DMY_DASH.exec(s);
  if (m) consider(m.index, ymd(+m[3], monthOf(m[2]), +m[1]));
  m = SLASH_YMD.exec(s);
  if (m) consider(m.index, ymd(+m[1], +m[2], +m[3]));
  m = ISO.exec(s);
  if (m) consider(m.index, ymd(+m[1], +m[2], +m[3]));
  m = NUMERIC_DMY.exec(s);
  if (m) {
    // Month-first (US) unless the first number cannot be a month.
    const a = +m[1];
    const b = +m[2];
    consider(m.index, a > 12 ? ymd(+m[3], b, a) : ymd(+m[3], a, b));
  }
  return best?.value;
}

/** A date written in a URL path: /2025/09/04/ or /20250904/. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let m = URL_DATE.exec(url);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = URL_DATE_COMPACT.exec(url);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  return undefined;
}
