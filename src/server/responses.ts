import { z } from 'zod';
import type { Article } from '../model/index.js';
import type { ArticleSummary, CorpusStats, FacetCount, Page, PutResult, SearchResult, SpeakerDetail, SpeakerSummary, StorySummary } from '../corpus/store.js';

/*
 * Response shapes of the API, for the OpenAPI description. They mirror the TypeScript types the
 * handlers return: the `satisfies`-style checks at the bottom fail to compile when a type loses or
 * retypes a documented field, and `responses.test.ts` checks real responses against these schemas
 * and for fields the description does not name.
 */

const attrValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()).readonly(), z.array(z.number()).readonly()]);

export const spanSchema = z.object({
  start: z.number().int().describe('offset in UTF-16 code units of `text` (inclusive)'),
  end: z.number().int().describe('offset in UTF-16 code units of `text` (exclusive)'),
  label: z.string(),
  attrs: z.record(z.string(), attrValue).optional(),
  score: z.number().optional().describe('confidence in [0, 1] for judgements'),
  evidence: z.array(z.string()).optional().describe('reasons in words, most important first'),
  source: z.object({ stage: z.string(), rule: z.string().optional(), model: z.string().optional(), version: z.string().optional() }).optional(),
});

const noticeSchema = z.object({ code: z.string(), message: z.string(), stage: z.string().optional() });

/** The metadata an article's full record and its summary both carry. */
const sharedMetaShape = {
  title: z.string().optional(),
  section: z.string().optional(),
  outlet: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
};

export const articleSchema = z.object({
  id: z.string().optional(),
  text: z.string().describe('the article text every span points into'),
  meta: z.looseObject({
    ...sharedMetaShape,
    author: z.string().optional(),
    canonicalUrl: z.string().optional(),
    language: z.string().optional(),
    origin: z.string().optional(),
    format: z.enum(['text', 'html', 'jsonl', 'warc', 'feed']).optional(),
  }),
  layers: z.record(z.string(), z.array(spanSchema)).describe('layer name (tokens, sentences, structure, boilerplate, entities, quotes, facts, techniques, …) → spans'),
  findings: z.record(z.string(), z.unknown()).describe('article-level records (canonical entities, sources, timeline, technique summary) pointing into layers'),
  notices: z.array(noticeSchema),
  analysis: z.record(z.string(), z.string()).describe('stage → version of every stage that ran'),
});

const facetSchema = z.object({ value: z.string(), count: z.number().int(), label: z.string().optional() });

const articleSummaryShape = {
  id: z.string(),
  ...sharedMetaShape,
  story: z.string().optional(),
  duplicateOf: z.string().optional().describe('an earlier article this one nearly duplicates'),
  chars: z.number().int(),
};
export const articleSummarySchema = z.object(articleSummaryShape);

const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });

export const searchResultSchema = page(z.object({ ...articleSummaryShape, snippet: z.string().describe('text around the matches, matched terms in [ ]'), rank: z.number().describe('bm25, lower is better') })).extend({
  facets: z.object({ outlet: z.array(facetSchema), section: z.array(facetSchema), entity: z.array(facetSchema), speaker: z.array(facetSchema), technique: z.array(facetSchema), story: z.array(facetSchema) }),
  facetsOver: z.number().int().optional().describe('present when facets count only this many best-ranked matches'),
});

const timeUnit = z.enum(['day', 'week', 'month', 'year']);

export const statsSchema = z.object({
  articles: z.number().int(),
  outlets: z.number().int(),
  stories: z.number().int(),
  speakers: z.number().int(),
  perDay: z.array(facetSchema),
  attention: z.object({ unit: timeUnit, points: z.array(facetSchema) }),
  techniquesByOutlet: z.record(z.string(), z.record(z.string(), z.number())),
  articlesByOutlet: z.record(z.string(), z.number()),
  topEntities: z.array(facetSchema.extend({ type: z.string().optional() })),
  topSpeakers: z.array(facetSchema),
  sampledFrom: z.number().int().optional().describe('present when the top lists come from this many most recent matching articles'),
  topUnnamed: z.array(facetSchema),
});

const storyShape = {
  id: z.string(),
  thread: z.string(),
  label: z.string(),
  size: z.number().int(),
  outlets: z.array(z.string()),
  first: z.string().optional(),
  last: z.string().optional(),
  topEntities: z.array(z.string()),
  topSpeakers: z.array(z.string()),
};
export const storySummarySchema = z.object(storyShape);
export const storyDetailSchema = z.object({ ...storyShape, articles: z.array(articleSummarySchema), offset: z.number().int() });

const speakerShape = {
  id: z.string(),
  name: z.string(),
  generic: z.boolean().describe('an unnamed source ("officials"), counted by label, never merged with a person'),
  quotes: z.number().int(),
  articles: z.number().int(),
  roles: z.array(z.string()),
  affiliations: z.array(z.string()),
  outlets: z.array(z.string()),
};
export const speakerSummarySchema = z.object(speakerShape);
export const speakerDetailSchema = z.object({
  ...speakerShape,
  variants: z.array(z.string()),
  overTime: z.array(facetSchema),
  overTimeUnit: timeUnit,
  coQuoted: z.array(facetSchema.extend({ id: z.string() })),
  techniques: z.array(facetSchema),
});

export const healthSchema = z.object({ ok: z.boolean(), stages: z.array(z.string()), articles: z.number().int() });
export const putResultSchema = z.object({ id: z.string(), created: z.boolean(), story: z.string().optional(), duplicateOf: z.string().optional(), article: articleSchema });
export const errorSchema = z.object({ error: z.string() });

/** Named response schemas: the OpenAPI `components.schemas`, referenced by the paths. */
export const RESPONSE_SCHEMAS = {
  Article: articleSchema,
  ArticlePage: page(articleSummarySchema),
  SearchResult: searchResultSchema,
  Stats: statsSchema,
  StoryPage: page(storySummarySchema),
  Story: storyDetailSchema,
  SpeakerPage: page(speakerSummarySchema),
  Speaker: speakerDetailSchema,
  EntityPage: page(facetSchema.extend({ type: z.string().optional() })),
  Health: healthSchema,
  Stored: putResultSchema,
  Error: errorSchema,
} as const;

export type ResponseName = keyof typeof RESPONSE_SCHEMAS;

// Compile-time drift checks: each handler's type must still carry what its schema documents.
type Documents<S extends z.ZodType, T> = T extends z.input<S> ? true : never;
const documented: [
  Documents<typeof articleSummarySchema, ArticleSummary>,
  Documents<typeof searchResultSchema, SearchResult>,
  Documents<typeof statsSchema, CorpusStats>,
  Documents<typeof storySummarySchema, StorySummary>,
  Documents<ReturnType<typeof page<typeof storySummarySchema>>, Page<StorySummary>>,
  Documents<typeof speakerSummarySchema, SpeakerSummary>,
  Documents<typeof speakerDetailSchema, SpeakerDetail>,
  Documents<typeof facetSchema, FacetCount>,
  Documents<typeof putResultSchema, PutResult & { article: Article }>,
] = [true, true, true, true, true, true, true, true, true];
void documented;
