import type { Span } from '../../model/index.js';
import { HEADLINE, LIMITS } from './constants.js';
import type { RawQuote } from './detect.js';
import type { TokenView } from './view.js';

const QUOTED_TITLE = HEADLINE.quotedTitle;
const COLON_SPEAKER_AFTER = HEADLINE.colonSpeakerAfter;
const COLON_SPEAKER_BEFORE = HEADLINE.colonSpeakerBefore;

/** Quotes in the headline: a quoted title, or a title attributing its claim with a colon. */
export function headlineQuotes(v: TokenView, titles: readonly Span[]): RawQuote[] {
  const out: RawQuote[] = [];
  for (const t of titles) {
    const raw = v.text.slice(t.start, t.end);
    const para = paraOf(v, t.start);
    let m = QUOTED_TITLE.exec(raw);
    if (m) {
      const lead = raw.length - raw.trimStart().length;
      const s = t.start + lead;
      out.push({ kind: 'headline', parts: [[s, s + raw.trim().length]], rule: 'quoted-title', para });
      continue;
    }
    m = COLON_SPEAKER_AFTER.exec(raw);
    if (m) {
      const speakerAt = t.start + raw.lastIndexOf(m[2].trim());
      out.push({ kind: 'headline', parts: [[t.start, t.start + m[1].length]], speaker: tokensIn(v, speakerAt, t.end), rule: 'title-colon-speaker', para });
      continue;
    }
    m = COLON_SPEAKER_BEFORE.exec(raw);
    if (m) {
      const contentAt = t.start + raw.length - m[2].length;
      out.push({ kind: 'headline', parts: [[contentAt, t.end]], speaker: tokensIn(v, t.start, t.start + m[1].trimEnd().length), rule: 'colon-speaker-title', para });
    }
  }
  return out;
}

function tokensIn(v: TokenView, a: number, b: number) {
  let from = -1;
  let to = -1;
  for (let i = 0; i < v.n && v.start[i] < b; i++) {
    if (v.end[i] <= a) continue;
    if (from < 0) from = i;
    to = i + 1;
  }
  return from >= 0 ? { from, to } : undefined;
}

function paraOf(v: TokenView, offset: number): number {
  for (let i = 0; i < v.n; i++) if (v.start[i] >= offset) return v.para[i];
  return 0;
}

const STOP = HEADLINE.stopWords;

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w)).map((w) => w.slice(0, HEADLINE.stemLength));
}

/**
 * The index of the body quote whose content best covers the headline's words (a headline
 * paraphrases a quote), when it covers at least `LIMITS.headlineOverlap` of them.
 */
export function bestBodyMatch(text: string, headline: RawQuote, body: readonly RawQuote[]): number {
  const hw = words(headline.parts.map(([a, b]) => text.slice(a, b)).join(' '));
  if (!hw.length) return -1;
  let best = -1;
  let bestScore = 0;
  body.forEach((q, i) => {
    const bw = new Set(words(q.parts.map(([a, b]) => text.slice(a, b)).join(' ')));
    const score = hw.filter((w) => bw.has(w)).length / hw.length;
    if (score > bestScore) { bestScore = score; best = i; }
  });
  return bestScore >= LIMITS.headlineOverlap ? best : -1;
}
