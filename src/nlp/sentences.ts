import type { TokenBounds } from './tokenizer.js';
import { SENTENCE_CLOSERS, SENTENCE_CONTINUATIONS } from './rules.js';

/**
 * A rule sentence splitter over tokens, following wink-nlp's conventions: a sentence ends at a
 * full stop, question or exclamation mark or ellipsis, together with the closing quotes and
 * brackets right after it; and at a line break (news texts put headlines, datelines and list
 * items on lines of their own). Abbreviations and initials are single tokens ("Mr.", "J."), so
 * their stops end nothing unless the abbreviation closes a line.
 */

// Character codes used below.
const NEWLINE = 10;
const FULL_STOP = 46;
const QUESTION = 63;
const EXCLAMATION = 33;
const ELLIPSIS = 0x2026;

const CLOSERS = SENTENCE_CLOSERS;

const NOT_TERMINAL = 0;
const MARK = 1;
const ELLIPSIS_MARK = 2;
const ABBREVIATION = 3;

/**
 * How the token `text[start, end)` may end a sentence: a mark (. ! ? or a run of them), an
 * ellipsis (… or ...), an abbreviation or initial ending with a stop ("Inc.", "J."), or not.
 */
function terminalKind(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  if (last !== FULL_STOP && last !== QUESTION && last !== EXCLAMATION && last !== ELLIPSIS) return NOT_TERMINAL;
  let dots = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === FULL_STOP) dots++;
    else if (c === ELLIPSIS) dots += 3;
    else if (c !== QUESTION && c !== EXCLAMATION) return last === FULL_STOP ? ABBREVIATION : NOT_TERMINAL;
  }
  return dots >= 2 && end - start === dots - (last === ELLIPSIS ? 2 : 0) ? ELLIPSIS_MARK : MARK;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === NEWLINE) return true;
  return false;
}

/**
 * Appends the sentences of tokens `[first, last)` (one paragraph or chunk: a sentence never
 * crosses it) to `out` as pairs of token indices `[from, to)`.
 */
export function splitSentences(text: string, tokens: TokenBounds, first: number, last: number, out: number[]): void {
  const { starts, ends } = tokens;
  let open = first;
  let i = first;
  while (i < last) {
    let close = -1;
    const kind = terminalKind(text, starts[i], ends[i]);
    if (kind !== NOT_TERMINAL) {
      close = i + 1;
      // "!!!", "?!": a run of marks glued together ends once.
      while (close < last && starts[close] === ends[close - 1] && terminalKind(text, starts[close], ends[close]) === MARK) close++;
      // Closing quotes and brackets glued to the mark belong to this sentence.
      while (close < last && starts[close] === ends[close - 1] && CLOSERS.has(text[starts[close]])) close++;
      if (close < last) {
        const lineBreak = hasNewline(text, ends[close - 1], starts[close]);
        // An abbreviation's stop ends a sentence only at the end of a line; an ellipsis only
        // before a capital; any mark not before a lower-case word, more punctuation or a list dash.
        if (kind === ABBREVIATION ? !lineBreak : startsLikeContinuation(text, starts[close], kind === ELLIPSIS_MARK, lineBreak)) close = -1;
      }
    }
    if (close > 0) {
      out.push(open, close);
      open = close;
      i = close;
      continue;
    }
    i++;
  }
  if (open < last) out.push(open, last);
}

/**
 * Whether the token after a terminal mark continues the sentence (as wink has it): more
 * punctuation or a list dash; after an ellipsis on the same line, anything but a capital.
 */
function startsLikeContinuation(text: string, start: number, ellipsis: boolean, lineBreak: boolean): boolean {
  const c = text.charCodeAt(start);
  if (ellipsis && !lineBreak) return !(c >= 65 && c <= 90);
  return CONTINUATIONS.has(text[start]);
}

const CONTINUATIONS = SENTENCE_CONTINUATIONS;
