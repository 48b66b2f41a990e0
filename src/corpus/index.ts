/**
 * The corpus: an embedded store of analysed articles with stories, speakers, search and export.
 *
 * @example
 * import { openStore } from './corpus/index.js';
 * const store = await openStore('corpus.db');
 */
import { openSqliteStore, type OpenOptions } from './sqlite/store.js';
import type { CorpusStore } from './store.js';

export * from './store.js';
export { contentHash } from './hash.js';
export { bucketByTime, timeUnitFor, TIME_BUCKETS, type TimeSeries, type TimeUnit } from './time-buckets.js';
export { genericSource } from './speakers.js';
export { prepareArticle, type PreparedArticle } from './prepare.js';
export { openSqliteStore, SqliteStore, type OpenOptions } from './sqlite/store.js';
export { StoryClusterer, countFrequencies, STORY_PARAMS } from './stories/clusterer.js';

/**
 * Opens a corpus store. Today every path is a SQLite file (`:memory:` for a throwaway one);
 * a `postgres://` URL will select the PostgreSQL implementation when it exists.
 */
export async function openStore(path: string, options: OpenOptions = {}): Promise<CorpusStore> {
  if (/^postgres(ql)?:\/\//.test(path)) throw new Error('PostgreSQL is not implemented yet; use a SQLite file path');
  return openSqliteStore(path, options);
}
