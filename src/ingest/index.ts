export * from './types.js';
export { readSources, listArticleFiles, ARTICLE_EXTENSIONS, STDIN, type ReadOptions } from './read.js';
export { readTextFile, readStream } from './text.js';
export { decodeBytes, checkSize, formatBytes, DEFAULT_MAX_BYTES, type LimitOptions, type Decoded } from './decode.js';
