/** Cleaning of author names read from bylines and metadata ("Written by: Ana Ruiz | May 2, 2025"). */
import { findTextDates } from './dates.js';
import { AUTHOR_STOP, BYLINE_LABEL, BYLINE_NOT_A_NAME, YEARLESS_DATE_START } from './constants.js';

/** Separators between a leading date and the name ("Dec 17, 2025 · Ana Ruiz"). */
const LEADING_SEPARATORS = /^[\s,;:|•·●–—-]+/u;

const NAMED: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/**
 * Decodes the character references left in text that skipped the HTML parser (JSON-LD strings
 * are script content: "Ana &amp; Luis", "Ana&#8217;s").
 */
export function decodeReferences(s: string): string {
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (m, dec, hex, name) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    return NAMED[name.toLowerCase()] ?? m;
  });
}

/**
 * The author name in a byline text: a "By"/"Written by:"/"Author" label before it goes, and so
 * does what follows it (a date, "Updated …", "Reviewed by …", "| 5 min read"). A date written
 * first ("16 May 2025 by Ana Ruiz") goes with its "by". Undefined when no name is left or the
 * text is a comment signature ("Ana says:") or a bare label ("Written by", "Name *").
 */
export function bylineName(text: string): string | undefined {
  let t = text.replace(/\s+/g, ' ').trim();
  if (/\bsays:?$/i.test(t) || /\*$/.test(t)) return undefined;
  // "16 May 2025 by Ana Ruiz": the date before "by" is the post's date; so is the date of
  // "Dec 17, 2025 · Ana Ruiz" (a date line followed by the name).
  const dateFirst = findTextDates(t)[0];
  if (dateFirst && dateFirst.index === 0) {
    const by = /\bby\s+/i.exec(t);
    if (by) t = t.slice(by.index + by[0].length);
    else t = t.slice(dateFirst.end).replace(LEADING_SEPARATORS, '');
  }
  t = t.replace(YEARLESS_DATE_START, '');
  // Labels may come twice ("Author Posted by Ana": a screen-reader label before the visible one).
  for (let i = 0; i < 2; i++) t = t.replace(BYLINE_LABEL, '');
  const date = findTextDates(t)[0];
  if (date) t = t.slice(0, date.index);
  const stop = AUTHOR_STOP.exec(t);
  if (stop) t = t.slice(0, stop.index);
  // "… on May 2, 2025" and "Ana Ruiz ." lose the word or dot that led to the cut (a capitalised
  // "On" is part of a name: "Audio On").
  t = t.replace(/\s+,/g, ',').replace(/(?:\s+(?:on|at)|[\s,;:|•·●–—-]|\s\.)+$/u, '').trim();
  if (!/\p{L}/u.test(t) || BYLINE_NOT_A_NAME.test(t)) return undefined;
  return t;
}
