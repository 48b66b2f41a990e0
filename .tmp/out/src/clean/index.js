import { cleanText } from './clean.js';
export { bodyRanges, inBody } from './body.js';
export { cleanText } from './clean.js';
/** Marks section, title, captions, bylines and boilerplate in plain text; deletes nothing. */
export const cleanStage = {
    name: 'clean',
    version: '1',
    requires: ['text'],
    assigns: ['boilerplate', 'structure'],
    run(article) {
        const result = cleanText(article.text, article.meta);
        return { layers: { boilerplate: result.boilerplate, structure: result.structure }, meta: result.meta };
    },
};
