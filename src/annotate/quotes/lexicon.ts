import { SPEECH_VERBS } from './constants.js';

const DOUBLE_FINAL = new Set(['admit', 'quip', 'concur', 'commit', 'regret', 'rebut']);

/** Regular inflections of a verb lemma: -s, -ed, -ing (with the usual spelling changes). */
export function inflect(lemma: string): string[] {
  if (lemma.endsWith('y') && !/[aeiou]y$/.test(lemma)) {
    const stem = lemma.slice(0, -1);
    return [lemma, `${stem}ies`, `${stem}ied`, `${lemma}ing`];
  }
  if (lemma.endsWith('e')) return [lemma, `${lemma}s`, `${lemma}d`, `${lemma.slice(0, -1)}ing`];
  if (DOUBLE_FINAL.has(lemma)) {
    const last = lemma[lemma.length - 1];
    return [lemma, `${lemma}s`, `${lemma}${last}ed`, `${lemma}${last}ing`];
  }
  const s = /(s|sh|ch|x|z)$/.test(lemma) ? 'es' : 's';
  return [lemma, `${lemma}${s}`, `${lemma}ed`, `${lemma}ing`];
}

let forms: Map<string, string> | undefined;

/**
 * Which (length, first character, last character) shapes some speech-verb form has (one bit
 * each; lengths past MAX_SHAPE_LENGTH share the last row, characters folded to 7 bits): most
 * tokens fail this test and need no hashing and no map lookup.
 */
const MAX_SHAPE_LENGTH = 15;
const shapes = new Uint8Array(((MAX_SHAPE_LENGTH + 1) << 14) >> 3);

function shapeBit(word: string): number {
  const len = word.length < MAX_SHAPE_LENGTH ? word.length : MAX_SHAPE_LENGTH;
  return (((len << 7) | (word.charCodeAt(0) & 127)) << 7) | (word.charCodeAt(word.length - 1) & 127);
}

/**
 * Word form → lemma for every speech verb ("said" → "say", "noted" → "note").
 *
 * @example
 * cueLemma('argued'); // 'argue'
 */
export function cueForms(): Map<string, string> {
  if (forms) return forms;
  forms = new Map();
  for (const [lemma, irregular] of Object.entries(SPEECH_VERBS)) {
    for (const form of irregular.length ? irregular : inflect(lemma)) forms.set(form, lemma);
  }
  for (const form of forms.keys()) {
    if (!form) continue;
    const bit = shapeBit(form);
    shapes[bit >>> 3] |= 1 << (bit & 7);
  }
  return forms;
}

/** The lemma of a speech-verb form, or undefined. */
export function cueLemma(word: string): string | undefined {
  const all = forms ?? cueForms();
  if (word) {
    const bit = shapeBit(word);
    if ((shapes[bit >>> 3] & (1 << (bit & 7))) === 0) return undefined;
  }
  return all.get(word);
}
