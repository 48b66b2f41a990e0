import type { Span } from '../../model/index.js';
import { ACCORDING_TO, DESCRIPTOR_WORDS, GENERIC_SOURCES, NAME_PARTICLES, OPEN_QUOTES, TITLE_WORDS } from './constants.js';
import { TokenIndex } from './context.js';
import { W } from './word-classes.js';

/** Flags of no tokens. */
const NO_FLAGS = new Int32Array(0);

/** Who a sentence (or part of it) is attributed to, and the cue that says so. */
export interface Attribution {
  /** 'quote' (quotes layer), 'according-to', 'reporting-verb', or 'quoted' (quotation marks only). */
  kind: 'quote' | 'according-to' | 'reporting-verb' | 'quoted';
  /** The source as written ("Staffan de Mistura", "analysts", "he"); '' when not found. */
  source: string;
  /** Entity id of the source when the entities or quotes layer gives one. */
  entity?: string;
  sourceStart?: number;
  sourceEnd?: number;
  cue: string;
  cueStart: number;
  cueEnd: number;
  /** The attributed content when known (a quote span), else the sentence. */
  contentStart: number;
  contentEnd: number;
}

/** Function words that start a capitalised run without being part of a name. */
const RUN_STOPWORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'but', 'and', 'in', 'on', 'so', 'however', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'while', 'when', 'after', 'as']);
/** Prepositions after which the first capitalised word belongs to a title ("Envoy for Syria Staffan de Mistura"). */
const TITLE_PREPOSITIONS = new Set(['for', 'of']);
/** Tags before a reporting word that make it a noun ("the estimates", "official reports"). */
const NOUN_BEFORE = new Set(['DET', 'ADJ', 'NUM', 'PRON']);
/** Tags allowed in a common-noun source ("the interior ministry"). */
const NP_TAGS = new Set(['DET', 'ADJ', 'NOUN']);
/** Relative pronouns skipped before a reporting verb ("a report which says"). */
const RELATIVES = new Set(['which', 'that', 'who']);
/** An appositive between a name and its verb is at most this many tokens ("Preston, the chief editor, told"). */
const APPOSITIVE_MAX_TOKENS = 16;
/** Words skipped between a subject and its reporting verb ("went on to say", "also argued"), at most VERB_GAP_MAX. */
const VERB_GAP_WORDS = new Set(['to', 'on', 'went', 'go', 'goes', 'continued', 'proceeded', 'has', 'had', 'have', 'also', 'further', 'then']);
const VERB_GAP_MAX = 4;
/** How many lowercase words a common-noun source may have ("the interior ministry"). */
const NP_MAX_WORDS = 4;

const isCap = (s: string) => s.length > 0 && s[0] >= 'A' && s[0] <= 'Z';
const isNamePart = (s: string) => isCap(s) || NAME_PARTICLES.has(s.toLowerCase());

// Helpers at module level rather than closures inside the hot functions: run through tsx
// (esbuild keepNames), a named closure costs a defineProperty of its name on every call.

/** The text of token k. */
function tokenText(text: string, tokens: readonly Span[], k: number): string {
  return text.slice(tokens[k].start, tokens[k].end);
}

/** The lowercased text of token k. */
function lowerTokenText(text: string, tokens: readonly Span[], k: number): string {
  return text.slice(tokens[k].start, tokens[k].end).toLowerCase();
}

function isTitleOrDescriptor(w: string): boolean {
  return TITLE_WORDS.has(w) || DESCRIPTOR_WORDS.has(w);
}

/** Trims titles and function words off a run of name tokens (token indexes [from, to)). */
function trimName(text: string, tokens: readonly Span[], from: number, to: number): [number, number] {
  while (from < to && RUN_STOPWORDS.has(lowerTokenText(text, tokens, from))) from++;
  for (let i = to - 1; i > from; i--) {
    if (isTitleOrDescriptor(lowerTokenText(text, tokens, i - 1)) && i < to) {
      from = i;
      break;
    }
  }
  if (from > 0 && TITLE_PREPOSITIONS.has(lowerTokenText(text, tokens, from - 1))) {
    // "Envoy for Syria Staffan de Mistura", "Institute for Historical Review Mark Weber": the name is the last two capitalised words
    const caps: number[] = [];
    for (let i = from; i < to; i++) if (isCap(text.slice(tokens[i].start, tokens[i].end))) caps.push(i);
    if (caps.length >= 3) from = caps[caps.length - 2];
  }
  while (from < to - 1 && isTitleOrDescriptor(lowerTokenText(text, tokens, from))) from++;
  return [from, to];
}

/** Whether token i joins the name run (capitalised word, particle, or a tight hyphen/period). */
function joins(text: string, tokens: readonly Span[], i: number): boolean {
  const value = text.slice(tokens[i].start, tokens[i].end);
  if (isNamePart(value)) return true;
  return (value === '-' || value === '.') && i > 0 && i + 1 < tokens.length && tokens[i - 1].end === tokens[i].start && tokens[i].end === tokens[i + 1].start;
}

/** The entity mention inside [start, end) closest to its end, if the entities layer has one. */
function entityIn(entities: readonly Span[], start: number, end: number): Span | undefined {
  let best: Span | undefined;
  for (const e of entities) {
    if (e.start >= end) break;
    if (e.end > start && e.start >= start - 1) best = e;
  }
  return best;
}

interface Found {
  start: number;
  end: number;
  source: string;
  entity?: string;
}

function found(text: string, start: number, end: number, entities: readonly Span[]): Found {
  const mention = entityIn(entities, start, end);
  if (mention) {
    const id = mention.attrs?.entity;
    return { start: mention.start, end: mention.end, source: text.slice(mention.start, mention.end), entity: typeof id === 'string' ? id : undefined };
  }
  return { start, end, source: text.slice(start, end) };
}

/** The source named just before token `at` (the subject of a reporting verb). */
export function sourceBefore(text: string, index: TokenIndex, at: number, floor: number, entities: readonly Span[] = []): Found | undefined {
  const tokens = index.tokens;
  // skip an appositive: "Preston, the chief editor of X, told"
  if (at > 1 && tokenText(text, tokens, at - 1) === ',') {
    for (let k = at - 2; k >= 0 && tokens[k].start >= floor && at - k <= APPOSITIVE_MAX_TOKENS; k--) {
      if (tokenText(text, tokens, k) !== ',') continue;
      const named = sourceBefore(text, index, k, floor, entities);
      if (named && /^[A-Z]/.test(named.source)) return named;
      break;
    }
  }
  if (at > 0 && RELATIVES.has(tokenText(text, tokens, at - 1).toLowerCase())) at--;
  // "Weber further noted", "he went on to say"
  for (let skipped = 0; at > 0 && skipped < VERB_GAP_MAX && tokens[at - 1].start >= floor && (tokens[at - 1].label === 'ADV' || VERB_GAP_WORDS.has(tokenText(text, tokens, at - 1).toLowerCase())); skipped++) at--;
  let i = at - 1;
  while (i >= 0 && tokens[i].start >= floor && joins(text, tokens, i)) i--;
  if (i + 1 < at) {
    const [from, to] = trimName(text, tokens, i + 1, at);
    if (from < to) return found(text, tokens[from].start, tokens[to - 1].end, entities);
  }
  // a common-noun subject: "analysts say", "the analyst said", "he added"
  if (at > 0 && tokens[at - 1].start >= floor && GENERIC_SOURCES.has(tokenText(text, tokens, at - 1).toLowerCase())) {
    let from = at - 1;
    while (from > 0 && tokens[from - 1].start >= floor && at - from < NP_MAX_WORDS && NP_TAGS.has(tokens[from - 1].label) && /^[a-z]/i.test(tokenText(text, tokens, from - 1))) from--;
    return found(text, tokens[from].start, tokens[at - 1].end, entities);
  }
  return undefined;
}

/** The source named from offset `start` on ("according to [the UN]", "said [the analyst]"). */
export function sourceAfter(text: string, index: TokenIndex, start: number, ceiling: number, entities: readonly Span[] = []): Found | undefined {
  const tokens = index.tokens;
  let i = index.firstAtOrAfter(start);
  while (i < tokens.length && tokens[i].end <= ceiling && RUN_STOPWORDS.has(text.slice(tokens[i].start, tokens[i].end).toLowerCase())) i++;
  let j = i;
  while (j < tokens.length && tokens[j].end <= ceiling && joins(text, tokens, j)) j++;
  if (j > i) {
    const [from, to] = trimName(text, tokens, i, j);
    return found(text, tokens[from].start, tokens[to - 1].end, entities);
  }
  // a common noun phrase, up to punctuation
  while (j < tokens.length && tokens[j].end <= ceiling && j - i < NP_MAX_WORDS && NP_TAGS.has(tokens[j].label) && /^[a-z]/.test(text.slice(tokens[j].start, tokens[j].end))) j++;
  // a noun phrase ends with its noun ("the interior ministry"), not "this" or "a"
  while (j > i && tokens[j - 1].label !== 'NOUN') j--;
  if (j > i) return found(text, tokens[Math.max(i - 1, index.firstAtOrAfter(start))].start, tokens[j - 1].end, entities);
  return undefined;
}

/**
 * The attributions of one sentence: quotes from the quotes layer when present, "according to X",
 * and "X said/estimates (that)" with the source named before (or, inverted, after) the verb.
 *
 * @example
 * // "Analysts estimate that 40 people died, according to Ann Lee." → according-to Ann Lee, reporting-verb analysts
 */
export function attributions(text: string, sentence: Pick<Span, 'start' | 'end'>, index: TokenIndex, quotes: readonly Span[] = [], entities: readonly Span[] = [], insideQuote = false): Attribution[] {
  const out: Attribution[] = [];
  const { start, end } = sentence;
  for (const q of quotes) {
    if (q.start >= end) break;
    if (q.end <= start) continue;
    const speaker = q.attrs?.speaker;
    const speakerText = q.attrs?.speakerText;
    const cueStart = typeof q.attrs?.cueStart === 'number' ? q.attrs.cueStart : q.start;
    const cueEnd = typeof q.attrs?.cueEnd === 'number' ? q.attrs.cueEnd : q.start;
    out.push({
      kind: 'quote',
      source: typeof speakerText === 'string' ? speakerText : '',
      entity: typeof speaker === 'string' ? speaker : undefined,
      sourceStart: typeof q.attrs?.speakerStart === 'number' ? q.attrs.speakerStart : undefined,
      sourceEnd: typeof q.attrs?.speakerEnd === 'number' ? q.attrs.speakerEnd : undefined,
      cue: typeof q.attrs?.cue === 'string' ? q.attrs.cue : typeof q.attrs?.verb === 'string' ? q.attrs.verb : 'quote',
      cueStart,
      cueEnd,
      contentStart: q.start,
      contentEnd: q.end,
    });
  }
  const [from, to] = index.within(start, end);
  const lower = index.tokens.length ? index.lower : [];
  const flags = index.tokens.length ? index.classes.classes : NO_FLAGS;
  let according = !index.tokens.length;
  for (let i = from; i < to && !according; i++) according = lower[i] === 'according';
  // Only sentences with "according" can match (matchAll clones the pattern on every call).
  const slice = according ? text.slice(start, end) : '';
  ACCORDING_TO.lastIndex = 0;
  if (according) for (const m of slice.matchAll(ACCORDING_TO)) {
    const cueStart = start + m.index!;
    const cueEnd = cueStart + m[0].length;
    const who = sourceAfter(text, index, cueEnd, end, entities);
    out.push({ kind: 'according-to', source: who?.source ?? '', entity: who?.entity, sourceStart: who?.start, sourceEnd: who?.end, cue: 'according to', cueStart, cueEnd: cueStart + 'according to'.length, contentStart: start, contentEnd: end });
  }
  for (let i = from; i < to; i++) {
    const t = index.tokens[i];
    const c = text.charCodeAt(t.start);
    if (c < 97 || c > 122) continue;
    const word = lower[i];
    // lowercase only ("United States" is no verb); a noun reading only after a determiner ("the estimates")
    if ((flags[i] & W.reporting) === 0 || (t.label === 'NOUN' && i > 0 && NOUN_BEFORE.has(index.tokens[i - 1].label))) continue;
    let who = sourceBefore(text, index, i, start, entities);
    // inverted: '"...," said the analyst' (not "told X": that is the listener)
    if (!who && word !== 'told' && i > from && index.tokens[i - 1].label === 'PUNCT') who = sourceAfter(text, index, t.end, end, entities);
    out.push({ kind: 'reporting-verb', source: who?.source ?? '', entity: who?.entity, sourceStart: who?.start, sourceEnd: who?.end, cue: word, cueStart: t.start, cueEnd: t.end, contentStart: start, contentEnd: end });
  }
  if (!out.length && (insideQuote || OPEN_QUOTES.test(text.slice(start, start + 4)))) {
    out.push({ kind: 'quoted', source: '', cue: 'quotation marks', cueStart: start, cueEnd: start, contentStart: start, contentEnd: end });
  }
  return out;
}

/** As `text.slice(from, to).includes('\n\n')`, without the slice. */
function hasDoubleNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i++) if (text.charCodeAt(i) === 10 && text.charCodeAt(i + 1) === 10) return true;
  return false;
}

/**
 * For each sentence (sorted), whether it lies inside or closes a quotation opened earlier in
 * its paragraph: curly quotes open and close, a straight double quote toggles, a blank line
 * resets. Sentences continuing a multi-sentence quote carry no quote mark at their start.
 */
export function quotationState(text: string, sentences: readonly Pick<Span, 'start' | 'end'>[]): boolean[] {
  const out: boolean[] = [];
  let open = false;
  let cursor = 0;
  for (const s of sentences) {
    if (hasDoubleNewline(text, cursor, s.start)) open = false;
    const openAtStart = open;
    let closes = false;
    for (let i = s.start; i < s.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x201c) open = true;
      else if (c === 0x201d) {
        if (!open && i > s.start) closes = true;
        open = false;
      } else if (c === 34) open = !open;
      else if (c === 10 && text.charCodeAt(i + 1) === 10) open = false;
    }
    out.push(openAtStart || closes);
    cursor = s.end;
  }
  return out;
}
