import type { ArticleFilter } from '../store.js';
import { nameKey } from '../derive.js';

/** Page size when none is given, and the most a single call returns. */
export const PAGE = { defaultLimit: 50, maxLimit: 1000 } as const;

/**
 * Builds the WHERE clause (over `articles a`) and its parameters for an article filter.
 * Dates compare as ISO strings; `to` is inclusive of the whole day or prefix given.
 */
export function filterSql(filter: ArticleFilter = {}): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.outlet) clauses.push('a.outlet = ?'), params.push(filter.outlet);
  if (filter.section) clauses.push('a.section = ?'), params.push(filter.section);
  if (filter.from) clauses.push('a.published >= ?'), params.push(filter.from);
  if (filter.to) clauses.push('a.published <= ?'), params.push(filter.to + '\uffff');
  if (filter.story) clauses.push('a.n IN (SELECT article FROM article_links WHERE story = ?)'), params.push(filter.story);
  if (filter.technique) clauses.push('EXISTS (SELECT 1 FROM techniques t WHERE t.article = a.n AND t.technique = ?)'), params.push(filter.technique);
  if (filter.entity) clauses.push('EXISTS (SELECT 1 FROM entities e WHERE e.article = a.n AND e.key = ?)'), params.push(nameKey(filter.entity));
  if (filter.speaker) {
    const person = '(SELECT id FROM persons WHERE id = ? OR key = ?)';
    clauses.push(`(EXISTS (SELECT 1 FROM sources s WHERE s.article = a.n AND s.person IN ${person}) OR EXISTS (SELECT 1 FROM quotes q WHERE q.article = a.n AND q.person IN ${person}))`);
    params.push(filter.speaker, nameKey(filter.speaker), filter.speaker, nameKey(filter.speaker));
  }
  return { where: clauses.length ? clauses.join(' AND ') : '1', params };
}

/** Limit and offset, clamped. */
export function pageOf(filter: { limit?: number; offset?: number } = {}): { limit: number; offset: number } {
  const limit = Math.max(0, Math.min(PAGE.maxLimit, Math.floor(filter.limit ?? PAGE.defaultLimit)));
  return { limit, offset: Math.max(0, Math.floor(filter.offset ?? 0)) };
}
