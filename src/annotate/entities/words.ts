import type { Span } from '../../model/index.js';

/** A word as the recogniser sees it: one or more NLP tokens, with its text offsets. */
export interface Word {
  start: number;
  end: number;
  text: string;
}

/** Joiners that glue tokens into one CoNLL-style word when nothing separates them. */
const JOINERS = {
  /** "al-Assad", "US-backed", "al-Qaeda-affiliated". */
  hyphen: /^[-\u2010\u2011]$/,
  /** "Attackthesystem.com", "presstv.co.uk": a dot followed by a lower-case domain part. */
  dot: /^\.$/,
  domainPart: /^[a-z][a-z0-9-]*$/,
  wordy: /[\p{L}\p{N}]$/u,
} as const;

/**
 * Groups the tokens of each sentence into words the way CoNLL-2003 tokenises: hyphenated
 * compounds and web addresses stay one word (wink-nlp splits "al-Assad" into al, -, Assad).
 * Returns one array of words per sentence; tokens outside every sentence are ignored.
 *
 * @example
 * // text "Bashar al-Assad" with tokens Bashar | al | - | Assad → words Bashar, al-Assad
 */
export function sentenceWords(text: string, tokens: readonly Span[], sentences: readonly Span[]): Word[][] {
  const out: Word[][] = [];
  let t = 0;
  for (const sentence of joinGlued(sentences)) {
    while (t < tokens.length && tokens[t].end <= sentence.start) t++;
    const words: Word[] = [];
    for (; t < tokens.length && tokens[t].start < sentence.end; t++) {
      const tok = tokens[t];
      if (words.length && hasLineBreak(text, words[words.length - 1].end, tok.start)) {
        // A line break ends a sentence (headlines, lists, footers): never tag across it.
        out.push(words.splice(0));
      }
      const piece = text.slice(tok.start, tok.end);
      const last = words[words.length - 1];
      const next = tokens[t + 1];
      if (last && last.end === tok.start && joins(last.text, piece, next && next.start === tok.end ? text.slice(next.start, next.end) : undefined)) {
        // Glue the joiner and the token after it onto the previous word.
        const end = next!.end;
        words[words.length - 1] = { start: last.start, end, text: text.slice(last.start, end) };
        t++;
        continue;
      }
      words.push({ start: tok.start, end: tok.end, text: piece });
    }
    if (words.length) out.push(words);
  }
  return out;
}

/** Whether `text[from, to)` contains a line feed (no slice: this runs once per token). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function joins(previous: string, joiner: string, after: string | undefined): boolean {
  if (after === undefined || !JOINERS.wordy.test(previous)) return false;
  if (JOINERS.hyphen.test(joiner)) return /^[\p{L}\p{N}]/u.test(after);
  if (JOINERS.dot.test(joiner)) return JOINERS.domainPart.test(after) && /[a-z]$/i.test(previous) && previous.length > 1;
  return false;
}

/** Sentences split inside a glued string ("Attackthesystem.com") are joined back. */
function joinGlued(sentences: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (last && last.end === s.start) out[out.length - 1] = { ...last, end: s.end };
    else out.push(s);
  }
  return out;
}
