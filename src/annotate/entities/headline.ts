import type { Span } from '../../model/index.js';
import type { Lexicon } from './lexicon.js';
import { normalizeName } from './link.js';
import type { Mention } from './mentions.js';
import type { SentenceWords } from './words.js';

/** When a headline is written in title case, and how its capitalised words are checked. */
export const HEADLINE_CASE = {
  /** Fewest content words for a title to count as title case. */
  minWords: 3,
  /** Least share of capitalised content words. */
  minCapitalShare: 0.75,
  /** Words title case may leave in lower case. */
  smallWords: new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'of', 'to', 'in', 'on', 'at', 'by', 'as', 'up', 'vs', 'via', 'with', 'from', 'into', 'over', 'per', 'than']),
  /** Possessive clitics dropped when comparing words ("Clinton’s" ~ "Clinton"). */
  possessive: /^['\u2019]s?$/,
} as const;

/**
 * True when a title capitalises (nearly) every content word ("Shipyard Workers Rise Again As
 * Strike Enters Third Week"): capitals there say nothing about names.
 */
export function isTitleCase(title: string): boolean {
  let content = 0;
  let capital = 0;
  for (const raw of title.split(/\s+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!/\p{L}/u.test(word) || HEADLINE_CASE.smallWords.has(word.toLowerCase())) continue;
    content++;
    if (/^\p{Lu}/u.test(word)) capital++;
  }
  return content >= HEADLINE_CASE.minWords && capital >= HEADLINE_CASE.minCapitalShare * content;
}

/** A mention's words, lower-cased, possessive clitics left out. */
function mentionWords(words: readonly SentenceWords[], m: Mention): string[] {
  const out: string[] = [];
  const texts = words[m.sentence].texts;
  for (let w = m.first; w <= m.last; w++) if (!HEADLINE_CASE.possessive.test(texts[w])) out.push(texts[w].toLowerCase());
  return out;
}

/** Index where `needle` occurs in `hay` as a contiguous run, or -1. */
function indexOfRun(hay: readonly string[], needle: readonly string[], from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Whether a mention lies inside one of the spans. */
function inside(spans: readonly Span[], m: Mention): boolean {
  for (const t of spans) if (t.start <= m.start && m.end <= t.end) return true;
  return false;
}

interface BodyName { words: string[]; type: string }

/**
 * Mentions in a title-case headline are kept only as the body confirms them: a name the body
 * also mentions (or a part of one: "Clinton" for "Hillary Clinton") keeps the body's type; a
 * name in the alias table stays; a longer run that contains body names ("Elizabeth Warren
 * Hammers Wells Fargo") becomes those names; anything else ("Rise Again", "Health Issues") goes.
 */
export function checkHeadlineMentions(mentions: Mention[], titles: readonly Span[], text: string, words: readonly SentenceWords[], lex: Lexicon): Mention[] {
  const cased = titles.filter((t) => isTitleCase(text.slice(t.start, t.end)));
  if (!cased.length) return mentions;
  if (!mentions.some((m) => inside(cased, m))) return mentions;
  const body: BodyName[] = [];
  for (const m of mentions) if (!inside(cased, m)) body.push({ words: mentionWords(words, m), type: m.type });
  // Longest names first: a run is split into the longest body names it contains.
  body.sort((a, b) => b.words.length - a.words.length);
  const out: Mention[] = [];
  for (const m of mentions) {
    if (!inside(cased, m)) {
      out.push(m);
      continue;
    }
    const own = mentionWords(words, m);
    const same = body.find((b) => indexOfRun(b.words, own) >= 0);
    if (same) {
      out.push(same.type === m.type ? m : { ...m, type: same.type });
      continue;
    }
    if (lex.byAlias.has(normalizeName(m.text))) {
      out.push(m);
      continue;
    }
    out.push(...bodyNamesWithin(m, own, body, words, text));
  }
  return out;
}

/** The body names found inside a headline mention's words, as mentions of their own. */
function bodyNamesWithin(m: Mention, own: readonly string[], body: readonly BodyName[], words: readonly SentenceWords[], text: string): Mention[] {
  const sentence = words[m.sentence];
  // Word index in the sentence of each of `own`'s words (clitics were left out).
  const at: number[] = [];
  for (let w = m.first; w <= m.last; w++) if (!HEADLINE_CASE.possessive.test(sentence.texts[w])) at.push(w);
  const taken = new Array<boolean>(own.length).fill(false);
  const found: Mention[] = [];
  for (const b of body) {
    if (b.words.length < 1 || b.words.length >= own.length) continue;
    const i = indexOfRun(own, b.words);
    if (i < 0 || taken.slice(i, i + b.words.length).some(Boolean)) continue;
    for (let j = i; j < i + b.words.length; j++) taken[j] = true;
    const first = at[i];
    const last = at[i + b.words.length - 1];
    const start = sentence.starts[first];
    const end = sentence.ends[last];
    found.push({ sentence: m.sentence, first, last, start, end, type: b.type, text: text.slice(start, end) });
  }
  return found.sort((a, b) => a.start - b.start);
}
