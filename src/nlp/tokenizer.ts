import * as rules from './rules.js';

// Module-local copies of the word lists (read on every piece).
const ABBREVIATIONS = rules.ABBREVIATIONS;
const CONTRACTION_SUFFIXES = rules.CONTRACTION_SUFFIXES;
const HYPHEN_PREFIXES = rules.HYPHEN_PREFIXES;
const HYPHEN_SUFFIXES = rules.HYPHEN_SUFFIXES;
const WHOLE_APOSTROPHE_WORDS = rules.WHOLE_APOSTROPHE_WORDS;

/**
 * A rule tokenizer following wink-nlp's English conventions: text is cut at white space, then
 * each piece loses its leading and trailing punctuation and is split into words, numbers, URLs,
 * contractions ("do|n't"), hyphenated parts ("self|-|defense") and symbols. Offsets are exact
 * (every token is a slice of the text). Plain words, the bulk of news text, take a fast path.
 */

/** Token boundaries: `starts[i]`, `ends[i]` for `i < length` (grown as needed). */
export interface TokenBounds {
  starts: Int32Array;
  ends: Int32Array;
  length: number;
  /** Length of the longest run without white space seen since the bounds were made or reset. */
  longestPiece: number;
}

/** Empty bounds with room for `capacity` tokens. */
export function newBounds(capacity = 1024): TokenBounds {
  return { starts: new Int32Array(capacity), ends: new Int32Array(capacity), length: 0, longestPiece: 0 };
}

function push(out: TokenBounds, start: number, end: number): void {
  if (end <= start) return;
  if (out.length === out.starts.length) {
    const starts = new Int32Array(out.length * 2);
    const ends = new Int32Array(out.length * 2);
    starts.set(out.starts);
    ends.set(out.ends);
    out.starts = starts;
    out.ends = ends;
  }
  out.starts[out.length] = start;
  out.ends[out.length++] = end;
}

// Character classes of the ASCII range, as bit flags in one table.
const LETTER = 1;
const DIGIT = 2;
const SPACE = 4;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ASCII[c] = LETTER;
  else if (c >= 48 && c <= 57) ASCII[c] = DIGIT;
  else if (c === 32 || (c >= 9 && c <= 13)) ASCII[c] = SPACE;
}
const UNICODE_LETTER = /[\p{L}\p{M}]/u;

/** The white space of the regex class \s, by code (no string or regex per character). */
function isSpace(c: number): boolean {
  if (c < 128) return ASCII[c] === SPACE;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Letters of any script (and combining marks, which belong to the letter before them). */
function isLetter(c: number): boolean {
  return c < 128 ? ASCII[c] === LETTER : c !== 0x2019 && c !== 0x2018 && UNICODE_LETTER.test(String.fromCharCode(c));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LEADING = rules.LEADING_PUNCTUATION;
const TRAILING = rules.TRAILING_PUNCTUATION;
const DASHES = new Set([...'-–—']);
const APOSTROPHES = new Set(["'", '’']);

/**
 * Appends the tokens of `text[from, to)` to `out`. Pieces of the text between white space are
 * tokenised on their own, so a token never spans white space.
 */
export function tokenizeRange(text: string, from: number, to: number, out: TokenBounds): void {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    let plain = true; // ASCII letters only so far
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const k = ASCII[c];
        if (k === SPACE) break;
        if (k !== LETTER) plain = false;
      } else if (isSpace(c)) break;
      else plain = false;
    }
    if (i - start > out.longestPiece) out.longestPiece = i - start;
    if (plain) {
      const split = i - start === CANNOT.length && text.slice(start, i).toLowerCase() === CANNOT ? 3 : 0;
      if (split) push(out, start, start + split);
      push(out, start + split, i);
    } else if (plainThenStop(text, start, i) && !(i - 1 - start === CANNOT.length && text.slice(start, i - 1).toLowerCase() === CANNOT)) {
      // "word," / "word." — the next commonest shape
      push(out, start, i - 1);
      push(out, i - 1, i);
    } else splitPiece(text, start, i, out);
  }
}

/** ASCII letters followed by one comma, semicolon, or a full stop that ends no abbreviation. */
function plainThenStop(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const last = text.charCodeAt(end - 1);
  if (last !== 44 && last !== 46 && last !== 59) return false;
  for (let k = start; k < end - 1; k++) if (ASCII[text.charCodeAt(k)] !== LETTER || text.charCodeAt(k) >= 128) return false;
  return last !== 46 || !ABBREVIATIONS.has(text.slice(start, end - 1).toLowerCase());
}

/** Whether `text[start, end)`, which ends with a full stop, keeps that stop as one token. */
function keepsStop(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n === 2) return isLetter(text.charCodeAt(start)); // "J." initials
  if (SHORT_FORM.test(text.slice(start, end))) return true; // "U.S.", "p.m."
  return ABBREVIATIONS.has(text.slice(start, end - 1).toLowerCase());
}

/** Dotted short forms: "U.S.", "e.g.", "U.S" (letters each followed by a stop). */
const SHORT_FORM = /^(?:\p{L}\.)+\p{L}?\.?$/u;

/**
 * One piece between white space: peels leading and trailing punctuation, then splits the
 * core into tokens.
 */
function splitPiece(text: string, start: number, end: number, out: TokenBounds): void {
  // Leading punctuation, one token each ("--" and "..." runs as one).
  while (start < end) {
    const ch = text[start];
    if (ch === "'" || ch === '’') {
      // "'90s" is a decade, "'s" a clitic: not peeled
      if (DECADE_AT.test(text.slice(start, Math.min(end, start + 6)))) break;
      if (end - start >= 2 && (text[start + 1] === 's' || text[start + 1] === 'S') && (end - start === 2 || !isLetter(text.charCodeAt(start + 2)))) break;
    }
    if (ch === '-' || ch === '–' || ch === '—') {
      if (start + 1 < end && isDigit(text.charCodeAt(start + 1)) && ch === '-') break; // "-5"
      const run = text[start + 1] === ch && ch !== '—' ? 2 : 1;
      push(out, start, start + run);
      start += run;
      continue;
    }
    if (ch === '.' && text[start + 1] === '.') {
      let k = start;
      while (k < end && text[k] === '.') k++;
      push(out, start, k);
      start = k;
      continue;
    }
    if (!LEADING.has(ch)) break;
    push(out, start, start + 1);
    start++;
  }
  if (start >= end) return;
  // Trailing punctuation, collected from the end and emitted after the core.
  const tail: number[] = [];
  let coreEnd = end;
  while (coreEnd > start) {
    const ch = text[coreEnd - 1];
    if (ch === '.') {
      let k = coreEnd - 1;
      while (k > start && text[k - 1] === '.') k--;
      if (coreEnd - k >= 2) {
        tail.push(k, coreEnd);
        coreEnd = k;
        continue;
      }
      if (coreEnd - 1 > start && keepsStop(text, start, coreEnd)) break;
      if (coreEnd - 1 > start && URL_START.test(text.slice(start, coreEnd))) break;
      tail.push(coreEnd - 1, coreEnd);
      coreEnd--;
      continue;
    }
    if (!TRAILING.has(ch)) break;
    if (APOSTROPHES.has(ch) && coreEnd - start >= 2) {
      // "'s" at the end is a clitic, handled with the word
      const before = text[coreEnd - 2];
      if (before === 's' && coreEnd - start === 2) break;
    }
    if (DASHES.has(ch) && text[coreEnd - 2] === ch && ch !== '—') {
      tail.push(coreEnd - 2, coreEnd);
      coreEnd -= 2;
      continue;
    }
    tail.push(coreEnd - 1, coreEnd);
    coreEnd--;
  }
  if (coreEnd > start) splitCore(text, start, coreEnd, out);
  for (let k = tail.length - 2; k >= 0; k -= 2) push(out, tail[k], tail[k + 1]);
}

/** The one plain word split in two ("can|not"), handled on the fast path. */
const CANNOT = 'cannot';

const DECADE_AT = /^['’]\d0s(?![\p{L}'’])/u;
const URL_START = /^(?:(?:https?|ftp):\/\/|www\.)/i;

/**
 * Patterns tried in order at each position of a piece's core (sticky). The first that matches
 * makes a token (words get further splitting); a character no pattern takes is one token. The
 * names document the alternatives; `CORE` runs them with one capture group, for words alone
 * (a match then builds one substring and no groups object).
 */
const CORE_NAMED = new RegExp(
  [
    /(?<url>(?:(?:https?|ftp):\/\/|www\.)[^\s]+)/u.source,
    /(?<email>[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/u.source,
    /(?<handle>[@#][a-z_][\w]*)/u.source,
    /(?<time>(?:[01]?\d|2[0-3])(?::[0-5]\d)?(?:[ap]\.?m\.?|hrs|hours)(?![\p{L}\d]))/u.source,
    /(?<ordinal>\d*(?:1st|2nd|3rd|\dth)(?![\p{L}\d]))/u.source,
    /(?<decade>(?:['’]\d0s|[12]\d\d0s)(?![\p{L}\d'’]))/u.source,
    /(?<currency>(?:US|[CA]|HK|NZ|S)\$|[$£€¥₹₽₩₿]+)/u.source,
    /(?<number>[+-]?\d+(?:[.,\-/:]\d+)*)/u.source,
    /(?<word>[\p{L}\p{M}][\p{L}\p{M}\d]*(?:[.\-–'’&]?[\p{L}\p{M}\d]+)*\.?)/u.source,
    /(?<dots>\.{2,}|--|––|_+)/u.source,
  ].join('|'),
  'iuy',
);
const CORE = new RegExp(CORE_NAMED.source.replace(/\(\?<word>/, '(').replace(/\(\?<\w+>/g, '(?:'), CORE_NAMED.flags);

function splitCore(text: string, start: number, end: number, out: TokenBounds): void {
  const core = text.slice(start, end);
  if (text.charCodeAt(end - 1) === 46 && ABBREVIATIONS.has(core.slice(0, -1).toLowerCase())) {
    push(out, start, end);
    return;
  }
  let i = 0;
  while (i < core.length) {
    CORE.lastIndex = i;
    const m = CORE.exec(core);
    if (!m || m[0].length === 0) {
      const cp = core.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      push(out, start + i, start + i + w);
      i += w;
      continue;
    }
    if (m[1] !== undefined) {
      // A number glued before a unit ("5km") has been taken as a number already.
      pushWord(text, start + i, start + i + m[0].length, out);
    } else push(out, start + i, start + i + m[0].length);
    i += m[0].length;
  }
}

/**
 * A word as the core pattern found it (letters, digits and inner . - ' &): splits a contraction
 * off its end, then full stops that end no short form, then hyphens (see `pushHyphenated`).
 */
function pushWord(text: string, start: number, end: number, out: TokenBounds): void {
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  if (APOSTROPHE.test(word) && !WHOLE_APOSTROPHE_WORDS.has(lower)) {
    const apos = lower.replace(/’/g, "'");
    for (const suffix of CONTRACTION_SUFFIXES) {
      if (apos.length > suffix.length && apos.endsWith(suffix)) {
        const cut = end - suffix.length;
        pushWord(text, start, cut, out);
        push(out, cut, end);
        return;
      }
    }
  }
  if (lower === CANNOT) {
    push(out, start, start + 3);
    push(out, start + 3, end);
    return;
  }
  if (word.indexOf('.') < 0 || SHORT_FORM.test(word) || (word.endsWith('.') && word.indexOf('.') === word.length - 1 && keepsStop(text, start, end))) {
    pushHyphenated(text, start, end, out);
    return;
  }
  // Inner full stops: "end.The" → end | . | The (a short form before a stop stays whole).
  let from = start;
  for (let k = start; k < end; k++) {
    if (text.charCodeAt(k) !== 46) continue;
    if (k + 1 === end && keepsStop(text, from, end)) {
      pushHyphenated(text, from, end, out);
      return;
    }
    pushHyphenated(text, from, k, out);
    push(out, k, k + 1);
    from = k + 1;
  }
  pushHyphenated(text, from, end, out);
}

const HYPHEN = /[-–—]/;
const APOSTROPHE = /['’]/;
const HAS_DIGIT = /\d/;

/**
 * Hyphenated words are split into parts and hyphens ("self|-|defense"), unless they contain a
 * digit ("COVID-19"), start with a prefix like "anti" or end with a suffix like "gate".
 */
function pushHyphenated(text: string, start: number, end: number, out: TokenBounds): void {
  const word = text.slice(start, end);
  if (!HYPHEN.test(word) || HAS_DIGIT.test(word)) {
    push(out, start, end);
    return;
  }
  const parts = word.split(HYPHEN);
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (preserved(first, HYPHEN_PREFIXES) || preserved(last, HYPHEN_SUFFIXES)) {
    push(out, start, end);
    return;
  }
  let k = start;
  for (const part of parts) {
    push(out, k, k + part.length);
    k += part.length;
    if (k < end) push(out, k, k + 1);
    k++;
  }
}

/** Whether `part` is in `set` as written in lower case, capitalised or upper case (as wink). */
function preserved(part: string, set: ReadonlySet<string>): boolean {
  const lower = part.toLowerCase();
  if (!set.has(lower)) return false;
  return part === lower || part === lower.toUpperCase() || part === lower[0].toUpperCase() + lower.slice(1);
}

/** Tokens of a whole text as [start, end) pairs (for tests and tools). */
export function tokenBounds(text: string): [number, number][] {
  const out = newBounds();
  tokenizeRange(text, 0, text.length, out);
  return Array.from({ length: out.length }, (_, i) => [out.starts[i], out.ends[i]] as [number, number]);
}

