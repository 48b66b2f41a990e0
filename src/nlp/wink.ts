import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';

type WinkInstance = ReturnType<typeof winkNLP>;
let instance: WinkInstance | undefined;

/**
 * The wink-nlp instance with its English lite model, loaded once per process on first use (not
 * at import: wink is the POS tagger's teacher and an opt-in fallback, `SPINSCOPE_NLP=wink`, and
 * its model costs ~100 ms and tens of MB to load).
 */
export function wink(): WinkInstance {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const load = require('wink-nlp') as typeof winkNLP;
    const model = require('wink-eng-lite-web-model');
    instance = load(model, ['sbd', 'pos']);
  }
  return instance;
}
