import { fnv1a } from '../../learn/index.js';
import type { WordStats } from './word-stats.js';

/** When a title-case headline word is read as an ordinary word. */
export const TRUECASE = {
  /** Capitalisation-ratio buckets (see WORD_STATS.capEdges) at or below which a form is common. */
  maxCommonBucket: 2,
  /** A sentence is title case when this share of its words (with letters) is capitalised. */
  minCapitalShare: 0.7,
  minWords: 3,
  /** Title case shows in capitalised small words past the first ("Talks Over Syria"); lists of names do not have them. */
  smallWords: new Set(['Of', 'In', 'On', 'At', 'To', 'For', 'By', 'With', 'As', 'Over', 'And', 'Or', 'The', 'A', 'An', 'From', 'After', 'Into', 'Is', 'Are', 'Be', 'Has', 'Have', 'Not', 'Says', 'Say']),
} as const;

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const CAPITAL = /^\p{Lu}/u;

/**
 * Lower-cases the common words of a title-case headline ("Kerry Meets Lavrov In Geneva" →
 * "Kerry meets Lavrov in Geneva") so the recogniser, trained on sentence-case text, does not
 * read every capital as a name. A word counts as common when unlabelled text shows it mostly
 * in lower case mid-sentence. Other sentences are returned unchanged (same array).
 */
export function truecase(words: readonly string[], stats: WordStats): readonly string[] {
  let letters = 0;
  let capitals = 0;
  for (const w of words) {
    const c = w.charCodeAt(0);
    // ASCII fast path; other scripts go through the Unicode classes.
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (upper || lower || (c > 127 && HAS_LETTER.test(w))) {
      letters++;
      if (upper || (c > 127 && CAPITAL.test(w))) capitals++;
    }
  }
  if (letters < TRUECASE.minWords || capitals / letters < TRUECASE.minCapitalShare) return words;
  if (!words.some((w, i) => i > 0 && TRUECASE.smallWords.has(w))) return words;
  return words.map((w, i) => {
    if (i === 0 || !CAPITALISED.test(w)) return w;
    const lower = w.toLowerCase();
    const packed = stats.get(fnv1a(lower));
    if (packed === undefined || (packed & 15) === 0 || (packed & 15) > TRUECASE.maxCommonBucket) return w;
    return lower;
  });
}
