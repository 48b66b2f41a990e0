import { sortSpans, type ArticleMeta, type Span } from '../model/index.js';
import { matchCaption, matchCreditLine } from './caption.js';
import { findBoilerplate } from './boilerplate.js';
import { findTrailingCredits } from './credits.js';
import { findHead } from './head.js';
import { nonBlankLines } from './lines.js';
import { inferOutlet } from './outlet.js';

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
  const lines = nonBlankLines(text);
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
  const found: Partial<ArticleMeta> = { ...head.meta };
  const outlet = meta.outlet ? undefined : inferOutlet(text, boilerplate);
  if (outlet) found.outlet = outlet;
  return { boilerplate, structure: sortSpans(structure), meta: found };
}
