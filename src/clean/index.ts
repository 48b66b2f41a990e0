import type { Stage } from '../pipeline-types.js';
import { sortSpans } from '../model/index.js';
import { cleanText } from './clean.js';

export { bodyRanges, inBody } from './body.js';
export { cleanText } from './clean.js';

/** Marks section, title, captions, bylines and boilerplate in plain text; deletes nothing. */
export const cleanStage: Stage = {
  name: 'clean',
  version: '1',
  requires: ['text'],
  maxChars: Infinity,
  assigns: ['boilerplate', 'structure'],
  run(article) {
    const result = cleanText(article.text, article.meta);
    // Readers (HTML captions, headings) may have marked structure already: keep it alongside ours.
    const structure = article.layers.structure?.length ? sortSpans([...article.layers.structure, ...result.structure]) : result.structure;
    const boilerplate = article.layers.boilerplate?.length ? sortSpans([...article.layers.boilerplate, ...result.boilerplate]) : result.boilerplate;
    return { layers: { boilerplate, structure }, meta: result.meta };
  },
};
