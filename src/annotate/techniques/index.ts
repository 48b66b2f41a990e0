export { techniquesStage, detectTechniques, spanContext } from './stage.js';
export { TechniqueModel, MODELS_DIR, type LabelledSpan } from './detector.js';
export { classifySpans } from './classify.js';
export { TECHNIQUES, type Technique } from './constants.js';
export { LexiconIndex } from './lexicon-match.js';
export { summarize, type TechniqueSummary } from './summary.js';
export { readPtc, articleIdOf, parseLabelLines, type PtcArticle } from './ptc.js';
export { sentenceViews, buildViews, type SentenceView } from './view.js';
