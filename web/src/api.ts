import type { Article } from '../../src/model/index.js';

/** A failed API call: the server's one-line message. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** What a failed fetch (network down, server stopped) says. */
export const UNREACHABLE = 'The server could not be reached.';

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'Content-Type': 'application/json', ...(init?.headers ?? {}) } });
  } catch {
    // Only a failed fetch means the server is out of reach (a page's own error says something else).
    throw new ApiError(0, UNREACHABLE);
  }
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new ApiError(res.status, (body as { error?: string }).error ?? `HTTP ${res.status}`);
  return body as T;
}

/** Builds a query string, skipping empty values. */
export function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface FacetCount { value: string; count: number; label?: string }
export interface ArticleSummary { id: string; title?: string; outlet?: string; section?: string; published?: string; url?: string; story?: string; chars: number }
export interface Page<T> { total: number; items: T[] }
export interface StorySummary { id: string; thread: string; label: string; size: number; outlets: string[]; first?: string; last?: string; topEntities: string[]; topSpeakers: string[] }
export interface SpeakerSummary { id: string; name: string; generic: boolean; quotes: number; articles: number; roles: string[]; affiliations: string[]; outlets: string[] }
export type TimeUnit = 'day' | 'week' | 'month' | 'year';
export interface SpeakerDetail extends SpeakerSummary { variants: string[]; overTime: FacetCount[]; overTimeUnit: TimeUnit; coQuoted: Array<FacetCount & { id: string }>; techniques: FacetCount[] }
export interface SearchHit extends ArticleSummary { snippet: string; rank: number }
export interface SearchResult extends Page<SearchHit> { facets: Record<string, Array<FacetCount & { label?: string }>>; facetsOver?: number }
export interface CorpusStats { articles: number; outlets: number; stories: number; speakers: number; perDay: FacetCount[]; techniquesByOutlet: Record<string, Record<string, number>>; articlesByOutlet: Record<string, number>; topEntities: Array<FacetCount & { type?: string }>; topSpeakers: FacetCount[]; topUnnamed: FacetCount[]; attention: { unit: TimeUnit; points: FacetCount[] }; sampledFrom?: number }

export const api = {
  health: () => request<{ ok: boolean; stages: string[]; articles: number }>('/api/health'),
  analyze: (body: { text?: string; url?: string; html?: string }) => request<Article>('/api/analyze', { method: 'POST', body: JSON.stringify(body) }),
  /** An article; with `layers`, only those layers (a page comparing many articles needs few). */
  article: (id: string, layers?: readonly string[]) => request<Article>(`/api/articles/${encodeURIComponent(id)}${qs({ layers: layers?.join(',') })}`),
  articles: (filter: Record<string, string | number | undefined>) => request<Page<ArticleSummary>>(`/api/articles${qs(filter)}`),
  stories: (limit = 100) => request<Page<StorySummary>>(`/api/stories${qs({ limit })}`),
  story: (id: string, offset = 0, limit = 24) => request<StorySummary & { articles: ArticleSummary[]; offset: number }>(`/api/stories/${encodeURIComponent(id)}${qs({ limit, offset: offset || undefined })}`),
  speakers: (q?: string, generic?: boolean) => request<Page<SpeakerSummary>>(`/api/speakers${qs({ q, generic: generic === undefined ? undefined : String(generic), limit: 200 })}`),
  speaker: (id: string) => request<SpeakerDetail>(`/api/speakers/${encodeURIComponent(id)}`),
  search: (params: Record<string, string | number | undefined>) => request<SearchResult>(`/api/search${qs(params)}`),
  stats: () => request<CorpusStats>('/api/stats'),
};
