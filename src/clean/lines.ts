/** A non-blank line of the text, with its trimmed offsets. */
export interface Line {
  start: number;
  end: number;
  /** The trimmed line, as in the text (offsets within it map to the text by adding `start`). */
  text: string;
  /** True when a blank line (or the start of the text) comes before it. */
  afterBlank: boolean;
}

const SPACE_RUNS = /[\s\u00a0]+/g;

/** Folds runs of white space (including U+00A0, common in crawled text) to one space. */
export function foldSpaces(text: string): string {
  return text.replace(SPACE_RUNS, ' ');
}

/** The non-blank lines of a text, in order, with offsets into the original string. */
export function nonBlankLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let blank = true;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let a = start;
    let b = end;
    while (a < b && /[\s\u00a0]/.test(text[a])) a++;
    while (b > a && /[\s\u00a0]/.test(text[b - 1])) b--;
    if (b > a) {
      out.push({ start: a, end: b, text: text.slice(a, b), afterBlank: blank });
      blank = false;
    } else blank = true;
    start = end + 1;
  }
  return out;
}
