import {
  ADDRESSEE_VERBS, CLAUSE_GLUE, RELATIVE_PRONOUNS, TIME_OPENERS, TIME_WORDS, TITLE_FUNCTION_WORDS, POS, POSSESSIVES, CLAUSE_ONLY_VERBS, COMPLEMENTISERS, CUE_CHAIN_WORDS, CUE_PREFIX_WORDS, LIMITS, PARTICLE_VERBS,
} from './constants.js';
import { phraseEndingAt, phraseStartingAt, type Range } from './phrases.js';
import { quoteSegments, type QuoteSegment } from './segments.js';
import type { TokenView } from './view.js';

export type QuoteKind = 'direct' | 'indirect' | 'mixed' | 'floating' | 'according-to' | 'headline';

/** A detected quote before speaker resolution: content parts, cue and speaker phrase (tokens). */
export interface RawQuote {
  kind: QuoteKind;
  /** Content as character ranges (two for split quotes and parentheticals). */
  parts: [number, number][];
  cue?: Range;
  verb?: string;
  speaker?: Range;
  /** The addressee of "told" ("Press TV"), a hint at the outlet. */
  addressee?: Range;
  /** Rule that fired, for provenance. */
  rule: string;
  /** Paragraph index of the cue (or of the content when there is none). */
  para: number;
}

const ACCORDING = 'according';

/** A cue: one or more adjacent speech-verb tokens ("said", "said argued") with their lemma. */
interface Cue { from: number; to: number; lemma: string }

/** Finds cue verb groups in the text, in order. */
export function findCues(v: TokenView, segments: readonly QuoteSegment[]): Cue[] {
  const cues: Cue[] = [];
  // Cues inside quotation marks belong to the quoted speech ("I do think that …"), not to us.
  const inQuote = new Uint8Array(v.n);
  for (const s of segments) if (s.closed || s.multiParagraph) inQuote.fill(1, s.open, s.close + 1);
  for (let i = 0; i < v.n; i++) {
    const w = v.lower[i];
    if (w === ACCORDING && i + 1 < v.n && v.lower[i + 1] === 'to') {
      cues.push({ from: i, to: i + 2, lemma: 'according to' });
      i++;
      continue;
    }
    const lemma = v.cue[i];
    if (!lemma || inQuote[i]) continue;
    // The tagger sometimes reads "estimates" or "says" as a noun; context decides.
    const verbal = v.pos[i] === 'VERB' || v.pos[i] === 'AUX' || (i > 0 && (v.mark[i - 1] === 2 || v.lower[i - 1] === ',')) ||
      (i > 0 && i + 1 < v.n && v.pos[i - 1] === 'PROPN' && COMPLEMENTISERS.has(v.lower[i + 1]) && !nameWord(v, i));
    if (!verbal) continue;
    // A determiner or possessive before it makes it a noun ("his pledge to ban", "the claims").
    if (i > 0 && (v.pos[i - 1] === 'DET' || POSSESSIVES.has(v.lower[i - 1]))) continue;
    const particle = PARTICLE_VERBS[lemma];
    if (particle && v.lower[i + 1] !== particle) continue;
    let to = particle ? i + 2 : i + 1;
    let last = lemma;
    // Adjacent speech verbs form one cue ("said argued"); the last one carries the meaning.
    while (to < v.n && v.cue[to] && v.sent[to] === v.sent[i]) { last = v.cue[to]!; to++; }
    cues.push({ from: i, to, lemma: last });
    i = to - 1;
  }
  return cues;
}

/**
 * A capitalised word inside a name rather than a verb after one ("told The Harbour Post that"):
 * capitalised mid-sentence while the word after it is not (title case capitalises both).
 */
function nameWord(v: TokenView, i: number): boolean {
  return v.cap[i] === 1 && v.sentStart[v.sent[i]] !== i && v.cap[i + 1] !== 1;
}

/**
 * A quoted name inside the writer's phrase, not speech: title-case words in quotation marks
 * opening after a preposition or possessive ("On this week's broadcast of “Harbour Talk,” Lind said").
 */
function isQuotedTitle(v: TokenView, seg: QuoteSegment, sFrom: number): boolean {
  const k = seg.open - 1;
  if (k < sFrom || v.para[k] !== v.para[seg.open] || !(v.pos[k] === 'ADP' || POSSESSIVES.has(v.lower[k]))) return false;
  let capitals = 0;
  for (let t = seg.open + 1; t < seg.close; t++) {
    if (v.pos[t] === 'PUNCT') continue;
    if (v.cap[t] === 1 || /^[A-Z]$/.test(v.text[v.start[t]])) capitals++;
    else if (!TITLE_FUNCTION_WORDS.has(v.lower[t])) return false;
  }
  return capitals > 0;
}

/** Start of the words before a cue that belong to it ("further", "has", "went on to"). */
export function cuePrefixStart(v: TokenView, c: number, min: number): number {
  let k = c;
  for (;;) {
    while (k - 1 >= min && v.lower[k - 1] !== 'to' && (CUE_PREFIX_WORDS.has(v.lower[k - 1]) || POS.cuePrefix.has(v.pos[k - 1]))) k--;
    // A time adjunct between subject and verb ("Sanders on Tuesday said", "X last week told").
    const t = timeAdjunctStart(v, k, min);
    if (t < k) { k = t; continue; }
    // A parenthesis between subject and verb ("Mike Pence (R-IN) said").
    if (k - 1 > min && v.lower[k - 1] === ')') {
      let j = k - 2;
      while (j > min && v.lower[j] !== '(' && k - j < 12) j--;
      if (v.lower[j] === '(') { k = j; continue; }
    }
    break;
  }
  if (k - 1 >= min && v.lower[k - 1] === 'to') {
    let j = k - 1;
    while (j - 1 >= min && CUE_CHAIN_WORDS.has(v.lower[j - 1]) && k - j < 5) j--;
    if (j < k - 1) k = j;
  }
  return k;
}

/** Longest time adjunct skipped between a subject and its cue ("earlier this month", "on Thursday evening"). */
const MAX_TIME_ADJUNCT = 4;

/**
 * Start of a short time adjunct ending just before token `k` ("on Tuesday", "last week",
 * "in 2010"), when a word stands before it to be the subject; else `k`.
 */
function timeAdjunctStart(v: TokenView, k: number, min: number): number {
  let j = k;
  let time = false;
  while (j - 1 > min && k - j < MAX_TIME_ADJUNCT) {
    const w = v.lower[j - 1];
    // "Tuesday", "last week"; not an all-capital name ("USA TODAY").
    if (TIME_WORDS.has(w) && !isAllCaps(v, j - 1)) time = true;
    else if (v.pos[j - 1] === 'NUM' && (v.lower[j - 2] === 'in' || v.lower[j - 2] === 'on')) time = true;
    else if (!TIME_OPENERS.has(w)) break;
    j--;
  }
  // The adjunct ends in its time word and stands after a word that can end a subject.
  if (!time || !((TIME_WORDS.has(v.lower[k - 1]) && !isAllCaps(v, k - 1)) || v.pos[k - 1] === 'NUM')) return k;
  const before = v.pos[j - 1];
  // An adverb before it ("just this month") is skipped next as a cue prefix word.
  return before === 'PROPN' || before === 'NOUN' || before === 'PRON' || v.lower[j - 1] === ')' || CUE_PREFIX_WORDS.has(v.lower[j - 1]) ? j : k;
}

function isAllCaps(v: TokenView, k: number): boolean {
  const word = v.text.slice(v.start[k], v.end[k]);
  return word.length > 1 && word === word.toUpperCase();
}

/**
 * The subject of the cue ending just before `end`: a noun phrase or pronoun, or a name followed
 * by an apposition ("Preston, the chief editor of X, told"). Returns the speaker and the token
 * where the reporting clause starts.
 */
export function subjectBefore(v: TokenView, end: number, min: number): { speaker: Range; clauseStart: number } | undefined {
  const last = end - 1;
  if (last < min) return undefined;
  if (v.lower[last] === ',') {
    // Apposition: ", <descriptive phrase without a verb>," right after a name.
    for (let k = last - 1; k > min && last - k <= LIMITS.maxAppositionTokens; k--) {
      if (v.pos[k] === 'VERB' || v.pos[k] === 'AUX' || v.mark[k]) return sentenceInitialSubject(v, last, min);
      if (v.lower[k] !== ',') continue;
      // "The campaign chairman, Phil Lovas, said": the name between the commas. But when a name
      // comes first, a lower-case description between the commas is its apposition ("Hannah
      // Lind, a policy analyst at the X Forum, said"): the head person wins over the organisation.
      const inner = phraseEndingAt(v, last - 1, k + 1);
      const nameFirst = v.pos[k - 1] === 'PROPN' && !v.cap[k + 1];
      if (inner && inner.from === k + 1 && v.pos[last - 1] === 'PROPN' && !nameFirst && phraseEndingAt(v, k - 1, min)) return { speaker: inner, clauseStart: phraseEndingAt(v, k - 1, min)!.from };
      const name = phraseEndingAt(v, k - 1, min);
      if (!name || v.pos[k - 1] !== 'PROPN') return sentenceInitialSubject(v, last, min);
      return { speaker: name, clauseStart: name.from };
    }
    return sentenceInitialSubject(v, last, min);
  }
  const speaker = phraseEndingAt(v, last, min);
  return speaker ? { speaker, clauseStart: speaker.from } : undefined;
}

/**
 * A subject opening its clause, separated from the cue by commas and a longer apposition or
 * relative clause ("Michael Mulgrew, president of X, which represents Y, said").
 */
function sentenceInitialSubject(v: TokenView, comma: number, min: number): { speaker: Range; clauseStart: number } | undefined {
  let found: { speaker: Range; clauseStart: number } | undefined;
  for (let k = comma - 1; k > min && comma - k <= LIMITS.maxLongAppositionTokens; k--) {
    if (v.mark[k] === 2) break;
    if (v.lower[k] !== ',') continue;
    const np = phraseEndingAt(v, k - 1, min);
    if (!np) continue;
    let b = np.from - 1;
    while (b >= min && (v.pos[b] === 'CCONJ' || v.pos[b] === 'ADV')) b--;
    if (b < min || v.mark[b] === 2 || (isGlue(v, b) && b > min && v.mark[b - 1] === 2)) found = { speaker: np, clauseStart: np.from };
  }
  return found;
}

function isGlue(v: TokenView, i: number): boolean {
  return CLAUSE_GLUE.has(v.lower[i]);
}

/** Trims trailing sentence punctuation (not closing quotes) from a token range end. */
export function trimEnd(v: TokenView, from: number, to: number): number {
  while (to > from && v.pos[to - 1] === 'PUNCT' && !v.mark[to - 1]) to--;
  return to;
}

function trimStart(v: TokenView, from: number, to: number): number {
  while (from < to && (v.lower[from] === ',' || v.lower[from] === ':' || v.lower[from] === '—')) from++;
  return from;
}

/** Skips an adjunct run after the cue ("on Sunday", "in an interview", "Press TV") up to "that". */
function complementAfter(v: TokenView, from: number, to: number): number {
  for (let k = from; k < to && k - from < LIMITS.maxAdjunctTokens; k++) {
    if (COMPLEMENTISERS.has(v.lower[k]) && (v.pos[k] === 'SCONJ' || k === from)) return k + 1;
    if (!POS.adjunct.has(v.pos[k]) || (v.pos[k] === 'PUNCT' && v.lower[k] !== ',')) break;
  }
  return -1;
}


/** The comma closing a short adjunct right after a cue ("said earlier in the hearing,"), or -1. */
function commaAfterAdjunct(v: TokenView, from: number, to: number): number {
  for (let k = from; k < to && k - from <= LIMITS.maxAdjunctTokens; k++) {
    if (v.lower[k] === ',') return k;
    if (!POS.adjunct.has(v.pos[k]) || v.pos[k] === 'PUNCT' || v.mark[k]) return -1;
  }
  return -1;
}

/** The opening quote after a cue and a short adjunct ("says of Clinton, “…"), or -1. */
function quoteAfterAdjunct(v: TokenView, from: number, to: number): number {
  for (let k = from; k < to && k - from < LIMITS.maxAdjunctTokens; k++) {
    if (v.mark[k] === 1) return k > from && isGlue(v, k - 1) ? k : -1;
    if (!POS.adjunct.has(v.pos[k]) || (v.pos[k] === 'PUNCT' && !isGlue(v, k))) return -1;
  }
  return -1;
}


/**
 * Detects quotes: direct, split, mixed, indirect, according-to and floating. Each quote mark
 * segment is used once; each cue yields at most one quote.
 */
export function detectQuotes(v: TokenView): RawQuote[] {
  const segments = quoteSegments(v);
  const byClose = new Map<number, QuoteSegment>();
  const byOpen = new Map<number, QuoteSegment>();
  for (const s of segments) { byClose.set(s.close, s); byOpen.set(s.open, s); }
  const used = new Set<QuoteSegment>();
  const quotes: RawQuote[] = [];
  const cues = findCues(v, segments);
  // Tokens that open a cue: a stretch starting at one is that cue's clause (one lookup, no scan of the cues).
  const cueOpens = new Uint8Array(v.n + 1);
  for (const c of cues) cueOpens[c.from] = 1;
  const chars = (a: number, b: number): [number, number] => [v.start[a], v.end[b - 1]];
  /** Segments lying inside a token range become part of it (mixed quotes). */
  const absorb = (a: number, b: number): boolean => {
    let any = false;
    for (const s of segments) if (s.open >= a && s.close < b) { used.add(s); any = true; }
    return any;
  };

  for (const cue of cues) {
    const sFrom = v.sentStart[v.sent[cue.from]];
    const sTo = v.sentEnd[v.sent[cue.from]];
    const para = v.para[cue.from];
    const cueRange: Range = { from: cue.from, to: cue.to };

    if (cue.lemma === 'according to') {
      const speaker = phraseStartingAt(v, cue.to, sTo, true) ?? untilComma(v, cue.to, sTo);
      if (!speaker) continue;
      const parts: [number, number][] = [];
      const leftEnd = trimEnd(v, sFrom, cue.from);
      if (leftEnd - sFrom >= LIMITS.minIndirectTokens) parts.push(chars(sFrom, leftEnd));
      let after = speaker.to;
      while (after < sTo && v.lower[after] !== ',' && v.pos[after] !== 'VERB' && after - speaker.to < LIMITS.maxAppositionTokens) after++;
      if (v.lower[after] === ',') {
        const rFrom = after + 1;
        const rTo = trimEnd(v, rFrom, sTo);
        // With content on the left, what follows is usually an apposition, not more content.
        if (rTo - rFrom >= LIMITS.minIndirectTokens && (!parts.length || hasVerb(v, rFrom, rTo))) parts.push(chars(rFrom, rTo));
      }
      if (!parts.length) continue;
      quotes.push({ kind: 'according-to', parts, cue: cueRange, verb: 'according to', speaker, rule: 'according-to', para });
      continue;
    }

    const prefix = cuePrefixStart(v, cue.from, sFrom);
    // A participle chain after a comma ("…, going on to say that …") has no subject of its own.
    const chained = prefix < cue.from && v.lower[prefix].endsWith('ing') && v.pos[prefix] === 'VERB';
    let subject = chained && v.lower[prefix - 1] === ',' ? undefined : subjectBefore(v, prefix, sFrom);
    // A participle after a comma ("…, saying that …") reports the sentence's subject.
    if (!subject && (v.lower[cue.from].endsWith('ing') || chained) && prefix - 1 > sFrom && v.lower[prefix - 1] === ',') {
      // "…, he said, adding that …": the speaker of the clause just before; else the sentence subject.
      const prev = quotes[quotes.length - 1];
      const main = prev?.cue && prev.speaker && v.sent[prev.cue.from] === v.sent[cue.from] ? prev.speaker : sentenceSubject(v, sFrom, prefix - 1);
      if (main) subject = { speaker: main, clauseStart: prefix };
    }
    const clauseStart = subject ? subject.clauseStart : prefix;
    // Inverted speaker ("said the analyst") when nothing stands before the cue.
    // Only a bare verb inverts ("said the analyst"), and the speaker ends the clause.
    let inverted = subject || prefix !== cue.from ? undefined : phraseStartingAt(v, cue.to, sTo);
    if (inverted && inverted.to < sTo && v.pos[inverted.to] !== 'PUNCT' && !endsAfterAdjunct(v, inverted.to, sTo)) inverted = undefined;
    let speaker = subject?.speaker ?? inverted;
    let afterClause = inverted ? inverted.to : cue.to;
    let addressee: Range | undefined;
    if (ADDRESSEE_VERBS.has(cue.lemma) && !inverted) {
      addressee = phraseStartingAt(v, afterClause, sTo);
      if (addressee) afterClause = addressee.to;
    }

    // 1. Direct quote closing right before the reporting clause: "“…,” Preston said".
    let j = clauseStart - 1;
    while (j >= 0 && j >= clauseStart - 2 && isGlue(v, j)) j--;
    const before = j >= sFrom - 1 && j >= 0 && v.para[j] === para ? byClose.get(j) : undefined;
    if (before && !used.has(before) && speaker && !isQuotedTitle(v, before, sFrom)) {
      used.add(before);
      // A quote finishing a sentence begun by the writer ("Not paying taxes ''makes me smart,'' he said").
      const lead = before.open - sFrom;
      const mixedStart = lead >= LIMITS.minLeadTokens && v.para[before.open] === para && !v.mark[sFrom] ? v.start[sFrom] : before.start;
      const parts: [number, number][] = [[mixedStart, before.end]];
      // Split quote: ", “…" continuing in the same sentence after the clause.
      let k = afterClause;
      while (k < sTo && isGlue(v, k)) k++;
      let next = byOpen.get(k);
      if (!next) {
        // "“…,” he said, but “…”" / "“…,” Tester said, referring to X, “…”": same sentence, no other cue.
        const later = nextSegment(segments, afterClause);
        if (later && later.open < sTo && later.open - afterClause <= LIMITS.maxAdjunctTokens && !cueBetween(cues, cue.to, later.open)) next = later;
      }
      if (next && !used.has(next) && next.open > afterClause) { used.add(next); parts.push([next.start, next.end]); }
      else {
        // The next sentence opening with a quote of no cue of its own continues this one.
        const following = nextSegment(segments, afterClause);
        if (following && !used.has(following) && v.para[following.open] === para && startsSentence(v, following.open) && !hasCue(v, cues, following) && !cueBetween(cues, Math.max(cue.to, v.sentEnd[v.sent[cue.to - 1]]), following.open)) {
          used.add(following);
          parts.push([following.start, following.end]);
        }
      }
      quotes.push({ kind: mixedStart < before.start ? 'mixed' : 'direct', parts, cue: cueRange, verb: cue.lemma, speaker, addressee, rule: 'quote-then-cue', para });
      continue;
    }
    // 1b. "“…,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said."
    if (!inverted && (endsSentence(v, cue.to, sTo) || endsAfterAdjunct(v, cue.to, sTo))) {
      let c = clauseStart - 1;
      while (c > sFrom && clauseStart - c < LIMITS.maxAppositionTokens * 2 && !(v.mark[c] === 2 && isGlue(v, c + 1) && byClose.has(c))) c--;
      const seg = v.mark[c] === 2 ? byClose.get(c) : undefined;
      const name = seg ? phraseStartingAt(v, c + 2, clauseStart) : undefined;
      if (seg && name && !used.has(seg)) {
        used.add(seg);
        quotes.push({ kind: 'direct', parts: [[seg.start, seg.end]], cue: cueRange, verb: cue.lemma, speaker: name, rule: 'quote-apposition-cue', para });
        continue;
      }
    }
    if (!speaker) continue;

    // 2. Reporting clause then a quote: "Preston said: “…”".
    let k = afterClause;
    while (k < sTo && (isGlue(v, k) || COMPLEMENTISERS.has(v.lower[k])) && k - afterClause < 2) k++;
    if (!v.mark[k]) {
      const q = quoteAfterAdjunct(v, afterClause, sTo);
      if (q >= 0) k = q;
    }
    const seg = byOpen.get(k);
    if (seg && !used.has(seg)) {
      const endOfSentence = v.sentEnd[v.sent[seg.close]];
      const closesSentence = seg.close + 1 >= endOfSentence || seg.multiParagraph || (v.pos[seg.close + 1] === 'PUNCT' && seg.close + 2 >= endOfSentence);
      if (closesSentence || seg.end - seg.start >= LIMITS.minQuoteChars * 2) {
        used.add(seg);
        quotes.push({ kind: 'direct', parts: [[seg.start, seg.end]], cue: cueRange, verb: cue.lemma, speaker, addressee, rule: 'cue-then-quote', para });
        continue;
      }
    }

    // 4. Indirect content after the cue: "Kerry said critical points remain unresolved".
    const right = inverted ? undefined : contentAfter(v, cue.lemma, afterClause, sTo);
    // "… said X, but he noted that Y" / "… said X, the source added": the content stops where another reporting clause begins.
    if (right) right.to = contentEndBeforeReport(v, cues, right.from, right.to, sTo);
    const commaBefore = clauseStart - 1 > sFrom && v.lower[clauseStart - 1] === ',';
    const commaAfter = commaBefore ? commaAfterAdjunct(v, afterClause, sTo) : -1;
    if (right && commaAfter < 0) {
      const mixed = absorb(right.from, right.to);
      quotes.push({ kind: mixed ? 'mixed' : 'indirect', parts: [chars(right.from, right.to)], cue: cueRange, verb: cue.lemma, speaker, addressee, rule: right.rule, para });
      continue;
    }
    if (commaAfter >= 0) {
      // Parenthetical reporting clause: "To understand it, Roberts said, one should visit".
      const rTo = trimEnd(v, commaAfter + 1, sTo);
      // A stretch opened by a cue ("…, he said, adding that …", "…, speaking on condition of
      // anonymity") is that cue's own clause, not more content of this one.
      if (rTo - (commaAfter + 1) >= LIMITS.minIndirectTokens && !cueOpens[commaAfter + 1]) {
        const parts: [number, number][] = [chars(sFrom, clauseStart - 1), chars(commaAfter + 1, rTo)];
        const mixed = absorb(sFrom, rTo);
        quotes.push({ kind: mixed ? 'mixed' : 'indirect', parts, cue: cueRange, verb: cue.lemma, speaker, addressee, rule: 'parenthetical', para });
        continue;
      }
    }

    // 3. Content before a comma-attached reporting clause: "…, Preston told Press TV".
    const comma = clauseStart - 1;
    // Content holding another reporting clause is that clause's ("…, one aide said, speaking on …").
    // "…, the source added." closing the sentence may report an indirect quote nested in it.
    const nests = !!subject && subject.clauseStart < prefix && (endsSentence(v, cue.to, sTo) || endsAfterAdjunct(v, cue.to, sTo));
    // "…, who added": a relative clause reports what follows it, never the clause before the comma.
    const relative = !!subject && subject.speaker.to - subject.speaker.from === 1 && RELATIVE_PRONOUNS.has(v.lower[subject.speaker.from]);
    if (comma > sFrom && !relative && isGlue(v, comma) && hasFiniteVerb(v, sFrom, comma) && !claimedBefore(quotes, v.start[sFrom], v.end[comma - 1], sFrom, nests ? comma : sFrom)) {
      const parts: [number, number][] = [chars(sFrom, comma)];
      let r = afterClause;
      while (r < sTo && v.pos[r] !== 'PUNCT' && r - afterClause < 4 && v.pos[r] !== 'VERB') r++;
      if (v.lower[r] === ',' && !cueOpens[r + 1]) {
        const rTo = trimEnd(v, r + 1, sTo);
        if (rTo - (r + 1) >= LIMITS.minIndirectTokens) parts.push(chars(r + 1, rTo));
      }
      // A short left part is content only as the first half of a parenthetical ("The museum, he said, …").
      if (comma - sFrom < LIMITS.minIndirectTokens && parts.length < 2) continue;
      const mixed = absorb(sFrom, comma);
      quotes.push({ kind: mixed ? 'mixed' : 'indirect', parts, cue: cueRange, verb: cue.lemma, speaker, addressee, rule: 'content-then-cue', para });
    }
  }

  // 5. Floating quotes: long quoted stretches no cue claimed, opening a sentence.
  for (const s of segments) {
    if (used.has(s) || s.end - s.start < LIMITS.minQuoteChars) continue;
    if (v.sentStart[v.sent[s.open]] !== s.open) continue;
    quotes.push({ kind: 'floating', parts: [[s.start, s.end]], rule: 'floating', para: v.para[s.open] });
  }
  quotes.sort((a, b) => a.parts[0][0] - b.parts[0][0]);
  continueQuotes(quotes);
  return quotes;
}

/**
 * A quoted paragraph right after a cued direct quote continues that attribution (same cue, same
 * speaker); so does a quote opening the next sentence of an indirect or mixed quote's paragraph.
 * Works in place on quotes sorted by start; running it again changes nothing.
 */
export function continueQuotes(quotes: RawQuote[]): void {
  for (let i = 1; i < quotes.length; i++) {
    const q = quotes[i];
    const p = quotes[i - 1];
    const reach = p.kind === 'direct' || p.kind === 'floating' ? 1 : p.kind === 'indirect' || p.kind === 'mixed' ? 0 : -1;
    if (q.kind !== 'floating' || !p.cue || q.para - p.para > reach) continue;
    quotes[i] = { ...q, cue: p.cue, verb: p.verb, speaker: p.speaker, rule: 'floating-continuation' };
  }
}

/** Indirect content after a cue ("said (that) …"): a clause with a verb, to the sentence end. */
function contentAfter(v: TokenView, lemma: string, afterClause: number, sTo: number): (Range & { rule: string }) | undefined {
  let from = complementAfter(v, afterClause, sTo);
  const hadThat = from >= 0;
  if (from < 0) from = afterClause;
  from = trimStart(v, from, sTo);
  if (!hadThat && CLAUSE_ONLY_VERBS.has(lemma)) return undefined;
  // After "that" any clause may follow ("that over 400,000 people …"); without it, the start must look like one.
  if (from >= sTo || (!hadThat && !POS.contentStart.has(v.pos[from])) || (v.pos[from] === 'PUNCT' && !v.mark[from])) return undefined;
  const to = trimEnd(v, from, sTo);
  if (to - from < LIMITS.minIndirectTokens || !hasVerb(v, from, to)) return undefined;
  return { from, to, rule: hadThat ? 'cue-that' : 'cue-clause' };
}

/** True when only an adjunct without a verb ("on the panel", "in a phone interview") ends the sentence. */
function endsAfterAdjunct(v: TokenView, k: number, sTo: number): boolean {
  if (k >= sTo || v.pos[k] !== 'ADP') return false;
  for (let j = k; j < sTo; j++) {
    if (v.pos[j] === 'PUNCT') return endsSentence(v, j, sTo);
    if (!POS.adjunct.has(v.pos[j]) || j - k > LIMITS.maxAdjunctTokens) return false;
  }
  return true;
}

/** True when only closing punctuation follows token `k` in the sentence. */
function endsSentence(v: TokenView, k: number, sTo: number): boolean {
  while (k < sTo && v.pos[k] === 'PUNCT') k++;
  return k >= sTo;
}

/**
 * True when a stretch has a finite verb, so it can be reported content rather than a fronted
 * adverbial ("In an interview on Sunday", "Campaigning in Ohio").
 */
function hasFiniteVerb(v: TokenView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if ((v.pos[k] === 'VERB' || v.pos[k] === 'AUX') && !v.lower[k].endsWith('ing') && v.lower[k - 1] !== 'to') return true;
  }
  return false;
}

function hasVerb(v: TokenView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (v.pos[k] === 'VERB' || v.pos[k] === 'AUX') return true;
  return false;
}

/** The first quote segment opening at or after token `k`. */
function nextSegment(segments: readonly QuoteSegment[], k: number): QuoteSegment | undefined {
  for (const s of segments) if (s.open >= k) return s;
  return undefined;
}

/** True when token `k` opens a sentence (after terminal punctuation). */
function startsSentence(v: TokenView, k: number): boolean {
  if (v.sentStart[v.sent[k]] === k) return true;
  return k > 0 && (v.lower[k - 1] === '.' || v.lower[k - 1] === '!' || v.lower[k - 1] === '?');
}

/**
 * True when a quote found so far covers the character range [start, end) in part, other than an
 * indirect one whose cue lies inside tokens [from, to): that one is nested in the content ("X told
 * police that Y, the source added": what "told" reports is part of what the source added).
 */
function claimedBefore(quotes: readonly RawQuote[], start: number, end: number, from: number, to: number): boolean {
  for (const q of quotes) {
    if (q.cue && q.cue.from >= from && q.cue.from < to && q.kind === 'indirect') continue;
    for (const [a, b] of q.parts) if (a < end && start < b) return true;
  }
  return false;
}

/**
 * Where indirect content [from, to) ends when another reporting clause starts inside it: a
 * clause closing the sentence after a comma ("…, the source added.") or one joined by a
 * conjunction ("…, but he noted that …"); else `to`. The other clause makes a quote of its own.
 */
function contentEndBeforeReport(v: TokenView, cues: readonly Cue[], from: number, to: number, sTo: number): number {
  // Cues are in text order: start at the first one after `from` (long cue lists stay linear).
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].from <= from) lo = mid + 1; else hi = mid;
  }
  for (let i = lo; i < cues.length && i - lo < LIMITS.maxInnerCues; i++) {
    const c = cues[i];
    if (c.from >= to) break;
    if (c.lemma === 'according to') continue;
    const subject = subjectBefore(v, cuePrefixStart(v, c.from, from), from);
    if (!subject) continue;
    let b = subject.clauseStart - 1;
    const joined = b > from && v.pos[b] === 'CCONJ';
    if (joined) b--;
    if (b - from < LIMITS.minIndirectTokens || (v.lower[b] !== ',' && v.lower[b] !== ';')) continue;
    const closes = endsSentence(v, c.to, sTo) || endsAfterAdjunct(v, c.to, sTo);
    if (closes ? v.lower[b] === ',' && !joined : joined || v.lower[b] === ';') return trimEnd(v, from, b);
  }
  return to;
}

function cueBetween(cues: readonly Cue[], a: number, b: number): boolean {
  return cues.some((c) => c.from >= a && c.from < b);
}

function hasCue(v: TokenView, cues: readonly Cue[], seg: QuoteSegment): boolean {
  // A cue right after the segment (", he said") belongs to it.
  return cues.some((c) => c.from > seg.close && c.from <= seg.close + 4 && c.from < v.n && v.para[c.from] === v.para[seg.close]);
}

/** The subject at the start of a sentence (after an opening adverbial clause ending in a comma). */
export function sentenceSubject(v: TokenView, from: number, to: number): Range | undefined {
  let k = from;
  while (k < to && (v.pos[k] === 'CCONJ' || v.pos[k] === 'ADV')) k++;
  const np = phraseStartingAt(v, k, to);
  if (!np) return undefined;
  let j = np.to;
  // Skip "(D)" and ", the opponent in the election," between the subject and its verb.
  if (v.lower[j] === '(') {
    let c = j + 1;
    while (c < to && v.lower[c] !== ')' && c - j <= LIMITS.maxAppositionTokens) c++;
    if (v.lower[c] === ')') j = c + 1;
  }
  if (v.lower[j] === ',') {
    let c = j + 1;
    while (c < to && v.lower[c] !== ',' && v.pos[c] !== 'VERB' && v.pos[c] !== 'AUX' && c - j <= LIMITS.maxAppositionTokens) c++;
    if (v.lower[c] === ',') j = c + 1;
  }
  // Skip a short time or place phrase ("on Thursday", "in Abuja") between the subject and its verb.
  j = skipShortPP(v, j, to);
  if (j < to && (v.pos[j] === 'VERB' || v.pos[j] === 'AUX' || v.pos[j] === 'ADV')) return np;
  return undefined;
}

/** Longest prepositional phrase skipped between a subject and its verb ("on Thursday", "in the capital"). */
const MAX_SUBJECT_PP = 4;

/**
 * The token after a short prepositional phrase starting at `j` ("on Thursday", "in Abuja"),
 * when one stands there and a verb follows it; else `j`.
 */
export function skipShortPP(v: TokenView, j: number, to: number): number {
  if (j >= to || v.pos[j] !== 'ADP') return j;
  let k = j + 1;
  while (k < to && k - j <= MAX_SUBJECT_PP && (v.pos[k] === 'DET' || v.pos[k] === 'PROPN' || v.pos[k] === 'NOUN' || v.pos[k] === 'NUM' || v.pos[k] === 'ADJ')) k++;
  // The phrase ends in its noun ("on Thursday"), not in a determiner ("by the" + a mis-tagged noun).
  const last = v.pos[k - 1];
  return k > j + 1 && k < to && (last === 'PROPN' || last === 'NOUN' || last === 'NUM') && (v.pos[k] === 'VERB' || v.pos[k] === 'AUX') ? k : j;
}

/** A short stretch up to the next comma, as a speaker of last resort ("according to exit polls"). */
function untilComma(v: TokenView, from: number, to: number): Range | undefined {
  let k = from;
  while (k < to && v.lower[k] !== ',' && v.pos[k] !== 'PUNCT' && k - from < LIMITS.maxSpeakerTokens) k++;
  return k > from && k < to && v.lower[k] === ',' ? { from, to: k } : undefined;
}
