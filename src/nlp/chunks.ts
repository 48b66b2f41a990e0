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

const LONG_WORD = new RegExp(`\\S{${MAX_WORD_CHARS},}`, 'g');
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
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(LONG_WORD)) {
    const at = start + m.index!;
    splitText(text, cursor, at, out);
    out.push({ start: at, end: at + m[0].length, kind: 'long-word' });
    cursor = at + m[0].length;
  }
  splitText(text, cursor, end, out);
  return out;
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
