import type { Stage } from '../pipeline-types.js';
import type { Notice } from '../model/index.js';
import { tokenize } from './tokenize.js';
import { guessLanguage } from './language.js';

export { tokenize, nlpLayers, paragraphSpans } from './tokenize.js';
export { chunkParagraph, MAX_CHUNK_CHARS, MAX_WORD_CHARS } from './chunks.js';
export { guessLanguage } from './language.js';
export { wink } from './wink.js';
export { winkTokenize } from './wink-layers.js';
export { PosTagger, posTagger } from './pos.js';
export { tokenWords, type TokenWords } from './token-words.js';
export { WordTable } from './word-table.js';

/** Tokens with part of speech, sentences and paragraphs; a notice for non-English text. */
export const nlpStage: Stage = {
  name: 'nlp',
  version: '2',
  requires: ['text'],
  maxChars: Infinity,
  assigns: ['tokens', 'sentences', 'paragraphs'],
  run(article) {
    const language = guessLanguage(article.text);
    const notices: Notice[] =
      language === 'other'
        ? [{ code: 'not-english', stage: 'nlp', message: 'the text does not look like English; tokens and findings may be poor' }]
        : [];
    const { tokens, sentences, paragraphs, chunkedParagraphs } = tokenize(article.text);
    if (chunkedParagraphs) {
      notices.push({ code: 'long-paragraph', stage: 'nlp', message: `${chunkedParagraphs} very long paragraph${chunkedParagraphs > 1 ? 's were' : ' was'} tokenised in pieces; sentence boundaries at the cuts may be wrong` });
    }
    return {
      layers: { tokens, sentences, paragraphs },
      meta: article.meta.language ? undefined : { language: language === 'other' ? 'other' : language === 'en' ? 'en' : undefined },
      notices,
    };
  },
};
