import { sortSpans, type ArticleMeta, type Span } from '../model/index.js';
import { matchCaption, matchCreditLine } from './caption.js';
import { findBoilerplate } from './boilerplate.js';
import { findTrailingCredits } from './credits.js';
import { findHead } from './head.js';
import { nonBlankLines } from './lines.js';
import { inferOutlet } from './outlet.js';
import { parseFrontMatter } from './front-matter.js';
import { cleanSpan } from './span.js';

export interface CleanResult {
  boilerplate: Span[];
  structure: Span[];
  meta: Partial<ArticleMeta>;
}

/**
 * Finds the section line, title, byline, dateline, photo captions (with credit and date),
 * trailing credits and site boilerplate in crawled plain text, and infers the outlet from the
 * site's own lines. Only whole lines (or a dateline prefix) are marked; nothing is deleted.
 *
 * @example
 * const { structure, boilerplate, meta } = cleanText('Title\n\nBody text.\n\nSHARE THIS ARTICLE');
 * meta.title; // 'Title'
 * boilerplate[0].label; // 'share'
 */
export function cleanText(text: string, meta: ArticleMeta = {}): CleanResult {
  // A `Key: value … ---` header is metadata, not article text: marked, read, and skipped.
  const front = parseFrontMatter(text);
  meta = front ? { ...front.meta, ...meta } : meta;
  const lines = front ? nonBlankLines(text).filter((line) => line.start >= front.end) : nonBlankLines(text);
  const head = findHead(lines, meta);
  const structure = [...head.structure];
  const claimed = new Set<number>();
  for (let k = 0; k < head.bodyFrom; k++) claimed.add(k);
  for (let k = head.bodyFrom; k < lines.length; k++) {
    const caption = matchCaption(lines[k]);
    const creditLine = caption ? undefined : matchCreditLine(lines[k]);
    if (creditLine) {
      claimed.add(k);
      structure.push(creditLine);
    }
    if (!caption) continue;
    claimed.add(k);
    structure.push(caption.caption);
    if (caption.credit) structure.push(caption.credit);
  }
  const boilerplate = findBoilerplate(lines, head.bodyFrom, claimed);
  const marked = new Set(boilerplate.map((s) => s.start));
  lines.forEach((line, k) => marked.has(line.start) && claimed.add(k));
  structure.push(...findTrailingCredits(lines, head.bodyFrom, claimed));
  const found: Partial<ArticleMeta> = front ? { ...front.meta, ...head.meta } : { ...head.meta };
  if (front) boilerplate.unshift(cleanSpan(0, text.slice(0, front.end).trimEnd().length, 'front-matter', 'front-matter', { kind: 'front-matter' }));
  const outlet = meta.outlet ? undefined : inferOutlet(text, boilerplate);
  if (outlet) found.outlet = outlet;
  return { boilerplate, structure: sortSpans(structure), meta: found };
}
