import type { Span } from '../model/index.js';
import { wink } from './wink.js';
import { chunkParagraph, MAX_CHUNK_CHARS, type Chunk } from './chunks.js';
import { paragraphSpans, type NlpLayers } from './tokenize.js';

const SOURCE = { stage: 'nlp', model: 'wink-eng-lite-web-model' } as const;

/**
 * The wink-nlp path (the teacher of the POS tagger and an opt-in fallback, `SPINSCOPE_NLP=wink`):
 * runs wink-nlp over the text and aligns its tokens back onto it (wink keeps token values
 * verbatim, so a forward search finds each one). Consecutive paragraphs are fed to wink together
 * (up to BATCH_CHARS: one call per paragraph costs more than the tagging of a short one), and
 * sentences are cut at paragraph ends, so a sentence never crosses a paragraph.
 */
export function winkTokenize(text: string): NlpLayers {
  const tokens: Span[] = [];
  const sentences: Span[] = [];
  const paragraphs = paragraphSpans(text);
  let chunkedParagraphs = 0;
  let batch: Chunk[] = [];
  const flush = () => {
    if (batch.length) tokenizeBatch(text, batch, tokens, sentences);
    batch = [];
  };
  for (const para of paragraphs) {
    if (para.end - para.start > MAX_CHUNK_CHARS) chunkedParagraphs++;
    for (const chunk of chunkParagraph(text, para.start, para.end)) {
      if (chunk.kind === 'long-word') {
        flush();
        tokens.push({ start: chunk.start, end: chunk.end, label: 'X' });
        continue;
      }
      if (batch.length && chunk.end - batch[0].start > BATCH_CHARS) flush();
      batch.push(chunk);
    }
  }
  flush();
  return { tokens, sentences, paragraphs, chunkedParagraphs };
}

/** Paragraph chunks are fed to wink together up to about this many characters. */
const BATCH_CHARS = 20_000;

/**
 * Runs wink over the text from the first chunk's start to the last chunk's end and appends its
 * tokens and sentences with exact offsets; a sentence is cut where a chunk ends.
 */
function tokenizeBatch(text: string, chunks: readonly Chunk[], tokens: Span[], sentences: Span[]): void {
  const nlp = wink();
  const its = nlp.its;
  const from = chunks[0].start;
  const slice = text.slice(from, chunks[chunks.length - 1].end);
  const doc = nlp.readDoc(slice);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const starts = new Int32Array(values.length).fill(-1);
  const ends = new Int32Array(values.length).fill(-1);
  let cursor = 0; // searched within the slice, so a token wink altered costs one slice scan at most
  for (let i = 0; i < values.length; i++) {
    if (pos[i] === 'SPACE') continue;
    const at = slice.indexOf(values[i], cursor);
    if (at < 0) continue;
    starts[i] = from + at;
    ends[i] = from + (cursor = at + values[i].length);
    tokens.push({ start: starts[i], end: ends[i], label: pos[i] });
  }
  const bounds = doc.sentences().out(its.span) as unknown as [number, number][];
  let c = 0; // index of the chunk the current token lies in
  for (const [first, last] of bounds) {
    let open = -1;
    let close = -1;
    for (let i = first; i <= last; i++) {
      if (starts[i] < 0) continue;
      while (c < chunks.length - 1 && starts[i] >= chunks[c].end) c++;
      if (open >= 0 && starts[i] >= chunks[c].start && ends[close] <= chunks[c].start) {
        sentences.push({ start: starts[open], end: ends[close], label: 'sentence', source: SOURCE });
        open = -1;
      }
      if (open < 0) open = i;
      close = i;
    }
    if (open >= 0) sentences.push({ start: starts[open], end: ends[close], label: 'sentence', source: SOURCE });
  }
}
