import type { Span } from '../model/index.js';
import { wink } from './wink.js';
import { chunkParagraph, MAX_CHUNK_CHARS } from './chunks.js';

/** Tokens (label = universal POS tag) and sentences of a text, with exact offsets. */
export interface NlpLayers {
  tokens: Span[];
  sentences: Span[];
  paragraphs: Span[];
  /** Paragraphs longer than one chunk, which were tokenised in pieces. */
  chunkedParagraphs: number;
}

const PARAGRAPH_BREAK = /\n[ \t\u00a0]*\n/g;
const SOURCE = { stage: 'nlp', model: 'wink-eng-lite-web-model' } as const;

/** Paragraphs: runs of text separated by blank lines, trimmed of surrounding white space. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (to > from) spans.push({ start: from, end: to, label: 'paragraph', source: { stage: 'nlp', rule: 'blank-line' } });
  };
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    push(start, m.index!);
    start = m.index! + m[0].length;
  }
  push(start, text.length);
  return spans;
}

/**
 * Runs wink-nlp over each paragraph and aligns its tokens back onto the text (wink keeps token
 * values verbatim, so a forward search finds each one). Sentences never cross a paragraph.
 */
export function tokenize(text: string): NlpLayers {
  const tokens: Span[] = [];
  const sentences: Span[] = [];
  const paragraphs = paragraphSpans(text);
  let chunkedParagraphs = 0;
  for (const para of paragraphs) {
    const chunks = chunkParagraph(text, para.start, para.end);
    if (para.end - para.start > MAX_CHUNK_CHARS) chunkedParagraphs++;
    for (const chunk of chunks) {
      if (chunk.kind === 'long-word') tokens.push({ start: chunk.start, end: chunk.end, label: 'X' });
      else tokenizeChunk(text, chunk.start, chunk.end, tokens, sentences);
    }
  }
  return { tokens, sentences, paragraphs, chunkedParagraphs };
}

/** Runs wink over `text[from, to)` and appends its tokens and sentences with exact offsets. */
function tokenizeChunk(text: string, from: number, to: number, tokens: Span[], sentences: Span[]): void {
  const nlp = wink();
  const its = nlp.its;
  const chunk = text.slice(from, to);
  const doc = nlp.readDoc(chunk);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const starts = new Int32Array(values.length).fill(-1);
  const ends = new Int32Array(values.length).fill(-1);
  let cursor = 0; // searched within the chunk, so a token wink altered costs one chunk scan at most
  for (let i = 0; i < values.length; i++) {
    if (pos[i] === 'SPACE') continue;
    const at = chunk.indexOf(values[i], cursor);
    if (at < 0) continue;
    starts[i] = from + at;
    ends[i] = from + (cursor = at + values[i].length);
    tokens.push({ start: starts[i], end: ends[i], label: pos[i] });
  }
  const bounds = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [first, last] of bounds) {
    let a = first;
    let b = last;
    while (a <= b && starts[a] < 0) a++;
    while (b >= a && ends[b] < 0) b--;
    if (a <= b) sentences.push({ start: starts[a], end: ends[b], label: 'sentence', source: SOURCE });
  }
}
