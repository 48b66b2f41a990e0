/**
 * Word lists and patterns of the rule tokenizer and sentence splitter. They follow the
 * conventions of wink-nlp's English model (the tokens downstream models were trained on), so
 * that replacing wink changes as few token boundaries as possible.
 */

/**
 * Abbreviations that keep their full stop (one token "Mr.", not "Mr" + "."). Single letters
 * with a stop ("J.") and dotted short forms ("U.S.", "p.m.", "e.g.") are kept by rule and need
 * not be listed. Titles, months, company suffixes and common Latin short forms, as wink keeps them.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  [
    // titles and ranks
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'reps', 'gov', 'govt', 'pres', 'st', 'jr', 'sr', 'lt', 'col', 'capt', 'cpt', 'sgt', 'maj',
    'adm', 'cmdr', 'rev', 'hon', 'messrs', 'mme', 'mlle', 'supt', 'insp', 'det', 'cpl', 'pvt', 'fr', 'sens', 'brig', 'gens', 'lieut',
    // months and days
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    // organisations and places
    'inc', 'corp', 'ltd', 'co', 'bros', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd', 'mt', 'ft', 'ste', 'no', 'nos', 'vol', 'vols', 'pp', 'ed', 'eds', 'est',
    // US states as newswire abbreviates them
    'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky', 'la', 'md', 'mass', 'mich', 'minn', 'miss',
    'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
    // Latin and other short forms
    'vs', 'etc', 'approx', 'cf', 'al', 'fig', 'figs', 'op', 'cit', 'ibid', 'viz',
  ],
);

/**
 * First parts of hyphenated words that keep the word whole ("anti-war", "e-mail", "re-elect"),
 * and last parts that do ("Watergate-gate" style "-gate", "-less"); other hyphenated words are
 * split into parts and hyphens, as wink does.
 */
export const HYPHEN_PREFIXES: ReadonlySet<string> = new Set(
  'e a u x anti agro be bi bio co counter cross cyber de eco ex extra inter intra macro mega micro mid mini multi neo non over pan para peri post pre pro pseudo quasi re semi sub super tri ultra un uni vice'.split(' '),
);
export const HYPHEN_SUFFIXES: ReadonlySet<string> = new Set('esque fest fold gate itis less most rama wise'.split(' '));

/**
 * Contractions split off the end of a word ("do|n't", "it|'s", "they|'ll"), as lower case with a
 * straight apostrophe (a curly one is matched too).
 */
export const CONTRACTION_SUFFIXES: readonly string[] = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/**
 * Words with an apostrophe that stay whole even though they end like a contraction. (wink keeps
 * "I'm" whole and tags it PROPN, a name; we split it into "I" + "'m", pronoun and auxiliary.)
 */
export const WHOLE_APOSTROPHE_WORDS: ReadonlySet<string> = new Set<string>([]);

/** Punctuation peeled off the front of a piece of text, one token each: brackets, quotes, ellipses. */
export const LEADING_PUNCTUATION: ReadonlySet<string> = new Set([...'([{"“‘`\'…«']);
/** Punctuation peeled off the end of a piece ("--" and "..." runs stay one token). */
export const TRAILING_PUNCTUATION: ReadonlySet<string> = new Set([...')]}"”’\',;:!?….»-–—']);

/** Tokens that close a sentence together with the mark before them (quotes and brackets). */
export const SENTENCE_CLOSERS: ReadonlySet<string> = new Set(['"', '”', '’', "'", ')', ']', '»']);
/**
 * Tokens that never start a sentence after a mark on the same line: , ; : ) and dashes (wink
 * keeps "- item" lists after a full stop in the sentence before, too).
 */
export const SENTENCE_CONTINUATIONS: ReadonlySet<string> = new Set([...',;:)-–—']);
