import { AUTHOR_JOINERS, LIMITS, NAME_PARTICLES, NP_JOINERS, POS, SPEAKER_PRONOUNS } from './constants.js';
import type { TokenView } from './view.js';

/** Token range [from, to) of a phrase. */
export interface Range { from: number; to: number }

const NOMINAL = POS.nominal;
const HEAD = POS.head;

/** A phrase head: a noun, or a capitalised word the tagger did not read as one ("Ditto"). */
function isHead(v: TokenView, i: number): boolean {
  return HEAD.has(v.pos[i]) || (v.cap[i] === 1 && !NOT_HEAD.has(v.pos[i]));
}

const NOT_HEAD = POS.notHead;

function isNominal(v: TokenView, i: number): boolean {
  const w = v.lower[i];
  return NOMINAL.has(v.pos[i]) || (v.cap[i] === 1 && !NOT_HEAD.has(v.pos[i])) || NAME_PARTICLES.has(w) || w === "'s" || w === '’s' || w === '.' && i > 0 && v.end[i - 1] === v.start[i] && v.lower[i - 1].length <= 2;
}

/** True when the token joins two parts of one name ("al-Assad", "Attackthesystem.com"). */
function isInnerGlue(v: TokenView, i: number): boolean {
  const w = v.lower[i];
  return (w === '-' || w === '.') && i > 0 && i + 1 < v.n && v.end[i - 1] === v.start[i] && v.end[i] === v.start[i + 1];
}

/** True for the apostrophe of a plural possessive inside a name ("Traders' Guild"): glued to an -s word, a space after. */
function isPluralPossessive(v: TokenView, j: number): boolean {
  const w = v.lower[j];
  return (w === "'" || w === '’') && j > 0 && j + 1 < v.n && v.end[j - 1] === v.start[j] && v.end[j] < v.start[j + 1] && v.lower[j - 1].endsWith('s');
}

/**
 * The noun phrase (or speaker pronoun) ending at token `last`, not reaching before `min`.
 * Returns undefined when `last` is not the head of a phrase.
 */
export function phraseEndingAt(v: TokenView, last: number, min: number): Range | undefined {
  if (last < min || last < 0) return undefined;
  if (v.pos[last] === 'PRON') return SPEAKER_PRONOUNS.has(v.lower[last]) ? { from: last, to: last + 1 } : undefined;
  if (!isHead(v, last) && !isInnerGlue(v, last - 1)) return undefined;
  let k = last;
  while (k - 1 >= min && last - k < LIMITS.maxSpeakerTokens) {
    const j = k - 1;
    if (isNominal(v, j) || isInnerGlue(v, j) || (isPluralPossessive(v, j) && isNominal(v, j - 1))) { k = j; continue; }
    if (NP_JOINERS.has(v.lower[j]) && j - 1 >= min && HEAD.has(v.pos[j - 1]) && (v.pos[k] === 'PROPN' || v.pos[k] === 'DET' || v.pos[k] === 'NOUN')) { k = j; continue; }
    if (v.pos[j] === 'DET' || v.lower[j] === 'his' || v.lower[j] === 'her' || v.lower[j] === 'their') {
      k = j;
      // "Mr. Morgan of the Sierra Club": the determiner may open the object of a joiner.
      if (j - 2 >= min && NP_JOINERS.has(v.lower[j - 1]) && HEAD.has(v.pos[j - 2])) { k = j - 1; continue; }
      break;
    }
    break;
  }
  while (k < last && (v.pos[k] === 'ADP' || v.pos[k] === 'PUNCT')) k++;
  return { from: k, to: last + 1 };
}

/**
 * The noun phrase starting at token `first` (an inverted speaker, "said the analyst"; an
 * addressee, "told Press TV"), not reaching `max`. Follows "by"/"of" to a named author when
 * `authors` is set ("an estimate by de Mistura").
 */
export function phraseStartingAt(v: TokenView, first: number, max: number, authors = false): Range | undefined {
  if (first >= max) return undefined;
  if (v.pos[first] === 'PRON') return SPEAKER_PRONOUNS.has(v.lower[first]) ? { from: first, to: first + 1 } : undefined;
  let k = first;
  if (v.pos[k] === 'DET' || v.lower[k] === 'his' || v.lower[k] === 'her' || v.lower[k] === 'their') k++;
  let sawHead = false;
  let lastHead = -1;
  while (k < max && k - first < LIMITS.maxSpeakerTokens) {
    if (isNominal(v, k) || isInnerGlue(v, k)) {
      if (isHead(v, k)) { sawHead = true; lastHead = k; }
      k++;
      continue;
    }
    const joins = authors ? AUTHOR_JOINERS : NP_JOINERS;
    if (sawHead && joins.has(v.lower[k]) && k + 1 < max && (v.pos[k + 1] === 'PROPN' || NAME_PARTICLES.has(v.lower[k + 1]) || (authors && v.pos[k + 1] === 'DET'))) { k++; if (v.pos[k] === 'DET') k++; continue; }
    break;
  }
  if (!sawHead) return undefined;
  return { from: first, to: lastHead + 1 };
}

/** The last run of proper nouns (a name) inside a range, as a token range. */
export function nameIn(v: TokenView, r: Range): Range | undefined {
  let to = -1;
  for (let k = r.to - 1; k >= r.from; k--) {
    if (v.pos[k] === 'PROPN') { to = k + 1; break; }
  }
  if (to < 0) return undefined;
  let from = to - 1;
  while (from - 1 >= r.from && (v.pos[from - 1] === 'PROPN' || NAME_PARTICLES.has(v.lower[from - 1]) || isInnerGlue(v, from - 1))) from--;
  return { from, to };
}
