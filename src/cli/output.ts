import type { Article } from '../model/index.js';

/** The JSON form of an article used by `--format json|jsonl` (the evaluation contract). */
export function articleToJson(article: Article): Record<string, unknown> {
  return {
    id: article.id,
    text: article.text,
    meta: article.meta,
    layers: article.layers,
    findings: article.findings,
    notices: article.notices,
    analysis: article.analysis,
  };
}
