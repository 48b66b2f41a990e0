import type { Article, Span } from '../../src/model/index.js';
import { humanDate } from './dates.js';

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
  if (canonical) return canonical;
  const text = strAttr(span, 'speakerText');
  // Unnamed voices are shown as such, not as a person: generic ("analysts say") or unnamed ("a source said").
  if (!text || strAttr(span, 'sourceKind') !== 'anonymous') return text;
  return `${span.attrs?.generic === true ? 'generic' : 'unnamed'}: ${text}`;
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

export interface TimelineRow {
  /** The date in words ("March 2011", "2 years"), or the words of the text when unresolved. */
  when: string;
  /** The date as written in the article, when it differs from `when`. */
  written?: string;
  /** What happened: the clause's label, or the sentence. */
  what: string;
  at?: number;
  /** True for the first entry after the article's "now" (publication date). */
  afterNow?: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A timeline date in words; a "since X" range ends at publication, so it reads "since X". */
function whenOf(value: string, relation: string): string {
  const range = /^([^/]+)\/[^/]+$/.exec(value);
  if (relation === 'since' && range) return `since ${humanDate(range[1])}`;
  return humanDate(value);
}

/** The timeline: `findings.timeline.entries` (facts stage) when present, else the dates layer with its sentence. */
export function timeline(article: Article): TimelineRow[] {
  const t = article.findings.timeline as { entries?: unknown; nowIndex?: unknown } | undefined;
  const entries = Array.isArray(t) ? t : t && Array.isArray(t.entries) ? t.entries : undefined;
  if (entries?.length) {
    const nowIndex = !Array.isArray(t) && typeof t?.nowIndex === 'number' ? t.nowIndex : -1;
    return entries.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object').map((o, i) => {
      const at = typeof o.start === 'number' ? o.start : undefined;
      const written = str(o.text) || (at !== undefined && typeof o.end === 'number' ? article.text.slice(at, o.end) : '');
      const when = whenOf(str(o.value), str(o.relation)) || written;
      const clause = typeof o.clauseStart === 'number' && typeof o.clauseEnd === 'number' ? article.text.slice(o.clauseStart, o.clauseEnd).trim() : '';
      // A "what" that is only the date's own words ("Tuesday") says nothing more: left out.
      const what = str(o.label) || clause;
      return { when, written: written && written.toLowerCase() !== when.toLowerCase() ? written : undefined, what: what.toLowerCase() === written.toLowerCase() ? '' : what, at, afterNow: i === nowIndex && i > 0 };
    }).filter((r) => r.when || r.what);
  }
  const sentences = article.layers.sentences ?? [];
  return (article.layers.dates ?? []).map((d) => {
    const s = sentences.find((x) => x.start <= d.start && d.end <= x.end);
    const written = article.text.slice(d.start, d.end);
    const when = whenOf(strAttr(d, 'value') ?? '', strAttr(d, 'relation') ?? '') || written;
    return { when, written: written.toLowerCase() !== when.toLowerCase() ? written : undefined, what: s ? article.text.slice(s.start, s.end) : '', at: d.start };
  });
}

/** The name of a source or entity id ("e7", "anon:officials"): from findings.sources, then findings.entities. */
export function nameOf(article: Article, id: string): string {
  const sources = article.findings.sources;
  if (Array.isArray(sources)) {
    const s = sources.find((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === id) as { name?: unknown } | undefined;
    if (s && typeof s.name === 'string' && s.name) return s.name;
  }
  const e = entityRecords(article).find((x) => x.id === id);
  if (e?.name) return e.name;
  return id.startsWith('anon:') ? `unnamed ${id.slice(5)}` : id;
}

/** The sourcing profile (findings.sourcing) as labelled lines for people; ids become names. */
export function sourcingSummary(article: Article): Array<[string, string]> {
  const p = article.findings.sourcing as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return [];
  const rows: Array<[string, string]> = [];
  const num = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : undefined);
  if (num('namedSources') !== undefined) rows.push(['Named sources', String(num('namedSources'))]);
  if (num('anonymousSources') !== undefined) rows.push(['Unnamed sources', String(num('anonymousSources'))]);
  if (num('unresolvedQuotes')) rows.push(['Quotes without a speaker', String(num('unresolvedQuotes'))]);
  if (num('quotedShare') !== undefined) rows.push(['Quoted text', `${Math.round(100 * num('quotedShare')!)}% of the article`]);
  if (typeof p.dominant === 'string' && p.dominant) rows.push(['Dominant voice', nameOf(article, p.dominant)]);
  if (p.singleVoice === true) rows.push(['Single voice', 'every attributed quote comes from one source']);
  // With no named source, "all named sources share one side" is vacuously true and says nothing.
  if (p.oneSide === true && p.singleVoice !== true && (num('namedSources') ?? 1) > 0) rows.push(['One side', 'all named sources share one affiliation or kind']);
  return rows;
}

export interface FigureRow {
  text: string;
  source?: string;
  at: number;
  /** What the figure means in plain words ("about 200,000 people killed") when that adds to its text. */
  gloss?: string;
}

/** A figure's normalised value in words: qualifier, number, percent or currency, what is counted. */
export function figureGloss(text: string, attrs: Record<string, unknown>): string | undefined {
  const value = attrs.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  // A percentage's "counted" is what it is a share of; "55% oska river" reads wrongly, so leave it out.
  const what = str(attrs.kind) === 'percent' ? '' : str(attrs.counted) || str(attrs.unit);
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  // Only when it adds something: a counted thing, or a number the text does not spell out.
  if (!what && text.replace(/[,\s]/g, '').includes(String(value))) return undefined;
  let gloss = str(attrs.kind) === 'percent' ? `${number}%` : number;
  if (str(attrs.currency)) gloss = `${str(attrs.currency)} ${gloss}`;
  if (what) gloss += ` ${what}`;
  if (str(attrs.qualifier)) gloss = `${str(attrs.qualifier)} ${gloss}`;
  return gloss.toLowerCase() === text.toLowerCase() ? undefined : gloss;
}

/** Who gives a figure; the facts stage's 'reporter' (the article's own voice) and 'unnamed' in words. */
export function figureSource(f: Span): string | undefined {
  const source = strAttr(f, 'sourceText') ?? strAttr(f, 'speakerText') ?? strAttr(f, 'source');
  if (source === 'reporter' || strAttr(f, 'sourceKind') === 'reporter') return 'the article itself';
  return source === 'unnamed' ? 'an unnamed source' : source;
}

/** A vague amount ("hundreds", "dozens") in words: its normalised value is only a floor, so it is not shown as the meaning. */
function vagueGloss(f: Span): string | undefined {
  if (f.attrs?.vague !== true) return undefined;
  const what = strAttr(f, 'counted') ?? strAttr(f, 'unit');
  return `a vague amount${what ? ` of ${what}` : ''}`;
}

/** Figures with whoever they come from (attrs source / speakerText / sourceText when the stage records one). */
export function figures(article: Article): FigureRow[] {
  return (article.layers.figures ?? []).map((f) => {
    const text = article.text.slice(f.start, f.end);
    return {
      text,
      source: figureSource(f),
      at: f.start,
      gloss: vagueGloss(f) ?? figureGloss(text, f.attrs ?? {}),
    };
  });
}

/** What a tooltip says about one finding: a heading and lines in words (no ids, no raw attributes). */
export interface TipText { title: string; lines: string[] }

const words = (label: string): string => label.replace(/[-_]/g, ' ');

/**
 * The tooltip of a figure, date or statement span, written for people: a figure's meaning and
 * source, a date on the calendar, a statement's kind and who makes it. Undefined for other layers.
 */
export function findingTip(article: Article, layer: string, span: Span): TipText | undefined {
  const text = article.text.slice(span.start, span.end);
  if (layer === 'figures') {
    const gloss = vagueGloss(span) ?? (figureGloss(text, span.attrs ?? {}) && `means ${figureGloss(text, span.attrs ?? {})}`);
    const source = figureSource(span);
    const lines = [gloss ?? '', source ? `from ${source}` : 'source not stated'];
    return { title: `Figure · ${text}`, lines: lines.filter(Boolean) };
  }
  if (layer === 'dates') {
    const value = strAttr(span, 'value') ?? '';
    const when = whenOf(value, strAttr(span, 'relation') ?? '');
    const lines = span.label === 'duration' ? [when ? `lasting ${when}` : ''] : [
      when && when.toLowerCase() !== text.toLowerCase() ? when : '',
      !value && span.attrs?.anchored === false ? 'not placed on a calendar (the article has no date to count from)' : '',
      span.attrs?.approx === true ? 'approximate' : '',
    ];
    return { title: `${span.label === 'duration' ? 'Duration' : 'Date'} · ${text}`, lines: lines.filter(Boolean) };
  }
  if (layer === 'statements') {
    const source = strAttr(span, 'source') ?? strAttr(span, 'speakerText');
    const cue = strAttr(span, 'cue');
    const opinion = typeof span.attrs?.opinion === 'number' ? span.attrs.opinion : 0;
    const lines = [
      source ? `from ${source}${cue ? ` (“${cue}”)` : ''}` : cue ? `cue: “${cue}”` : '',
      span.attrs?.checkable === true ? 'states something that can be checked' : '',
      opinion > 0 ? `opinion wording: ${Math.round(opinion * 100)}%` : '',
    ];
    return { title: `Statement · ${words(span.label)}`, lines: lines.filter(Boolean) };
  }
  return undefined;
}

/**
 * Technique spans per article of each outlet (outlet → technique → rate, two decimals), so an
 * outlet with 800 articles and one with 12 compare on one scale; outlets are labelled with
 * their article count ("Politico · 12 articles"), '' as "(no outlet)".
 */
export function techniqueRates(spans: Record<string, Record<string, number>>, articles: Record<string, number>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [outlet, row] of Object.entries(spans)) {
    const n = articles[outlet] ?? 0;
    if (!n) continue;
    const rates: Record<string, number> = {};
    for (const [technique, count] of Object.entries(row)) rates[technique] = Math.round((100 * count) / n) / 100;
    out[`${outlet || '(no outlet)'} · ${n} article${n === 1 ? '' : 's'}`] = rates;
  }
  return out;
}
