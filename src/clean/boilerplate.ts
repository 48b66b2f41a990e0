import type { Span } from '../model/index.js';
import type { Line } from './lines.js';
import { cleanSpan } from './span.js';
import * as P from './patterns.js';

/** Whole-line boilerplate rules, tried in order: [kind, pattern]. */
export const BOILERPLATE_RULES: readonly (readonly [string, RegExp])[] = [
  ['mirror-notice', P.MIRROR_NOTICE],
  ['share', P.SHARE_LINE],
  ['follow', P.FOLLOW_LINE],
  ['app-promo', P.APP_PROMO],
  ['newsletter', P.NEWSLETTER],
  ['related', P.RELATED_HEADER],
  ['related', P.RELATED_INLINE],
  ['copyright', P.COPYRIGHT],
  ['furniture', P.PAGE_FURNITURE],
];

/** Sentence-final punctuation: a line ending so is prose, not a headline in a Related list. */
const ENDS_LIKE_PROSE = /[.!…"”:;,]$/;

/** What the previous line opened: the addresses after a mirror notice, the items of a list. */
type Mode = 'none' | 'mirror' | 'related';

/**
 * Marks site boilerplate lines (share, follow, mirror notices and their addresses, app
 * promotions, newsletter prompts, Related lists, copyright, page furniture). `skip` holds the
 * indexes of lines already claimed (title, captions). Returns spans labelled by kind.
 */
export function findBoilerplate(lines: readonly Line[], from: number, skip: ReadonlySet<number>): Span[] {
  const spans: Span[] = [];
  let mode: Mode = 'none';
  let items = 0;
  for (let k = from; k < lines.length; k++) {
    if (skip.has(k)) {
      mode = 'none';
      continue;
    }
    const line = lines[k];
    if (line.text.length > P.MAX_BOILERPLATE_LINE) {
      mode = 'none';
      continue;
    }
    if (mode === 'related' && line.afterBlank && items > 0) mode = 'none'; // a list ends at a blank line
    const kind = BOILERPLATE_RULES.find(([, re]) => re.test(line.text))?.[0] ?? continuation(line, mode);
    if (!kind) {
      mode = 'none';
      continue;
    }
    spans.push(cleanSpan(line.start, line.end, kind, kind, { kind }));
    if (kind === 'mirror-notice') mode = 'mirror';
    else if (kind === 'related' && P.RELATED_HEADER.test(line.text)) {
      mode = 'related';
      items = 0;
    } else if (mode === 'related' && kind === 'related') items++;
    else if (kind !== 'mirror-address') mode = 'none';
  }
  return spans;
}

/** The kind a line takes as part of what the line before opened, if it continues it. */
function continuation(line: Line, mode: Mode): string | undefined {
  if (mode === 'mirror' && P.BARE_ADDRESS.test(line.text)) return 'mirror-address';
  if (mode === 'related' && line.text.length <= P.MAX_RELATED_ITEM_CHARS && !ENDS_LIKE_PROSE.test(line.text)) return 'related';
  return undefined;
}
