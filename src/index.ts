/**
 * spinscope as a library: analyse articles into standoff layers, read any input kind, keep a
 * corpus, and serve the API. Everything here is also what the CLI and the server use.
 *
 * @example
 * import { analyze } from 'spinscope';
 * const article = await analyze('“It is obvious,” the analyst said.');
 * article.layers.quotes; // [{ start, end, label, attrs: { speakerText: 'the analyst', ... } }]
 */
export { analyze, Pipeline, DEFAULT_STAGES, checkStages, type AnalyzeOptions } from './pipeline.js';
export type { Stage, StageOutput } from './pipeline-types.js';
export { findingsOf, type DefaultFindings } from './findings.js';
export type { EntityRecord } from './annotate/entities/index.js';
export type { SourceRecord, SourcingProfile } from './annotate/quotes/sources.js';
export type { Timeline, TimelineEntry } from './annotate/facts/timeline.js';
export type { TechniqueSummary } from './annotate/techniques/summary.js';
export * from './model/index.js';
export { bodyRanges, inBody } from './clean/index.js';
export {
  readSources, extractHtml, fetchUrl, readWarc, readJsonl, readFeed, isReadFailure,
  type SourceDocument, type ReadFailure, type ReadResult, type ReadOptions,
} from './ingest/index.js';
export { openStore, type CorpusStore } from './corpus/index.js';
// The shapes the store's methods take and return, so library code can name them.
export type {
  ArticleFilter, ArticleSummary, CorpusStats, ExportKind, FacetCount, ListOptions, Page, PutResult, SearchHit, SearchResult,
  SpeakerDetail, SpeakerListOptions, SpeakerSummary, StoredArticle, StorySummary, TimeSeries, TimeUnit,
} from './corpus/index.js';
export { ingest } from './corpus/ingest/ingest.js';
export { startServer, type StartOptions, type RunningServer } from './server/server.js';
