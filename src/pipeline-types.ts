import type { Article, ArticleMeta, Layer, Notice } from './model/index.js';

/** News articles are rarely over 100,000 characters; ten times that is surely not one article. */
export const DEFAULT_STAGE_MAX_CHARS = 1_000_000;

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
  /**
   * The longest text (UTF-16 units) the stage is run on; longer texts skip it with a notice, so a
   * 10 MB "article" cannot hold a batch for minutes. Defaults to `DEFAULT_STAGE_MAX_CHARS`.
   */
  maxChars?: number;
  run: (article: Article, resources: R) => StageOutput;
}
