import type { Span } from '../model/index.js';
import { chunkParagraph, MAX_CHUNK_CHARS, MAX_WORD_CHARS } from './chunks.js';
import { newBounds, tokenizeRange } from './tokenizer.js';
import { splitSentences } from './sentences.js';
import { posTagger, type PosTagger } from './pos.js';
import { winkTokenize } from './wink-layers.js';
import { recordTokenWords } from './token-words.js';

/** Tokens (label = universal POS tag) and sentences of a text, with exact offsets. */
export interface NlpLayers {
  tokens: Span[];
  sentences: Span[];
  paragraphs: Span[];
  /** Paragraphs longer than one chunk, which were tokenised in pieces. */
  chunkedParagraphs: number;
}

const PARAGRAPH_BREAK = /\n[ \t\u00a0]*\n/g;
const SENTENCE_SOURCE = { stage: 'nlp', rule: 'sentence-rules' } as const;

/**
 * Set `SPINSCOPE_NLP=wink` to run wink-nlp instead of the project's own tokenizer, splitter and
 * tagger (slower; the teacher the tagger was distilled from).
 */
const USE_WINK = process.env.SPINSCOPE_NLP === 'wink';

/** Paragraphs: runs of text separated by blank lines, trimmed of surrounding white space. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    pushParagraph(text, start, m.index!, spans);
    start = m.index! + m[0].length;
  }
  pushParagraph(text, start, text.length, spans);
  return spans;
}

/** Appends `text[from, to)` trimmed of white space as a paragraph, unless empty. (A module
 * function, not a closure: under tsx's keepNames a closure pays a defineProperty per call.) */
function pushParagraph(text: string, from: number, to: number, spans: Span[]): void {
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (to > from) spans.push({ start: from, end: to, label: 'paragraph', source: { stage: 'nlp', rule: 'blank-line' } });
}

/**
 * Token bounds, sentence token ranges, tags and word ids of one chunk, and the word ids of the
 * whole text so far, reused across calls (tokenising is synchronous).
 */
const scratch = {
  bounds: newBounds(4096),
  sentences: [] as number[],
  tags: new Uint8Array(4096),
  ids: new Int32Array(4096),
  textIds: new Int32Array(16384),
  textStarts: new Int32Array(16384),
  textEnds: new Int32Array(16384),
};

/**
 * Tokens with universal POS tags, sentences and paragraphs of a text. Each paragraph (or piece
 * of a very long one, see chunks.ts) is tokenised by rules (tokenizer.ts), split into sentences
 * (sentences.ts; a sentence never crosses a paragraph) and tagged sentence by sentence by the
 * distilled perceptron tagger (pos.ts). Overlong runs without spaces are one token labelled X.
 */
export function tokenize(text: string): NlpLayers {
  if (USE_WINK) return winkTokenize(text);
  const tagger = posTagger();
  const tokens: Span[] = [];
  const sentences: Span[] = [];
  const paragraphs = paragraphSpans(text);
  let chunkedParagraphs = 0;
  const { bounds } = scratch;
  const generation = tagger.words.generation;
  for (const para of paragraphs) {
    bounds.length = 0;
    bounds.longestPiece = 0;
    if (para.end - para.start <= MAX_CHUNK_CHARS) {
      // The common case, one chunk: the tokenizer's own scan tells whether chunking is needed.
      tokenizeRange(text, para.start, para.end, bounds);
      if (bounds.longestPiece < MAX_WORD_CHARS) {
        tagChunk(text, tagger, tokens, sentences);
        continue;
      }
    } else chunkedParagraphs++;
    for (const chunk of chunkParagraph(text, para.start, para.end)) {
      if (chunk.kind === 'long-word') {
        pushId(tokens.length, -1, chunk.start, chunk.end);
        tokens.push({ start: chunk.start, end: chunk.end, label: 'X' });
        continue;
      }
      bounds.length = 0;
      tokenizeRange(text, chunk.start, chunk.end, bounds);
      tagChunk(text, tagger, tokens, sentences);
    }
  }
  // Word ids for later stages, unless the tagger's table started afresh part way (ids mixed).
  if (tagger.words.generation === generation) {
    const n = tokens.length;
    recordTokenWords(text, tokens, scratch.textIds.slice(0, n), scratch.textStarts.slice(0, n), scratch.textEnds.slice(0, n), tagger.words, generation);
  }
  return { tokens, sentences, paragraphs, chunkedParagraphs };
}

/** Sets the word id and offsets of token `k` of the text (growing the scratch as needed). */
function pushId(k: number, id: number, start: number, end: number): void {
  if (k >= scratch.textIds.length) {
    scratch.textIds = grown(scratch.textIds, 2 * k);
    scratch.textStarts = grown(scratch.textStarts, 2 * k);
    scratch.textEnds = grown(scratch.textEnds, 2 * k);
  }
  scratch.textIds[k] = id;
  scratch.textStarts[k] = start;
  scratch.textEnds[k] = end;
}

/** A copy of `a` with room for `size` values. */
function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

/**
 * Splits the tokens in `scratch.bounds` (one chunk) into sentences, tags them, and appends the
 * spans. (A module function, not a closure in `tokenize`: under tsx's keepNames a closure pays a
 * defineProperty of its name per call.)
 */
function tagChunk(text: string, tagger: PosTagger, tokens: Span[], sentences: Span[]): void {
  const { bounds, sentences: ranges } = scratch;
  ranges.length = 0;
  splitSentences(text, bounds, 0, bounds.length, ranges);
  const n = bounds.length;
  if (scratch.tags.length < n) scratch.tags = new Uint8Array(2 * n);
  if (scratch.ids.length < n) scratch.ids = new Int32Array(2 * n);
  const tags = scratch.tags;
  const ids = scratch.ids;
  for (let k = 0; k < ranges.length; k += 2) {
    const first = ranges[k];
    const last = ranges[k + 1];
    tagger.tagRange(text, bounds.starts, bounds.ends, first, last, tags, ids);
    sentences.push({ start: bounds.starts[first], end: bounds.ends[last - 1], label: 'sentence', source: SENTENCE_SOURCE });
  }
  const at = tokens.length;
  if (at + n > scratch.textIds.length) pushId(at + n, 0, 0, 0);
  scratch.textIds.set(ids.subarray(0, n), at);
  scratch.textStarts.set(bounds.starts.subarray(0, n), at);
  scratch.textEnds.set(bounds.ends.subarray(0, n), at);
  for (let i = 0; i < n; i++) tokens.push({ start: bounds.starts[i], end: bounds.ends[i], label: tagger.tags[tags[i]] });
}

/** Just the span layers of `tokenize` (tokens, sentences, paragraphs), for code that builds articles by hand. */
export function nlpLayers(text: string): Pick<NlpLayers, 'tokens' | 'sentences' | 'paragraphs'> {
  const { tokens, sentences, paragraphs } = tokenize(text);
  return { tokens, sentences, paragraphs };
}
