import type { ArticleMeta, Span } from '../model/index.js';
import { foldSpaces, type Line } from './lines.js';
import { cleanSpan } from './span.js';
import * as P from './patterns.js';

/** What the head of an article holds: section line, title, byline, dateline. */
export interface HeadResult {
  structure: Span[];
  meta: Partial<ArticleMeta>;
  /** Index of the first line after the title (where the body begins). */
  bodyFrom: number;
}

/** True when a line reads as a breadcrumb ("News / Interviews") rather than a title. */
export function isBreadcrumb(line: Line): boolean {
  const folded = foldSpaces(line.text);
  return folded.length <= P.MAX_BREADCRUMB_CHARS && folded.split(' ').length <= P.MAX_BREADCRUMB_WORDS + 3 && P.BREADCRUMB.test(folded)
    && folded.split(/\s+[\/>»›|]\s+/).every((seg) => seg.split(' ').length <= 3);
}

/**
 * Finds the section line and the title at the top of plain text, then a byline and a wire
 * dateline in the first lines after it. The title is the first line (after a breadcrumb) when
 * it is short and more text follows; an HTML title given in `meta` takes precedence.
 */
export function findHead(lines: readonly Line[], meta: ArticleMeta): HeadResult {
  const structure: Span[] = [];
  const found: Partial<ArticleMeta> = {};
  let i = 0;
  if (lines.length > 2 && isBreadcrumb(lines[0])) {
    found.section = foldSpaces(lines[0].text);
    const path = found.section.split(/\s+[\/>»›|]\s+/);
    structure.push(cleanSpan(lines[0].start, lines[0].end, 'section', 'breadcrumb', { path }));
    i = 1;
  }
  const first = lines[i];
  if (first && i + 1 < lines.length && first.text.length <= P.MAX_TITLE_CHARS) {
    const sameAsMeta = meta.title !== undefined && foldSpaces(meta.title).trim() === foldSpaces(first.text);
    if (!meta.title || sameAsMeta) {
      structure.push(cleanSpan(first.start, first.end, 'title', sameAsMeta ? 'meta-title' : 'first-line'));
      if (!meta.title) found.title = first.text;
      i++;
    }
  }
  for (let k = i; k < Math.min(lines.length, i + P.BYLINE_WINDOW_LINES); k++) {
    const line = lines[k];
    const by = line.text.length <= P.MAX_BYLINE_CHARS ? P.BYLINE.exec(line.text) : null;
    if (by) {
      structure.push(cleanSpan(line.start, line.end, 'byline', 'by-line', { author: by[1] }));
      if (!meta.author) found.author = by[1];
      break;
    }
  }
  for (let k = i; k < Math.min(lines.length, i + P.DATELINE_WINDOW_LINES); k++) {
    const dateline = matchDateline(lines[k]);
    if (dateline) {
      structure.push(dateline);
      break;
    }
  }
  return { structure, meta: found, bodyFrom: i };
}

/** Minimum letters in a dateline's place name, and minimum paragraph length after it. */
const MIN_DATELINE_PLACE_LETTERS = 3;
const MIN_TEXT_AFTER_DATELINE = 40;

/** A wire dateline opening a paragraph ("DALLAS (AP) — "), as a span over that prefix. */
export function matchDateline(line: Line): Span | undefined {
  const m = P.DATELINE.exec(line.text);
  if (!m || line.text.length - m[0].length < MIN_DATELINE_PLACE_LETTERS + MIN_TEXT_AFTER_DATELINE) return undefined;
  const place = m[1].trim();
  if ((place.match(/\p{Lu}/gu) ?? []).length < MIN_DATELINE_PLACE_LETTERS) return undefined;
  const end = line.start + m[0].trimEnd().length;
  const attrs: Record<string, string> = { place: place.replace(/,.*$/, '') };
  if (m[2]) attrs.agency = m[2].trim();
  return cleanSpan(line.start, end, 'dateline', 'wire-dateline', attrs);
}
