/**
 * A cheap English check: the share of common English function words among the words. News in
 * English scores well above the threshold; other languages (even Latin-script ones) fall below.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people mr how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' '),
);

const MIN_WORDS = 20;
/** Only the start of a long text is looked at: enough words to tell (about 800), bounded time. */
const SAMPLE_CHARS = 5_000;
const MIN_ENGLISH_SHARE = 0.12;

/** Longest function word: longer words are counted without being looked up. */
const MAX_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));
const LETTER = /\p{L}/u;

/** Returns 'en' when the text reads as English, 'und' when it is too short to tell, else 'other'. */
export function guessLanguage(text: string): 'en' | 'und' | 'other' {
  // A hand-rolled scan for the runs of letters (\p{L}+) of the lower-cased sample: the same words
  // as a regex match, without building an array of every word.
  const sample = text.slice(0, SAMPLE_CHARS).toLowerCase();
  let words = 0;
  let hits = 0;
  let start = -1;
  for (let i = 0; i <= sample.length; ) {
    let width = 1;
    let letter = false;
    if (i < sample.length) {
      const c = sample.charCodeAt(i);
      if (c < 128) letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
      else if (c >= 0x2010 && c <= 0x2027) letter = false; // dashes, curly quotes, ellipsis: common, never letters
      else {
        const cp = sample.codePointAt(i)!;
        width = cp > 0xffff ? 2 : 1;
        letter = LETTER.test(String.fromCodePoint(cp));
      }
    }
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words++;
      if (i - start <= MAX_FUNCTION_WORD && ENGLISH_FUNCTION_WORDS.has(sample.slice(start, i))) hits++;
      start = -1;
    }
    i += width;
  }
  if (words < MIN_WORDS) return 'und';
  return hits / words >= MIN_ENGLISH_SHARE ? 'en' : 'other';
}
