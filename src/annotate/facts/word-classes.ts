import { EVALUATIVE_WORDS, HEDGES, INTENSIFIERS, MODALS, MONTHS, QUALIFIERS, REPORTING_VERBS, WEEKDAYS } from './constants.js';

/**
 * Every word list the facts stage consults per token, as bit flags in one table: a token costs
 * one lookup (made once per article and shared by dates, figures, statements and attribution)
 * instead of one per list and module.
 */
export const W = {
  // Dates: words a date match can start with, and what the next word must be for the pattern to be tried.
  standalone: 1 << 0,
  preposition: 1 << 1,
  relative: 1 << 2,
  qualifier: 1 << 3,
  number: 1 << 4,
  recent: 1 << 5,
  unit: 1 << 6,
  weekday: 1 << 7,
  // Figures: words a figure can start with; first and later words of qualifiers; words after "a"/"an".
  figure: 1 << 8,
  qualifierFirst: 1 << 9,
  qualifierSecond: 1 << 10,
  afterArticle: 1 << 11,
  // Statements: opinion cue kinds.
  evaluative: 1 << 12,
  hedge: 1 << 13,
  modal: 1 << 14,
  intensifier: 1 << 15,
  // Attribution: verbs that report speech, belief or estimates.
  reporting: 1 << 16,
  // Word shapes (set by `classifyWords` only): first character a digit, "$", "£" or "€", an
  // apostrophe before more ("'90s"); the word "a" or "an". The scans for dates and figures test
  // these flags instead of reading every word's characters.
  digit: 1 << 17,
  dollar: 1 << 18,
  poundEuro: 1 << 19,
  apostrophe: 1 << 20,
  article: 1 << 21,
} as const;

/** The date-trigger flags (a word with none of them is no date word). */
export const DATE_FLAGS = 0xff;

const RECENT_WORDS = ['recent', 'past', 'last', 'coming', 'next', 'previous', 'following'];
const UNIT_WORDS = ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years', 'decade', 'decades'];
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'several', 'few', 'a', 'an'];
const STANDALONE = [...Object.keys(MONTHS), ...Object.keys(MONTHS).map((m) => m.replace('.', '')), ...Object.keys(WEEKDAYS), 'yesterday', 'today', 'tonight', 'tomorrow', 'from', 'between'];

/** Words a figure can start with; the pattern is only tried at these, at digits and currency signs. */
const FIGURE_TRIGGERS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundreds', 'thousands', 'millions', 'billions', 'dozens', 'tens',
  'scores', 'a', 'an', 'half', 'dozen', 'us',
];
/** Words after "a"/"an" that make a figure ("a dozen", "a third", "a million"). */
const AFTER_ARTICLE = ['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', 'half', 'third', 'quarter', 'fifth', 'tenth', 'estimated'];

const CLASSES = new Map<string, number>();
const mark = (words: Iterable<string>, flag: number) => {
  for (const w of words) CLASSES.set(w, (CLASSES.get(w) ?? 0) | flag);
};
mark(STANDALONE, W.standalone);
mark(['in', 'over', 'during', 'within', 'for'], W.preposition);
mark(['last', 'next', 'this', 'past', 'coming', 'previous', 'earlier', 'later', 'early', 'late'], W.relative);
mark(['nearly', 'almost', 'about', 'around', 'over', 'more', 'less', 'at', 'some', 'roughly', 'approximately', 'just', 'up'], W.qualifier);
mark(NUMBER_WORDS, W.number);
mark(RECENT_WORDS, W.recent);
mark(UNIT_WORDS, W.unit);
mark(Object.keys(WEEKDAYS), W.weekday);
mark(FIGURE_TRIGGERS, W.figure);
mark(Object.keys(QUALIFIERS).map((q) => q.split(' ')[0]), W.qualifierFirst);
mark(Object.keys(QUALIFIERS).flatMap((q) => q.split(' ').slice(1)), W.qualifierSecond);
mark(AFTER_ARTICLE, W.afterArticle);
mark(EVALUATIVE_WORDS, W.evaluative);
mark(HEDGES, W.hedge);
mark(MODALS, W.modal);
mark(INTENSIFIERS, W.intensifier);
mark(REPORTING_VERBS, W.reporting);
mark(['a', 'an'], W.article);

/**
 * Which (length, first character, last character) triples any listed word has: most tokens
 * ("the", "said", "Syria") fail this test, and then need no hashing and no table lookup.
 * Lengths past MAX_SHAPE_LENGTH share the last row; characters are folded to 7 bits.
 */
const MAX_SHAPE_LENGTH = 15;
const SHAPES = new Uint8Array((MAX_SHAPE_LENGTH + 1) * 128 * 16);

function shapeBit(word: string): number {
  const len = word.length < MAX_SHAPE_LENGTH ? word.length : MAX_SHAPE_LENGTH;
  return ((len * 128 + (word.charCodeAt(0) & 127)) << 7) | (word.charCodeAt(word.length - 1) & 127);
}

for (const word of CLASSES.keys()) if (word) SHAPES[shapeBit(word) >>> 3] |= 1 << (shapeBit(word) & 7);

/** Whether a word may be listed (no false negatives). */
function mayBeListed(word: string): boolean {
  if (!word) return CLASSES.has(word);
  const bit = shapeBit(word);
  return (SHAPES[bit >>> 3] & (1 << (bit & 7))) !== 0;
}

/** The flags of one (lowercase) word; 0 for none. */
export function wordClass(word: string): number {
  return mayBeListed(word) ? CLASSES.get(word) ?? 0 : 0;
}

/** Per-word flags of a word list, and of the part before a first inner hyphen ("two-year" → "two"; 0 without one). */
export interface WordClasses {
  classes: Int32Array;
  beforeDash: Int32Array;
}

/** The shape flags of a word (its first character; see `W.digit`). */
function shapeFlags(word: string): number {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return W.digit;
  if (c === 36) return W.dollar;
  if (c === 163 || c === 8364) return W.poundEuro;
  if ((c === 39 || c === 8217) && word.length > 1) return W.apostrophe;
  return 0;
}

/** As `word.indexOf('-')` (a plain loop: words are short, and most have no hyphen). */
function firstDash(word: string): number {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) === 45) return k;
  return -1;
}

/** The flags of each word of `words`. */
export function classifyWords(words: readonly string[]): WordClasses {
  const classes = new Int32Array(words.length);
  const beforeDash = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    classes[i] = wordClass(word) | shapeFlags(word);
    const dash = word.length > 1 ? firstDash(word) : -1;
    if (dash > 0) beforeDash[i] = wordClass(word.slice(0, dash));
  }
  return { classes, beforeDash };
}
