import type { Article } from '../model/index.js';

/*
 * What the HTTP routes need from the corpus. It mirrors the corpus issue's `CorpusStore`
 * (src/corpus/store.ts) method for method, so the SQLite store satisfies it structurally; the
 * in-memory `MemoryStore` implements it for tests and for running without a database file.
 */

export interface ListOptions {
  limit?: number;
  offset?: number;
}

/** Article filters; every field is optional and they combine with AND. */
export interface ArticleFilter extends ListOptions {
  outlet?: string;
  section?: string;
  from?: string;
  to?: string;
  entity?: string;
  speaker?: string;
  technique?: string;
  story?: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface ArticleSummary {
  id: string;
  title?: string;
  outlet?: string;
  section?: string;
  published?: string;
  url?: string;
  story?: string;
  duplicateOf?: string;
  chars: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchHit extends ArticleSummary {
  snippet: string;
  rank: number;
}

export interface SearchResult extends Page<SearchHit> {
  facets: Record<'outlet' | 'section' | 'entity' | 'speaker' | 'technique' | 'story', FacetCount[]>;
}

export interface CorpusStats {
  articles: number;
  outlets: number;
  stories: number;
  speakers: number;
  perDay: FacetCount[];
  techniquesByOutlet: Record<string, Record<string, number>>;
  topEntities: Array<FacetCount & { type?: string }>;
  topSpeakers: FacetCount[];
}

export interface StorySummary {
  id: string;
  thread: string;
  label: string;
  size: number;
  outlets: string[];
  first?: string;
  last?: string;
  topEntities: string[];
  topSpeakers: string[];
}

export interface SpeakerSummary {
  id: string;
  name: string;
  quotes: number;
  articles: number;
  roles: string[];
  affiliations: string[];
  outlets: string[];
}

export interface SpeakerDetail extends SpeakerSummary {
  variants: string[];
  overTime: FacetCount[];
  coQuoted: Array<FacetCount & { id: string }>;
  techniques: FacetCount[];
}

export interface PutResult {
  id: string;
  created: boolean;
  story?: string;
  duplicateOf?: string;
}

export type ExportKind = 'articles' | 'quotes' | 'entities' | 'techniques' | 'stories' | 'speakers';
export const EXPORT_KINDS: readonly ExportKind[] = ['articles', 'quotes', 'entities', 'techniques', 'stories', 'speakers'];

/** The corpus operations the server calls (a subset of the corpus issue's `CorpusStore`). */
export interface ServerStore {
  putArticle(article: Article): Promise<PutResult>;
  putArticles(articles: readonly Article[]): Promise<PutResult[]>;
  getArticle(id: string): Promise<Article | undefined>;
  listArticles(filter?: ArticleFilter): Promise<Page<ArticleSummary>>;
  search(query: string, filter?: ArticleFilter): Promise<SearchResult>;
  stats(filter?: ArticleFilter): Promise<CorpusStats>;
  listStories(options?: ListOptions & { thread?: string; outlet?: string }): Promise<Page<StorySummary>>;
  getStory(id: string): Promise<(StorySummary & { articles: ArticleSummary[] }) | undefined>;
  listSpeakers(options?: ListOptions & { query?: string; outlet?: string }): Promise<Page<SpeakerSummary>>;
  getSpeaker(id: string): Promise<SpeakerDetail | undefined>;
  exportRecords(kind: ExportKind): AsyncIterable<Record<string, unknown>>;
  info(): Promise<{ schemaVersion: number; path: string; articles: number }>;
  close(): Promise<void>;
}
