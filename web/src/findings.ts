import type { Article, Span } from '../../src/model/index.js';

/*
 * Reads an article's layers and findings for display. Every reader is tolerant: a layer or
 * finding that is absent (its stage not in the pipeline) or shaped differently yields nothing.
 */

/** Layers that are scaffolding, not findings: never drawn over the text. */
export const HIDDEN_LAYERS = new Set(['tokens', 'sentences', 'paragraphs']);

/** Display order and descriptions of the layers the reader knows; others are drawn generically. */
export const KNOWN_LAYERS: Record<string, string> = {
  quotes: 'Quotes, coloured by speaker',
  entities: 'Entities, underlined by type',
  techniques: 'Persuasion techniques',
  figures: 'Figures',
  dates: 'Dates',
  statements: 'Statements',
  boilerplate: 'Site boilerplate',
  structure: 'Title and structure',
};

/** The layers of this article that can be toggled, known ones first. */
export function toggleableLayers(article: Article): string[] {
  const present = Object.keys(article.layers).filter((l) => !HIDDEN_LAYERS.has(l) && (article.layers[l]?.length ?? 0) > 0);
  const known = Object.keys(KNOWN_LAYERS).filter((l) => present.includes(l));
  return [...known, ...present.filter((l) => !(l in KNOWN_LAYERS)).sort()];
}

export function strAttr(span: Span, name: string): string | undefined {
  const v = span.attrs?.[name];
  return typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined;
}

interface EntityRecord { id?: string; name?: string; type?: string; mentions?: number; count?: number }

export function entityRecords(article: Article): EntityRecord[] {
  const e = article.findings.entities;
  return Array.isArray(e) ? (e.filter((x) => x && typeof x === 'object') as EntityRecord[]) : [];
}

/** Who a quote is attributed to: the canonical entity name, else the speaker text; undefined when unattributed. */
export function quoteSpeaker(article: Article, span: Span): string | undefined {
  const id = strAttr(span, 'speaker');
  const canonical = id ? entityRecords(article).find((e) => e.id === id)?.name : undefined;
  return canonical ?? strAttr(span, 'speakerText');
}

export interface SourceRow { name: string; quotes: number; chars: number }

/** The sourcing profile: who speaks and how much (quote count and quoted characters), most first. */
export function sourcingProfile(article: Article): SourceRow[] {
  const rows = new Map<string, SourceRow>();
  for (const q of article.layers.quotes ?? []) {
    const name = quoteSpeaker(article, q) ?? 'unattributed';
    const row = rows.get(name) ?? { name, quotes: 0, chars: 0 };
    row.quotes++;
    row.chars += q.end - q.start;
    rows.set(name, row);
  }
  return [...rows.values()].sort((a, b) => b.chars - a.chars || a.name.localeCompare(b.name));
}

/** Technique label → number of spans, most frequent first. */
export function techniqueCounts(article: Article): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const t of article.layers.techniques ?? []) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const DATE_KEYS = ['date', 'iso', 'normalized', 'value', 'when', 'time'];
const TEXT_KEYS = ['text', 'event', 'description', 'summary', 'label', 'sentence'];

function pick(o: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) if (typeof o[k] === 'string' && o[k]) return o[k] as string;
  return undefined;
}

export interface TimelineRow { when: string; what: string; at?: number }

/** The timeline: `findings.timeline` when present, else the dates layer with its sentence. */
export function timeline(article: Article): TimelineRow[] {
  const t = article.findings.timeline;
  if (Array.isArray(t) && t.length) {
    return t.filter((x) => x && typeof x === 'object').map((x) => {
      const o = x as Record<string, unknown>;
      const at = typeof o.start === 'number' ? o.start : undefined;
      return { when: pick(o, DATE_KEYS) ?? '', what: pick(o, TEXT_KEYS) ?? (at !== undefined && typeof o.end === 'number' ? article.text.slice(at, o.end) : ''), at };
    }).filter((r) => r.when || r.what);
  }
  const sentences = article.layers.sentences ?? [];
  return (article.layers.dates ?? []).map((d) => {
    const s = sentences.find((x) => x.start <= d.start && d.end <= x.end);
    return { when: strAttr(d, 'value') ?? strAttr(d, 'iso') ?? article.text.slice(d.start, d.end), what: s ? article.text.slice(s.start, s.end) : '', at: d.start };
  });
}

export interface FigureRow { text: string; source?: string; at: number; details: string[] }

/** Figures with whoever they come from (attrs source / speakerText / sourceText when the stage records one). */
export function figures(article: Article): FigureRow[] {
  return (article.layers.figures ?? []).map((f) => ({
    text: article.text.slice(f.start, f.end),
    source: strAttr(f, 'sourceText') ?? strAttr(f, 'speakerText') ?? strAttr(f, 'source'),
    at: f.start,
    details: Object.entries(f.attrs ?? {}).filter(([k, v]) => !/source|speaker|Start$|End$/.test(k) && (typeof v === 'string' || typeof v === 'number')).map(([k, v]) => `${k}: ${v}`),
  }));
}
