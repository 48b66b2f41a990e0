import { FRACTIONS, SCALES, SMALL_NUMBERS, VAGUE_AMOUNTS } from './constants.js';

/** The value of a number written in digits or words, or undefined when it is not one. */
export interface NumberValue {
  value: number;
  /** A vague amount ("hundreds of thousands"): value is its lower bound. */
  vague: boolean;
  fraction: boolean;
}

const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Parses "400,000", "1.5 million", "twenty-five", "two hundred thousand", "hundreds of thousands",
 * "a third", "two-thirds".
 *
 * @example
 * parseNumber('hundreds of thousands'); // { value: 200000, vague: true, fraction: false }
 */
export function parseNumber(raw: string): NumberValue | undefined {
  const words = raw.toLowerCase().replace(/\s+of\s+/g, ' ').split(/[\s-]+/).filter(Boolean);
  if (!words.length) return undefined;
  // fractions: "a third", "two-thirds", "half"
  const last = words[words.length - 1];
  if (FRACTIONS[last] !== undefined && words.length <= 2) {
    const count = words.length === 2 ? SMALL_NUMBERS[words[0]] : 1;
    if (count === undefined) return undefined;
    return { value: count * FRACTIONS[last], vague: false, fraction: true };
  }
  let total = 0;
  let current = 0;
  let vague = false;
  let seen = false;
  for (const word of words) {
    const digits = DIGITS.exec(word);
    if (digits) {
      current += Number(word.replace(/,/g, ''));
      seen = true;
    } else if (SMALL_NUMBERS[word] !== undefined) {
      current += SMALL_NUMBERS[word];
      seen = true;
    } else if (VAGUE_AMOUNTS[word] !== undefined) {
      // "hundreds of thousands" = hundreds × thousand
      const amount = VAGUE_AMOUNTS[word];
      current = seen ? (current || 1) * (amount / 2) : amount;
      vague = seen = true;
    } else if (SCALES[word] !== undefined) {
      const scale = SCALES[word];
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      seen = true;
    } else if (word === 'and' || word === 'a') {
      continue;
    } else return undefined;
  }
  if (!seen) return undefined;
  return { value: total + current, vague, fraction: false };
}
