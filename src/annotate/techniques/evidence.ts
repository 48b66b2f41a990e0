import { EVIDENCE } from './constants.js';
import type { LexiconIndex } from './lexicon-match.js';
import type { SpanFacts } from './span-features.js';

/** The lexicon category that most directly supports each technique. */
const CATEGORY_OF: Record<string, string> = {
  Loaded_Language: 'loaded',
  'Name_Calling,Labeling': 'label',
  'Appeal_to_fear-prejudice': 'fear',
  'Flag-Waving': 'flag',
  Appeal_to_Authority: 'authority',
  Doubt: 'doubt',
  'Exaggeration,Minimisation': 'intense',
  'Bandwagon,Reductio_ad_hitlerum': 'bandwagon',
  Causal_Oversimplification: 'causal',
  'Whataboutism,Straw_Men,Red_Herring': 'whatabout',
  'Black-and-White_Fallacy': 'binary',
  'Thought-terminating_Cliches': 'cliche',
  Slogans: 'slogan',
};

/** Function words never shown as evidence on their own. */
const STOP = new Set('the a an of to in on at by for from with and or but as is are was were be been it its this that these those he she they we you i his her their our your not no so if than then there here who which what when where how also has have had do does did will would can could should may might must into about over after before up out more most very just only said says'.split(' '));

/** "once", "twice", "3 times". */
function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** True for a word worth naming in evidence. */
function telling(word: string): boolean {
  return /\p{L}/u.test(word) && word.length > 2 && !STOP.has(word);
}

/** The first word of `words` ending in `suffix` (a word-ending feature shown as the word itself). */
function wordEndingIn(words: readonly string[], suffix: string): string | undefined {
  return words.find((w) => w.length > suffix.length && w.endsWith(suffix));
}

/** What the classifier read: the fragment's words, and the fragment itself when the shown span is wider. */
export interface LabelledWording {
  /** Lower-case words of the labelled fragment. */
  words: readonly string[];
  /** The labelled fragment as written, when the span shown around it is wider (its clause). */
  core?: string;
}

const NO_WORDING: LabelledWording = { words: [] };

/** Words of a fragment for `LabelledWording` (letters, digits, inner hyphens and apostrophes). */
export function wordsOf(fragment: string): string[] {
  return fragment.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** One classifier feature in words, or undefined when it says nothing to a reader. */
function describeFeature(feature: string, facts: SpanFacts, lexicon: LexiconIndex, wording: LabelledWording): string | undefined {
  const eq = feature.indexOf('=');
  const key = eq < 0 ? feature : feature.slice(0, eq);
  const value = eq < 0 ? '' : feature.slice(eq + 1);
  switch (key) {
    case 'lx': {
      const hit = facts.hits.find((h) => h.category === value);
      return hit ? `${lexicon.describe.get(value) ?? value} '${hit.entry}'` : undefined;
    }
    case 'rep':
      return facts.repeats > 1 ? `repeated ${facts.repeats} times in the article` : undefined;
    case 'u':
      return telling(value) ? `word '${value}'` : undefined;
    case 'bi':
      return value.split('|').some(telling) ? `phrase '${value.replace('|', ' ')}'` : undefined;
    case 'has?':
      return 'question mark';
    case 'has!':
      return 'exclamation mark';
    case 'sup':
      return facts.superlatives.length ? `superlative '${facts.superlatives[0]}'` : undefined;
    case 'inq':
    case 'qwrap':
      return 'inside a quotation';
    case 'caps':
      return 'written in capitals';
    case 'len': {
      if (facts.words > 3) return undefined;
      const count = `${facts.words} word${facts.words === 1 ? '' : 's'}`;
      // The span shown is widened to its clause; the shortness is that of the words the model marked.
      return wording.core ? `short marked fragment '${wording.core}' (${count})` : `short fragment (${count})`;
    }
    case 'pre1':
      return telling(value) ? `after '${value}'` : undefined;
    case 'sfx': {
      // A word ending says nothing to a reader; the word that has it does.
      const word = /\p{L}/u.test(value) ? wordEndingIn(wording.words, value) : undefined;
      return word && telling(word) ? `word '${word}'` : undefined;
    }
    case 'post1':
      return telling(value) ? `followed by '${value}'` : undefined;
    case 'repb':
      return facts.repeatsBefore > 0 ? `said ${times(facts.repeatsBefore)} before in the article` : undefined;
    case 'repa':
      return facts.repeatsAfter > 0 ? `said ${times(facts.repeatsAfter)} again later in the article` : undefined;
    case 'ent':
      return `names a ${value === 'PER' ? 'person' : value === 'ORG' ? 'organisation' : value === 'LOC' ? 'place' : 'named entity'}`;
    default:
      return undefined;
  }
}

/**
 * Reasons for a span's label, most important first: the lexicon hit of the technique's own
 * category (if any), repetition for Repetition, then the classifier's top contributing features.
 */
export function evidenceFor(label: string, explained: readonly { feature: string }[], facts: SpanFacts, lexicon: LexiconIndex, wording: LabelledWording = NO_WORDING): string[] {
  const reasons: string[] = [];
  const own = CATEGORY_OF[label];
  const hit = own ? facts.hits.find((h) => h.category === own) : undefined;
  if (hit) pushReason(reasons, `${lexicon.describe.get(own) ?? own} '${hit.entry}'`);
  if (label === 'Repetition' && facts.repeats > 1) pushReason(reasons, `repeated ${facts.repeats} times in the article`);
  for (const e of explained) {
    if (reasons.length >= EVIDENCE.maxReasons) break;
    pushReason(reasons, describeFeature(e.feature, facts, lexicon, wording));
  }
  if (!reasons.length) pushReason(reasons, 'the wording of the fragment as a whole');
  return reasons;
}

/** Adds a reason unless it is empty, already given, or one too many. */
function pushReason(reasons: string[], r: string | undefined): void {
  if (r && !reasons.includes(r) && reasons.length < EVIDENCE.maxReasons) reasons.push(r);
}
