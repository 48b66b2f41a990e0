import type { Span } from '../../model/index.js';
import type { TokenWords } from '../../nlp/token-words.js';

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
  return documentWords(text, tokens, sentences).sentences.map(wordObjects);
}

/** A sentence's words as objects. */
function wordObjects(s: SentenceWords): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < s.texts.length; i++) out.push({ start: s.starts[i], end: s.ends[i], text: s.texts[i] });
  return out;
}

/** The words of one sentence as columns: texts and text offsets (no object per word). */
export interface SentenceWords {
  readonly texts: string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** `sentenceWords` as columns, with each word's id in the nlp word table. */
export interface DocumentWords {
  sentences: SentenceWords[];
  /** The words' texts, per sentence (the same arrays as `sentences[s].texts`). */
  texts: string[][];
  /** Per sentence, per word: its id in `nlp.table` when it is one token with an id, else -1. Absent without `nlp`. */
  ids?: Int32Array[];
}

/**
 * `sentenceWords` as columns, reading single-token words from the nlp word table when the
 * tokens have ids there (`tokenWords`): the word text is the table's shared string (no slice),
 * and the id comes along so the recogniser can look the word up by number.
 */
export function documentWords(text: string, tokens: readonly Span[], sentences: readonly Span[], nlp?: TokenWords): DocumentWords {
  const out: SentenceWords[] = [];
  const ids: Int32Array[] | undefined = nlp ? [] : undefined;
  const tokenIds = nlp?.ids;
  const table = nlp?.table;
  // Token offsets as columns (from the nlp stage when it has them: no token object is read).
  const starts = nlp?.starts ?? offsetsOf(tokens, true);
  const ends = nlp?.ends ?? offsetsOf(tokens, false);
  const count = starts.length;
  // Word ids and offsets of the whole document in one array each (a word is at least a
  // token); per sentence a view.
  const flat = nlp ? new Int32Array(count) : undefined;
  const wordStarts = new Int32Array(count);
  const wordEnds = new Int32Array(count);
  let used = 0;
  let opened = 0;
  let t = 0;
  let texts: string[] = [];
  const allTexts: string[][] = [];
  for (const sentence of joinGlued(sentences)) {
    while (t < count && ends[t] <= sentence.start) t++;
    for (; t < count && starts[t] < sentence.end; t++) {
      const start = starts[t];
      const end = ends[t];
      if (used > opened && hasLineBreak(text, wordEnds[used - 1], start)) {
        // A line break ends a sentence (headlines, lists, footers): never tag across it.
        out.push({ texts, starts: wordStarts.subarray(opened, used), ends: wordEnds.subarray(opened, used) });
        allTexts.push(texts);
        if (ids) ids.push(flat!.subarray(opened, used));
        opened = used;
        texts = [];
      }
      const id = tokenIds ? tokenIds[t] : -1;
      const piece = id >= 0 ? table!.word(id) : text.slice(start, end);
      if (used > opened && wordEnds[used - 1] === start && isJoiner(piece)) {
        const hasNext = t + 1 < count;
        if (joins(texts[texts.length - 1], piece, hasNext && starts[t + 1] === end ? text.slice(starts[t + 1], ends[t + 1]) : undefined)) {
          // Glue the joiner and the token after it onto the previous word.
          const joinedEnd = ends[t + 1];
          texts[texts.length - 1] = text.slice(wordStarts[used - 1], joinedEnd);
          wordEnds[used - 1] = joinedEnd;
          if (flat) flat[used - 1] = -1;
          t++;
          continue;
        }
      }
      texts.push(piece);
      wordStarts[used] = start;
      wordEnds[used] = end;
      if (flat) flat[used] = id;
      used++;
    }
    if (used > opened) {
      out.push({ texts, starts: wordStarts.subarray(opened, used), ends: wordEnds.subarray(opened, used) });
      allTexts.push(texts);
      if (ids) ids.push(flat!.subarray(opened, used));
      opened = used;
      texts = [];
    }
  }
  return { sentences: out, texts: allTexts, ids };
}

/** The start (or end) offsets of the tokens as one column. */
function offsetsOf(tokens: readonly Span[], start: boolean): Int32Array {
  const out = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = start ? tokens[i].start : tokens[i].end;
  return out;
}

/** Whether `text[from, to)` contains a line feed (no slice: this runs once per token). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Whether a token can be a joiner at all (one hyphen or full stop): `joins` is false otherwise. */
function isJoiner(piece: string): boolean {
  if (piece.length !== 1) return false;
  const c = piece.charCodeAt(0);
  return c === 45 || c === 46 || c === 0x2010 || c === 0x2011;
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
