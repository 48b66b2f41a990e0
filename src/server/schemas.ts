import { z } from 'zod';
import { isoDateProblem } from '../model/iso-date.js';

/*
 * Request shapes, validated with zod at the edge. The same schemas generate the OpenAPI
 * description (`z.toJSONSchema`), so the documentation cannot drift from the validation.
 */

export const INPUT_LIMITS = {
  /** Largest JSON request body (bytes); the longest news articles are well under 200 kB. */
  maxBodyBytes: 2_000_000,
  /** Largest article text or HTML accepted (UTF-16 units). */
  maxTextChars: 1_000_000,
  maxUrlChars: 2048,
  maxPage: 500,
  maxQueryChars: 500,
} as const;

const short = z.string().max(300);

export const metaSchema = z.object({
  title: short.optional(),
  outlet: short.optional(),
  section: short.optional(),
  author: short.optional(),
  published: z.string().max(40).optional(),
  url: z.string().max(INPUT_LIMITS.maxUrlChars).optional(),
}).strict();

/** Leading characters inspected, and the share of control characters that makes a string binary (as `looksBinary` for files). */
const SNIFF_CHARS = 8192;
const MAX_CONTROL_SHARE = 0.05;

/** True when a string holds binary data decoded as text: a NUL, or many control characters. */
export function looksBinaryString(s: string): boolean {
  const n = Math.min(s.length, SNIFF_CHARS);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** Article text or HTML: not empty, not only white space, not binary (the same refusals as the CLI's). */
const articleString = z.string()
  .min(1, 'is empty')
  .max(INPUT_LIMITS.maxTextChars, `is over ${INPUT_LIMITS.maxTextChars.toLocaleString('en')} characters`)
  .refine((s) => s.trim().length > 0, 'has no text (only white space)')
  .refine((s) => !looksBinaryString(s), 'looks like binary data, not text');

/** `POST /api/analyze` and `POST /api/articles`: exactly one of text, html or url. */
export const analyzeSchema = z.object({
  text: articleString.optional(),
  html: articleString.optional(),
  url: z.url({ protocol: /^https?$/ }).max(INPUT_LIMITS.maxUrlChars).optional(),
  meta: metaSchema.optional(),
}).strict().refine((b) => [b.text, b.html, b.url].filter((x) => x !== undefined).length === 1, {
  message: 'give exactly one of text, html or url',
});
export type AnalyzeBody = z.infer<typeof analyzeSchema>;

const count = (max: number) => z.coerce.number().int().min(0).max(max).optional();
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((v) => !isoDateProblem(v), { error: (issue) => isoDateProblem(String(issue.input)) ?? 'not a date' }).optional();

export const pageSchema = z.object({ limit: count(INPUT_LIMITS.maxPage), offset: count(1_000_000) });

export const filterSchema = pageSchema.extend({
  outlet: short.optional(),
  section: short.optional(),
  from: isoDate,
  to: isoDate,
  entity: short.optional(),
  speaker: short.optional(),
  technique: short.optional(),
  story: short.optional(),
}).strict();

export const searchSchema = filterSchema.extend({ q: z.string().trim().min(1, 'give some words to search for').max(INPUT_LIMITS.maxQueryChars) }).strict();
export const storiesSchema = pageSchema.extend({ thread: short.optional(), outlet: short.optional() }).strict();
/** `generic=true` lists only unnamed sources ("officials"), `generic=false` only named speakers. */
export const speakersSchema = pageSchema.extend({
  q: short.optional(),
  outlet: short.optional(),
  generic: z.enum(['true', 'false'], 'expected true or false').transform((v) => v === 'true').optional(),
}).strict();
export const entitiesSchema = filterSchema;
export const exportSchema = z.object({ format: z.enum(['csv', 'json', 'jsonl']).default('json') }).strict();
/** `GET /api/articles/{id}?layers=quotes,techniques`: only these layers (text, meta, findings and notices always). */
export const articleQuerySchema = z.object({
  layers: z.string().max(300).regex(/^[\w-]+(,[\w-]+)*$/, 'expected layer names separated by commas, e.g. quotes,techniques').optional()
    .describe('comma-separated layer names to include (default: every layer); the tokens and sentences layers are most of an article\'s size'),
}).strict();
export const idSchema = z.string().min(1).max(100).regex(/^[\w.-]+$/);
