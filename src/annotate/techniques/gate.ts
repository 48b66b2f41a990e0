import type { LexiconIndex } from './lexicon-match.js';
import type { FeatureSink } from './sinks.js';
import type { SentenceView } from './view.js';

/**
 * Features of a whole sentence for the sentence gate (does the sentence hold a persuasive
 * fragment at all?): its words, lexicon categories, length, punctuation, quotation and place in
 * the article. The token tagger sees two words either side; the gate sees the whole sentence.
 */
export function sentenceFeaturesInto(v: SentenceView, s: number, lexicon: LexiconIndex, f: FeatureSink): void {
  f.flag('b');
  const n = v.lowers.length;
  f.add('len', n < 6 ? '<6' : n < 12 ? '<12' : n < 20 ? '<20' : n < 35 ? '<35' : '35+');
  if (s === 0) f.flag('title');
  let quoted = false;
  for (let i = 0; i < n; i++) {
    const w = v.lowers[i];
    f.add('w', w);
    if (i > 0) f.pair('bg', v.lowers[i - 1], w);
    for (const c of lexicon.categoriesOf(w)) f.add('lx', c);
    if (v.quoted[i]) quoted = true;
    if (w === '?' || w === '!') f.flag(w);
    const raw = v.raws[i];
    if (raw.length > 2 && raw === raw.toUpperCase() && raw !== w) f.flag('caps');
  }
  for (const h of lexicon.phraseHits(v.lowers)) f.add('lx', h.category);
  if (quoted) f.flag('quoted');
}
