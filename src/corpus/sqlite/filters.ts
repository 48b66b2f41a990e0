import type { ArticleFilter } from '../store.js';
import { nameKey } from '../derive.js';

/** Page size when none is given, and the most a single call returns. */
export const PAGE = { defaultLimit: 50, maxLimit: 1000 } as const;

/** True when the filter selects every article (paging aside). */
export function isUnfiltered(filter: ArticleFilter = {}): boolean {
  return !(filter.outlet || filter.section || filter.from || filter.to || filter.story || filter.technique || filter.entity || filter.speaker);
}

/**
 * Builds the WHERE clause and its parameters for an article filter. Dates compare as ISO strings;
 * `to` is inclusive of the whole day or prefix given.
 *
 * `on` is the article number the clauses test (`a.n` by default). With `rows: true` (the default)
 * outlet, section and dates are tested on the columns of `articles a` (for queries that read
 * `articles a` anyway, where the indexes on those columns apply); with `rows: false` every
 * clause is a set of article numbers (`on IN (SELECT …)`) read from an index alone, for queries
 * driven by another table (full-text matches, statistics): reading a column of an article row
 * walks its text's overflow pages (~40 µs an article).
 *
 * Entity, technique, speaker and story clauses are always sets read from covering indexes (an
 * `EXISTS` per article made counting them a scan of every article).
 */
export function filterSql(filter: ArticleFilter = {}, on = 'a.n', rows = true): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const columns: string[] = [];
  const columnParams: unknown[] = [];
  const col = (name: string) => (rows ? `a.${name}` : name);
  if (filter.outlet) columns.push(`${col('outlet')} = ?`), columnParams.push(filter.outlet);
  if (filter.section) columns.push(`${col('section')} = ?`), columnParams.push(filter.section);
  if (filter.from) columns.push(`${col('published')} >= ?`), columnParams.push(filter.from);
  if (filter.to) columns.push(`${col('published')} <= ?`), columnParams.push(filter.to + '\uffff');
  if (columns.length && rows) clauses.push(...columns), params.push(...columnParams);
  else if (columns.length) clauses.push(`${on} IN (SELECT n FROM articles WHERE ${columns.join(' AND ')})`), params.push(...columnParams);
  if (filter.story) clauses.push(`${on} IN (SELECT article FROM article_links WHERE story = ?)`), params.push(filter.story);
  if (filter.technique) clauses.push(`${on} IN (SELECT article FROM techniques WHERE technique = ?)`), params.push(filter.technique);
  if (filter.entity) clauses.push(`${on} IN (SELECT article FROM entities WHERE key = ?)`), params.push(nameKey(filter.entity));
  if (filter.speaker) {
    const person = '(SELECT id FROM persons WHERE id = ? OR key = ? OR name = ? COLLATE NOCASE)';
    clauses.push(`${on} IN (SELECT article FROM sources WHERE person IN ${person} UNION SELECT article FROM quotes WHERE person IN ${person})`);
    params.push(filter.speaker, nameKey(filter.speaker), filter.speaker, filter.speaker, nameKey(filter.speaker), filter.speaker);
  }
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}

/** Limit and offset, clamped. */
export function pageOf(filter: { limit?: number; offset?: number } = {}): { limit: number; offset: number } {
  const limit = Math.max(0, Math.min(PAGE.maxLimit, Math.floor(filter.limit ?? PAGE.defaultLimit)));
  return { limit, offset: Math.max(0, Math.floor(filter.offset ?? 0)) };
}
