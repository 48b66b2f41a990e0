import type { Span } from '../../model/index.js';
import type { Attribution } from './attribution.js';
import { KILLED_BEFORE, NATIONALITIES, OUTCOME_WINDOW, OUTCOME_WORDS, QUALIFIERS, UNIT_MAX_ADJECTIVES } from './constants.js';
import { TokenIndex, spanAt, wordStarts } from './context.js';
import { W, type WordClasses } from './word-classes.js';
import { parseNumber } from './numbers.js';

/** Attributes of a `figures` span. */
export interface FigureAttrs {
  [key: string]: string | number | boolean;
  /** The number (lower bound for vague amounts; 0.333… for "a third"). */
  value: number;
  kind: 'count' | 'percent' | 'money' | 'fraction';
  vague: boolean;
  /** The qualifier as written ("over", "nearly", "at least"), or ''. */
  qualifier: string;
  /** What the qualifier does to the number: 'above', 'below', 'approx', 'exact', or ''. */
  bound: string;
  /** The unit or counted noun ("people", "hours"), or ''. */
  unit: string;
  /** The counted thing with what happened to it ("people killed"), or the unit. */
  counted: string;
  currency: string;
  /** Who gives the figure ("Staffan de Mistura"), or 'reporter' for the reporter's own voice. */
  source: string;
  /** 'quote', 'according-to', 'reporting-verb', 'quoted' or 'reporter'. */
  sourceKind: string;
  /** Entity id of the source when known, else ''. */
  sourceEntity: string;
  /** The cue that attributes the figure ("estimates", "according to"), or ''. */
  cue: string;
}

export type FigureSpan = Span<FigureAttrs>;

const QUALIFIER = Object.keys(QUALIFIERS).sort((a, b) => b.length - a.length).join('|').replace(/ /g, '\\s+');
const BASE = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const SCALE = '(?:hundred|thousand|million|billion|trillion)';
const DIGITS = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s+${SCALE}|\\s?(?:bn|m)(?![A-Za-z]))?`;
const VAGUE = `(?:hundreds|thousands|millions|billions|dozens|tens|scores)(?:\\s+of\\s+(?:thousands|millions|billions))?|a\\s+dozen`;
const FRACTION = `(?:a|one|two|three|four)[\\s-](?:half|third|quarter|fifth|tenth)s?(?=\\s+of\\b|\\s*[,.;:)]|\\s*$)|half(?=\\s+of\\b)`;
const WORDS = `(?:${BASE})(?:\\s+${SCALE})*|an?\\s+${SCALE}(?:\\s+${SCALE})*|dozen`;

/** Numbers in digits and words, with an optional qualifier, currency and percent sign. */
const FIGURE_PATTERN = new RegExp(
  `(?<![\\w.,/$£€[-])(?:(?<q>${QUALIFIER})\\s+)?(?<cur>US\\$|[$£€])?(?<n>${DIGITS}|${VAGUE}|${FRACTION}|${WORDS})(?![A-Za-z0-9]|[:/]\\d)(?<pct>\\s*%|\\s+per\\s?cent\\b|\\s+percent\\b)?`,
  'iy',
);

/**
 * Whether the figure pattern is worth trying at word w: digits and currency signs, "a"/"an"
 * before a scale or fraction word, a qualifier's first word before a number (or the qualifier's
 * next word), a number word (also before a hyphen: "two-thirds").
 */
function triggers({ classes, beforeDash }: WordClasses, w: number): boolean {
  // (Word shapes come from the flags: see W.digit. Most words have no flag and cost one read.)
  const cls = classes[w];
  if (cls & (W.digit | W.dollar | W.poundEuro)) return true;
  const nextClass = w + 1 < classes.length ? classes[w + 1] : 0;
  if (cls & W.article) return (nextClass & W.afterArticle) !== 0;
  if (cls & W.qualifierFirst) return (nextClass & (W.digit | W.dollar | W.figure | W.qualifierSecond)) !== 0;
  if (cls & W.figure) return true;
  return (beforeDash[w] & W.figure) !== 0;
}

/** Words before "one" that make it a pronoun ("no one", "the one"). */
const ONE_PRONOUN_BEFORE = /\b(?:no|any|every|each|the|this|that|which|someone|anyone|only)\s+$/i;
const CURRENCY_WORDS: Record<string, string> = { dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', pounds: 'GBP', rials: 'IRR' };
const SYMBOLS: Record<string, string> = { $: 'USD', us$: 'USD', '£': 'GBP', '€': 'EUR' };

/** What may precede a capitalised word at a sentence or line start. */
const SENTENCE_START = /(?:^|[.!?:"“”‘’(\n]\s*|\n)$/;
/** A person's age in apposition: "Joseph Kamau, 54, said" — a bare number between commas right after a capitalised name. */
const AGE_BEFORE = /\p{Lu}[\p{L}.'’-]*,\s$/u;
const AGE_AFTER = /^,/;
const MAX_AGE = 120;

interface UnitInfo {
  unit: string;
  counted: string;
}


/** The lowercased text of token k (a module function, not a closure: under tsx's keepNames a closure pays a defineProperty per call). */
function lowerTokenText(text: string, tokens: readonly Span[], k: number): string {
  return text.slice(tokens[k].start, tokens[k].end).toLowerCase();
}
/** The counted noun after a number, and an outcome word ("killed") in the clause after it. */
function unitAfter(text: string, index: TokenIndex, end: number, limit: number, before: string, plural: boolean): UnitInfo {
  const tokens = index.tokens;
  let unit = '';
  let i = index.firstAtOrAfter(end);
  const hyphen = /^-([a-z]{2,})/.exec(text.slice(end, end + 20));
  if (hyphen) {
    unit = hyphen[1].toLowerCase() + (plural ? 's' : '');
    if (/^-old\b/.test(text.slice(end + hyphen[0].length, end + hyphen[0].length + 5))) unit += ' old'; // "56-year-old"
    i = index.firstAtOrAfter(end + hyphen[0].length);
  } else {
    if (i < tokens.length && lowerTokenText(text, tokens, i) === 'of') i++;
    if (i < tokens.length && tokens[i].label === 'DET') i++;
    let adjectives = 0;
    while (i < tokens.length && tokens[i].end <= limit && (tokens[i].label === 'ADJ' || NATIONALITIES.has(lowerTokenText(text, tokens, i))) && adjectives < UNIT_MAX_ADJECTIVES) {
      i++;
      adjectives++;
    }
    const from = i;
    while (i < tokens.length && tokens[i].end <= limit && (tokens[i].label === 'NOUN' || tokens[i].label === 'PROPN') && i - from < 2) i++;
    if (i > from) unit = text.slice(tokens[from].start, tokens[i - 1].end).toLowerCase();
    else i = from;
  }
  let outcome = KILLED_BEFORE.test(before) ? 'killed' : '';
  for (let k = i; !outcome && k < tokens.length && k < i + OUTCOME_WINDOW && tokens[k].end <= limit; k++) {
    const w = text.slice(tokens[k].start, tokens[k].end).toLowerCase();
    if (OUTCOME_WORDS.has(w)) outcome = w === 'dead' || w === 'died' ? 'killed' : w;
    else if (tokens[k].label === 'PUNCT') break;
  }
  return { unit, counted: outcome && unit ? `${unit} ${outcome}` : unit };
}

/**
 * Finds figures: numbers in digits and words, with qualifier, unit and counted thing. Numbers
 * inside `dates` spans (years, days) are not figures; durations are. Only matches inside the
 * `ranges` (body text) are kept. Sources are filled in by `attachSource`.
 *
 * @example
 * findFigures('Over 400,000 people were killed.', index)[0].attrs.counted; // 'people killed'
 */
export function findFigures(text: string, index: TokenIndex, dates: readonly Span[] = [], ranges?: readonly Pick<Span, 'start' | 'end'>[], sentences: readonly Span[] = []): FigureSpan[] {
  const out: FigureSpan[] = [];
  const dateOnly = dates.filter((d) => d.label === 'date');
  let r = 0;
  let dIndex = 0;
  const { starts, words, classes } = wordStarts(text, index);
  let next = 0;
  for (let w = 0; w < words.length; w++) {
    const start = starts[w];
    if (start < next || !triggers(classes, w)) continue;
    if (ranges) {
      while (r < ranges.length && ranges[r].end <= start) r++;
      if (r >= ranges.length) break;
      if (start < ranges[r].start) continue;
    }
    FIGURE_PATTERN.lastIndex = start;
    const m = FIGURE_PATTERN.exec(text);
    if (!m) continue;
    const end = start + m[0].length;
    if (ranges && end > ranges[r].end) continue;
    next = end;
    const g = m.groups!;
    const numStart = start + m[0].indexOf(g.n);
    while (dIndex < dateOnly.length && dateOnly[dIndex].end <= numStart) dIndex++;
    if (dIndex < dateOnly.length && dateOnly[dIndex].start <= numStart) continue;
    // a capitalised number word inside a name ("Marine One", "Formula One")
    if (/^[A-Z][a-z]/.test(g.n) && !g.q && !SENTENCE_START.test(text.slice(Math.max(0, numStart - 3), numStart))) continue;
    if (/^one$/i.test(g.n)) {
      const next = index.tokens[index.firstAtOrAfter(numStart + 3)];
      if (ONE_PRONOUN_BEFORE.test(text.slice(Math.max(0, numStart - 12), numStart)) || !next || next.label !== 'NOUN') continue;
    }
    const parsed = parseNumber(g.n.replace(/(\d)\s?(bn|m)$/i, '$1 $2'));
    if (!parsed) continue;
    // An age in apposition is no figure anyone reports ("Joseph Kamau, 54, said").
    if (!g.q && !g.cur && !g.pct && /^\d+$/.test(g.n) && parsed.value <= MAX_AGE && AGE_AFTER.test(text.slice(end, end + 1)) && AGE_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
    const sentence = spanAt(sentences, numStart);
    const limit = sentence?.end ?? text.length;
    const { unit, counted } = unitAfter(text, index, end, limit, text.slice(Math.max(sentence?.start ?? 0, start - 40), start), parsed.value !== 1);
    const qualifier = g.q ? g.q.toLowerCase().replace(/\s+/g, ' ') : '';
    const currency = g.cur ? SYMBOLS[g.cur.toLowerCase()] : CURRENCY_WORDS[unit] ?? '';
    out.push({
      start,
      end,
      label: 'figure',
      attrs: {
        value: parsed.value,
        kind: g.pct ? 'percent' : currency ? 'money' : parsed.fraction ? 'fraction' : 'count',
        vague: parsed.vague,
        qualifier,
        bound: qualifier ? QUALIFIERS[qualifier] : '',
        unit,
        counted,
        currency,
        source: 'reporter',
        sourceKind: 'reporter',
        sourceEntity: '',
        cue: '',
      },
      source: { stage: 'facts', rule: 'figure' },
    });
  }
  return out;
}

/**
 * Picks the attribution that covers a figure: a quote containing it, then "according to", then
 * the closest reporting verb in the sentence ("X estimates that N"; one after the figure only with
 * a named source: "N died, officials said"); else the reporter's voice.
 */
export function sourceOf(figure: Pick<Span, 'start' | 'end'>, candidates: readonly Attribution[]): Attribution | undefined {
  const quote = candidates.find((a) => a.kind === 'quote' && a.contentStart <= figure.start && figure.end <= a.contentEnd);
  if (quote) return quote;
  const according = candidates.find((a) => a.kind === 'according-to');
  if (according) return according;
  let best: Attribution | undefined;
  for (const a of candidates) {
    if (a.kind !== 'reporting-verb' && a.kind !== 'quoted') continue;
    // A reporting verb after the figure with no one named before it ("voted 7 to 2, a decision
    // the mayor called …") reports something else: the figure stays in the reporter's voice.
    if (a.kind === 'reporting-verb' && !a.source && a.cueStart >= figure.end) continue;
    if (!best || Math.abs(a.cueStart - figure.start) < Math.abs(best.cueStart - figure.start) || (!best.source && a.source)) best = a;
  }
  return best;
}
