import { tokenize } from './tokenize.js';
import { guessLanguage } from './language.js';
export { tokenize, paragraphSpans } from './tokenize.js';
export { guessLanguage } from './language.js';
export { wink } from './wink.js';
/** Tokens with part of speech, sentences and paragraphs; a notice for non-English text. */
export const nlpStage = {
    name: 'nlp',
    version: '1',
    requires: ['text'],
    assigns: ['tokens', 'sentences', 'paragraphs'],
    run(article) {
        const language = guessLanguage(article.text);
        const notices = language === 'other'
            ? [{ code: 'not-english', stage: 'nlp', message: 'the text does not look like English; tokens and findings may be poor' }]
            : [];
        return {
            layers: { ...tokenize(article.text) },
            meta: article.meta.language ? undefined : { language: language === 'other' ? 'other' : language === 'en' ? 'en' : undefined },
            notices,
        };
    },
};
