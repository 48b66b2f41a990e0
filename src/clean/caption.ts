import type { Span } from '../model/index.js';
import { findIsoDate } from './dates.js';
import { KNOWN_OUTLETS } from './outlets.js';
import type { Line } from './lines.js';
import { cleanSpan } from './span.js';
import * as P from './patterns.js';

/** A caption line: the caption span (whole line) and the credit span inside it. */
export interface CaptionMatch {
  caption: Span;
  credit?: Span;
}

/**
 * Recognises a photo caption line — one that ends in a photo credit ("… (Photo by AFP)") or
 * opens with a copyright mark and a picture agency ("© Reuters Protesters …") — and returns
 * the caption (attrs: credit, date as ISO when the caption names one) and the credit span.
 */
export function matchCaption(line: Line): CaptionMatch | undefined {
  if (line.text.length > P.MAX_CAPTION_CHARS) return undefined;
  if (line.text.charCodeAt(0) === COPYRIGHT_SIGN) return copyrightCaption(line);
  if (!P.PICTURE_WORD.test(line.text)) return undefined; // cheap filter before the tail patterns
  const note = P.PHOTO_NOTE_TAIL.exec(line.text);
  if (note && note.index > 0) return build(line, note.index + (note[0].length - note[0].trimStart().length), line.text.length, '', 'photo-note');
  const tail = P.PHOTO_CREDIT_TAIL.exec(line.text);
  if (tail) {
    const credit = (tail[1] ?? tail[2] ?? tail[3] ?? '').trim();
    return build(line, tail.index + (tail[0].length - tail[0].trimStart().length), line.text.length, credit, 'photo-credit');
  }
  return undefined;
}

const COPYRIGHT_SIGN = 0xa9;

/** "© AFP Crowds greet …": a caption opened by a picture agency's copyright mark. */
function copyrightCaption(line: Line): CaptionMatch | undefined {
  const head = P.COPYRIGHT_CAPTION.exec(line.text);
  if (head) {
    const provider = /^Provided by /.exec(head[1]) ? providerLength(line.text) : undefined;
    const to = provider ?? head[0].trimEnd().length;
    return build(line, 0, to, line.text.slice(0, to).replace(/^©\s*(?:Provided by\s+)?/, '').trim(), 'copyright-caption');
  }
  return undefined;
}

/** Where a "© Provided by <known outlet>" credit ends, when the outlet is a known one. */
function providerLength(text: string): number | undefined {
  const at = text.indexOf('Provided by ') + 'Provided by '.length;
  const rest = text.slice(at);
  for (const outlet of KNOWN_OUTLETS) {
    const m = outlet.pattern.exec(rest);
    if (m && m.index === 0) return at + m[0].length;
  }
  return undefined;
}

function build(line: Line, creditFrom: number, creditTo: number, credit: string, rule: string): CaptionMatch {
  const date = findIsoDate(line.text);
  const attrs: Record<string, string> = {};
  if (credit) attrs.credit = credit;
  if (date) attrs.date = date;
  return {
    caption: cleanSpan(line.start, line.end, 'caption', rule, attrs),
    credit: creditTo > creditFrom ? cleanSpan(line.start + creditFrom, line.start + creditTo, 'credit', rule, credit ? { credit } : undefined) : undefined,
  };
}

/** A line that is only a photo credit ("Getty Images", "(AP Photo/Jane Doe)") as a `credit` span. */
export function matchCreditLine(line: Line): Span | undefined {
  if (line.text.length > P.MAX_BYLINE_CHARS) return undefined;
  const m = P.PHOTO_CREDIT_LINE.exec(line.text);
  return m ? cleanSpan(line.start, line.end, 'credit', 'photo-credit-line', { kind: 'photo-credit', credit: m[1].trim() }) : undefined;
}
