import type { TokenView } from './view.js';

/** A stretch of text between quotation marks, as token indices (marks included). */
export interface QuoteSegment {
  /** Token of the opening mark. */
  open: number;
  /** Token of the closing mark, or the last token of the paragraph when the quote stays open. */
  close: number;
  start: number;
  end: number;
  /** True when the segment runs over more than one paragraph. */
  multiParagraph: boolean;
  /** True when a closing mark ends it (not the end of its paragraph). */
  closed: boolean;
}

/**
 * Pairs quotation marks into segments. A quote left open at the end of a paragraph continues
 * when the next paragraph opens with a quotation mark (the newspaper convention for quotes
 * running over paragraphs); otherwise it ends with its paragraph.
 */
export function quoteSegments(v: TokenView): QuoteSegment[] {
  const out: QuoteSegment[] = [];
  let open = -1;
  let multi = false;
  for (let i = 0; i < v.n; i++) {
    if (open >= 0 && i > 0 && v.para[i] !== v.para[i - 1]) {
      if (v.mark[i] === 1) { multi = true; continue; }
      push(open, i - 1, false);
    }
    if (v.mark[i] === 1 && open < 0) { open = i; multi = false; }
    else if (v.mark[i] === 2 && open >= 0) push(open, i, true);
  }
  if (open >= 0) push(open, v.n - 1, false);
  return out;

  function push(from: number, to: number, closed: boolean) {
    out.push({ open: from, close: to, start: v.start[from], end: v.end[to], multiParagraph: multi, closed });
    open = -1;
    multi = false;
  }
}
