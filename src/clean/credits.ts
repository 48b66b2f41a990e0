import type { Span } from '../model/index.js';
import type { Line } from './lines.js';
import { cleanSpan } from './span.js';
import * as P from './patterns.js';

/** The kind of a trailing credit line, from its opening words. */
function creditKind(text: string): string {
  if (/^follow/i.test(text)) return 'follow-author';
  if (/^watch/i.test(text)) return 'video-note';
  if (/contributed/i.test(text)) return 'contributor';
  if (/updated/i.test(text)) return 'update-note';
  if (/^h\/t/i.test(text)) return 'hat-tip';
  return 'story-credit';
}

/**
 * Credit lines at the end of an article ("Story by …", "Reporting by …; Editing by …",
 * "Follow Jane Doe on Twitter @jdoe."), searched among the last unclaimed lines. They are
 * `structure` spans labelled `credit` (attrs kind, and person for follow lines): they name
 * people, and marking them keeps them out of the body.
 */
export function findTrailingCredits(lines: readonly Line[], from: number, claimed: ReadonlySet<number>): Span[] {
  const spans: Span[] = [];
  let seen = 0;
  for (let k = lines.length - 1; k >= from && seen < P.CREDIT_WINDOW_LINES; k--) {
    if (claimed.has(k)) continue;
    seen++;
    const line = lines[k];
    if (line.text.length > P.MAX_BOILERPLATE_LINE || !P.TRAILING_CREDIT.test(line.text)) continue;
    const kind = creditKind(line.text);
    const person = kind === 'follow-author' ? P.FOLLOW_AUTHOR.exec(line.text)?.[1] : undefined;
    spans.push(cleanSpan(line.start, line.end, 'credit', 'trailing-credit', person ? { kind, person } : { kind }));
  }
  return spans.reverse();
}
