/**
 * Bounds the work wink-nlp does on pathological input. Its tokenizer slows down sharply on
 * very long runs without white space (a 100,000-character "word" takes ~30 s), and very long
 * paragraphs are better fed in pieces. Ordinary articles are one chunk per paragraph.
 */

/** Runs of non-space characters at least this long are one token of their own (label X). */
export const MAX_WORD_CHARS = 200;
/** Text is fed to wink in chunks of at most about this many characters. */
export const MAX_CHUNK_CHARS = 100_000;

/** A piece of a paragraph: text for the tokenizer, or an overlong run kept as one token. */
export interface Chunk {
  start: number;
  end: number;
  kind: 'text' | 'long-word';
}

const SPACE = /\s/;
const SENTENCE_END = /[.!?]["'”’)\]]*\s/g;

/**
 * Splits `text[start, end)` into chunks: overlong runs without spaces become `long-word`
 * chunks, and the rest is cut into `text` chunks of at most MAX_CHUNK_CHARS, at a sentence end
 * where there is one (else at white space).
 */
export function chunkParagraph(text: string, start: number, end: number): Chunk[] {
  if (end - start <= MAX_WORD_CHARS) return [{ start, end, kind: 'text' }];
  const out: Chunk[] = [];
  let cursor = start;
  // Runs of non-space characters (\S+) of at least MAX_WORD_CHARS, found by one scan (a regex
  // \S{200,} retries at every position of every word).
  let run = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !isSpace(text.charCodeAt(i))) continue;
    if (i - run >= MAX_WORD_CHARS) {
      splitText(text, cursor, run, out);
      out.push({ start: run, end: i, kind: 'long-word' });
      cursor = i;
    }
    run = i + 1;
  }
  splitText(text, cursor, end, out);
  return out;
}

/** The same characters as the regex class \s (ASCII answered without the regex). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCharCode(c));
}

function splitText(text: string, start: number, end: number, out: Chunk[]): void {
  while (end - start > MAX_CHUNK_CHARS) {
    const window = text.slice(start, start + MAX_CHUNK_CHARS);
    let cut = -1;
    for (const m of window.matchAll(SENTENCE_END)) cut = m.index! + m[0].length;
    if (cut <= 0) cut = window.lastIndexOf(' ') + 1;
    if (cut <= 0) cut = MAX_CHUNK_CHARS;
    out.push({ start, end: start + cut, kind: 'text' });
    start += cut;
  }
  if (text.slice(start, end).trim()) out.push({ start, end, kind: 'text' });
}
