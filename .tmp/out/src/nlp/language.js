/**
 * A cheap English check: the share of common English function words among the words. News in
 * English scores well above the threshold; other languages (even Latin-script ones) fall below.
 */
const ENGLISH_FUNCTION_WORDS = new Set('the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people mr how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' '));
const MIN_WORDS = 20;
const MIN_ENGLISH_SHARE = 0.12;
/** Returns 'en' when the text reads as English, 'und' when it is too short to tell, else 'other'. */
export function guessLanguage(text) {
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    if (words.length < MIN_WORDS)
        return 'und';
    let hits = 0;
    for (const w of words)
        if (ENGLISH_FUNCTION_WORDS.has(w))
            hits++;
    return hits / words.length >= MIN_ENGLISH_SHARE ? 'en' : 'other';
}
