export * from './types.js';
export { readSources, listArticleFiles, ARTICLE_EXTENSIONS, STDIN } from './read.js';
export { readTextFile, readStream } from './text.js';
export { decodeBytes, checkSize, formatBytes, DEFAULT_MAX_BYTES, type ReadOptions, type Decoded } from './decode.js';
