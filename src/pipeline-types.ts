import type { Article, ArticleMeta, Layer, Notice } from './model/index.js';

/** What a stage adds: new layers, article-level findings, metadata and notices. */
export interface StageOutput {
  layers?: Record<string, Layer>;
  findings?: Record<string, unknown>;
  meta?: Partial<ArticleMeta>;
  notices?: Notice[];
}

/**
 * A stage is a pure function `(article, resources) → output`. It declares the layers or
 * findings it needs (`requires`) and the ones it adds (`assigns`); the pipeline checks these
 * when it is built. `load` runs once per pipeline to prepare resources (models, lexicons).
 *
 * @example
 * const upper: Stage = { name: 'shout', version: '1', requires: ['tokens'], assigns: ['shouts'],
 *   run: (a) => ({ layers: { shouts: a.layers.tokens.filter((t) => /^[A-Z]+$/.test(a.text.slice(t.start, t.end))) } }) };
 */
export interface Stage<R = unknown> {
  name: string;
  version: string;
  requires: readonly string[];
  assigns: readonly string[];
  load?: () => R | Promise<R>;
  run: (article: Article, resources: R) => StageOutput;
}
