export * from './span.js';
export * from './article.js';
export * from './offsets.js';
export * from './errors.js';
