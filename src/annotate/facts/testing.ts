import type { Article, ArticleMeta } from '../../model/index.js';
import { Pipeline } from '../../pipeline.js';
import { cleanStage } from '../../clean/index.js';
import { nlpStage } from '../../nlp/index.js';
import type { Stage } from '../../pipeline-types.js';
import { factsStage } from './index.js';

let built: Promise<Pipeline> | undefined;

/** Runs clean, nlp (and any extra stages given, e.g. fake entities/quotes) then facts on a text. */
export async function runFacts(text: string, meta: ArticleMeta = {}, extra: Stage[] = []): Promise<Article> {
  const pipeline = extra.length ? await Pipeline.build([cleanStage, nlpStage, ...extra, factsStage]) : await (built ??= Pipeline.build([cleanStage, nlpStage, factsStage]));
  return pipeline.run({ text, meta, notices: [] });
}

/** The text of a span. */
export const textOf = (article: Article, span: { start: number; end: number }) => article.text.slice(span.start, span.end);
