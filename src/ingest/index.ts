export * from './types.js';
export { readSources, listArticleFiles, ARTICLE_EXTENSIONS } from './read.js';
export { readTextFile } from './text.js';
