import type { Article } from './model/index.js';
import type { EntityRecord } from './annotate/entities/index.js';
import type { SourceRecord, SourcingProfile } from './annotate/quotes/sources.js';
import type { Timeline } from './annotate/facts/timeline.js';
import type { TechniqueSummary } from './annotate/techniques/summary.js';

/**
 * The article-level findings the default stages write, by name. Each is absent when its stage
 * did not run (a custom pipeline, an article stored before the stage existed).
 */
export interface DefaultFindings {
  /** entities stage: canonical entities with aliases, roles, affiliations and mention counts. */
  entities?: EntityRecord[];
  /** quotes stage: one record per voice quoted (named person or organisation, or an unnamed source). */
  sources?: SourceRecord[];
  /** quotes stage: named and unnamed sources, quoted share, dominant voice. */
  sourcing?: SourcingProfile;
  /** facts stage: dated events in order, with "now". */
  timeline?: Timeline;
  /** techniques stage: counts, density per 1,000 words, top sentences. */
  techniqueSummary?: TechniqueSummary;
}

/**
 * An article's findings typed as the default stages write them (`article.findings` is an open
 * record, so other stages can add their own): no casts in code that reads sources or entities.
 *
 * @example
 * const article = await analyze('Talks end\n\n“We will return,” said Ada Brine, a union leader.');
 * findingsOf(article).sources?.[0].name; // 'Ada Brine'
 */
export function findingsOf(article: Pick<Article, 'findings'>): DefaultFindings & Record<string, unknown> {
  return article.findings as DefaultFindings & Record<string, unknown>;
}
