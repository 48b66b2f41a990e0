import { createArticle, errorMessage, SpinscopeError, type Article } from './model/index.js';
import { mapPacked } from './model/arrays.js';
import type { SourceDocument } from './ingest/types.js';
import { DEFAULT_STAGE_MAX_CHARS, type Stage, type StageOutput } from './pipeline-types.js';
import { cleanStage } from './clean/index.js';
import { nlpStage } from './nlp/index.js';
import { techniquesStage } from './annotate/techniques/index.js';
import { factsStage } from './annotate/facts/index.js';
import { entitiesStage } from './annotate/entities/index.js';
import { quotesStage } from './annotate/quotes/index.js';

export type { Stage, StageOutput } from './pipeline-types.js';

/**
 * The ordered list of stages. Order is explicit: a stage runs after every stage whose output
 * it requires. Later stages (entities, quotes, techniques, facts) are appended here.
 */
export const DEFAULT_STAGES: readonly Stage<any>[] = [cleanStage, nlpStage, entitiesStage, quotesStage, factsStage, techniquesStage];

/** Names every article has before any stage runs. */
const GIVEN = ['text', 'meta'];

/** Checks that each stage's requirements are assigned by an earlier stage, and names are unique. */
export function checkStages(stages: readonly Stage<any>[]): void {
  const available = new Set(GIVEN);
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new SpinscopeError('pipeline', `stage "${stage.name}" appears twice`);
    names.add(stage.name);
    for (const need of stage.requires) {
      if (!available.has(need)) throw new SpinscopeError('pipeline', `stage "${stage.name}" requires "${need}", which no earlier stage assigns`);
    }
    for (const out of stage.assigns) available.add(out);
  }
}

export interface AnalyzeOptions {
  /** Run only these stages (and the ones they need are expected to be listed too). */
  stages?: readonly string[];
}

/** Folds a stage's output into a new article (the input article is not mutated). */
function applyOutput(article: Article, stage: Stage<any>, out: StageOutput): Article {
  return {
    ...article,
    meta: out.meta ? { ...article.meta, ...out.meta } : article.meta,
    layers: out.layers ? { ...article.layers, ...out.layers } : article.layers,
    findings: out.findings ? { ...article.findings, ...out.findings } : article.findings,
    notices: out.notices?.length ? [...article.notices, ...out.notices] : article.notices,
    analysis: { ...article.analysis, [stage.name]: stage.version },
  };
}

/** A built pipeline: stages checked and their resources loaded once. */
export class Pipeline {
  private constructor(
    readonly stages: readonly Stage<any>[],
    private readonly resources: readonly unknown[],
  ) {}

  /** Checks the stage list and loads every stage's resources. */
  static async build(stages: readonly Stage<any>[] = DEFAULT_STAGES): Promise<Pipeline> {
    checkStages(stages);
    const resources = [];
    for (const stage of stages) resources.push(stage.load ? await stage.load() : undefined);
    return new Pipeline(stages, resources);
  }

  /** The versions of every stage, recorded on each article (for re-analysis). */
  get version(): Record<string, string> {
    return Object.fromEntries(this.stages.map((s) => [s.name, s.version]));
  }

  /**
   * Analyses one document. A stage that throws does not lose the article: the error becomes a
   * notice and the stages after it that do not depend on its output still run.
   */
  run(input: SourceDocument | string): Article {
    let article = startArticle(input);
    const failed = new Set<string>();
    for (let i = 0; i < this.stages.length; i++) article = this.step(article, i, failed);
    return article;
  }

  /**
   * Analyses several documents stage by stage (each stage over all of them before the next),
   * giving the same articles as `run` on each. About a fifth less CPU for batches of 16 or so
   * (`npm run bench`, pipeline rows): one stage's model tables stay in the CPU caches across
   * articles instead of being evicted by the other stages' tables.
   */
  runMany(inputs: readonly (SourceDocument | string)[]): Article[] {
    const articles = mapPacked(inputs, startArticle);
    const failed = mapPacked(articles, () => new Set<string>());
    for (let i = 0; i < this.stages.length; i++) {
      for (let k = 0; k < articles.length; k++) articles[k] = this.step(articles[k], i, failed[k]);
    }
    return articles;
  }

  /** Runs stage `i` on an article; `failed` collects the layers of stages that failed or were skipped. */
  private step(article: Article, i: number, failed: Set<string>): Article {
    const stage = this.stages[i];
    if (stage.requires.some((r) => failed.has(r))) {
      stage.assigns.forEach((a) => failed.add(a));
      return article;
    }
    const maxChars = stage.maxChars ?? DEFAULT_STAGE_MAX_CHARS;
    if (article.text.length > maxChars) {
      stage.assigns.forEach((a) => failed.add(a));
      const message = `${stage.name} skipped: the text has ${article.text.length.toLocaleString('en-US')} characters, over its limit of ${maxChars.toLocaleString('en-US')}`;
      return { ...article, notices: [...article.notices, { code: 'stage-skipped', stage: stage.name, message }] };
    }
    try {
      return applyOutput(article, stage, stage.run(article, this.resources[i]));
    } catch (err) {
      stage.assigns.forEach((a) => failed.add(a));
      return { ...article, notices: [...article.notices, { code: 'stage-failed', stage: stage.name, message: `${stage.name}: ${errorMessage(err)}` }] };
    }
  }
}

/** The article a document starts as, before any stage. */
function startArticle(input: SourceDocument | string): Article {
  const doc: SourceDocument = typeof input === 'string' ? { text: input, meta: {}, notices: [] } : input;
  let article = createArticle(doc.text, doc.meta, doc.notices);
  if (doc.id) article.id = doc.id;
  if (doc.layers) article = { ...article, layers: { ...doc.layers } };
  return article;
}

let shared: Promise<Pipeline> | undefined;
/** Pipelines of stage subsets asked for by `analyze`, built (resources loaded) once per subset. */
const subsets = new Map<string, Promise<Pipeline>>();

/**
 * Analyses an article with the default pipeline (built once per process).
 *
 * @example
 * const article = await analyze('“We will win,” the minister said.');
 * article.layers.sentences.length; // 1
 */
export async function analyze(input: SourceDocument | string, options: AnalyzeOptions = {}): Promise<Article> {
  if (options.stages) {
    const wanted = new Set(options.stages);
    const stages = DEFAULT_STAGES.filter((s) => wanted.has(s.name));
    const key = stages.map((s) => s.name).join(',');
    let pipeline = subsets.get(key);
    if (!pipeline) {
      pipeline = Pipeline.build(stages);
      subsets.set(key, pipeline);
      // A subset that fails to build is not kept (the next call tries again).
      pipeline.catch(() => subsets.delete(key));
    }
    return (await pipeline).run(input);
  }
  shared ??= Pipeline.build();
  return (await shared).run(input);
}
