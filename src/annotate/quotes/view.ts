import type { Article, Span } from '../../model/index.js';
import { CLOSE_QUOTES, NOT_CUE_TAGS, OPEN_QUOTES, STRAIGHT_QUOTE, TERMINAL_PUNCT } from './constants.js';
import { cueLemma } from './lexicon.js';
import { tokenText } from '../token-text.js';

/**
 * A flat, column view of an article's tokens for the quote rules: offsets, lower-cased text,
 * POS, and the clause window (sentence) and paragraph each token is in. Built once per article.
 */
export interface TokenView {
  text: string;
  n: number;
  start: Int32Array;
  end: Int32Array;
  lower: string[];
  pos: string[];
  /** Index of the sentence window of each token. */
  sent: Int32Array;
  /** First token and one-past-last token of each sentence window. */
  sentStart: number[];
  sentEnd: number[];
  /** Index of the paragraph of each token. */
  para: Int32Array;
  /** 1 for an opening quotation mark token, 2 for a closing one, 0 otherwise. */
  mark: Uint8Array;
  /** 1 when the token starts with a capital letter (a name the tagger may have missed). */
  cap: Uint8Array;
  /** Speech-verb lemma of each token ("said" → "say"), looked up once per token. */
  cue: (string | undefined)[];
}

const TERMINAL = TERMINAL_PUNCT;

/** Builds the token view from the `tokens` and `paragraphs` layers. */
export function buildView(article: Article): TokenView {
  const text = article.text;
  const tokens: Span[] = article.layers.tokens ?? [];
  const paragraphs: Span[] = article.layers.paragraphs ?? [{ start: 0, end: text.length, label: 'paragraph' }];
  const n = tokens.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  // Lower-cased token strings, shared with the other stages that read them (never written here).
  const lower = tokenText(text, tokens).lower as string[];
  const pos: string[] = new Array(n);
  const para = new Int32Array(n);
  const mark = new Uint8Array(n);
  const cap = new Uint8Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    start[i] = t.start;
    end[i] = t.end;
    pos[i] = t.label;
    const c = text.charCodeAt(t.start);
    const upper = c >= 65 && c <= 90;
    if (upper && t.end - t.start > 1) cap[i] = 1;
    while (p < paragraphs.length - 1 && t.start >= paragraphs[p].end) p++;
    para[i] = p;
  }
  markQuotes(text, lower, start, end, para, mark);
  const { sent, sentStart, sentEnd } = sentenceWindows(text, lower, start, end, para, mark);
  const cue: (string | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) cue[i] = NOT_CUE_TAGS.has(pos[i]) ? undefined : cueLemma(lower[i]);
  return { text, n, start, end, lower, pos, sent, sentStart, sentEnd, para, mark, cap, cue };
}

/** Straight quotes open or close by their neighbours; curly ones by shape. */
function markQuotes(text: string, lower: string[], start: Int32Array, end: Int32Array, para: Int32Array, mark: Uint8Array): void {
  let open = false;
  let lastPara = -1;
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i];
    if (w.length !== 1) continue;
    if (OPEN_QUOTES.has(w)) { mark[i] = 1; continue; }
    if (CLOSE_QUOTES.has(w)) { mark[i] = 2; continue; }
    // Two apostrophes typed for a double quote ('' in some wire copy) act as one straight quote.
    const pair = w === "'" && i + 1 < lower.length && lower[i + 1] === "'" && end[i] === start[i + 1];
    if (w !== STRAIGHT_QUOTE && !pair) continue;
    const last = pair ? i + 1 : i;
    if (para[i] !== lastPara) { open = false; lastPara = para[i]; }
    const before = start[i] > 0 ? text[start[i] - 1] : ' ';
    const after = end[last] < text.length ? text[end[last]] : ' ';
    const looksOpen = /[\s(\[—–-]/.test(before) && !/\s/.test(after);
    const looksClose = !/\s/.test(before) && /[\s.,;:!?)\]—–-]/.test(after);
    if (looksOpen && !looksClose) open = true;
    else if (looksClose && !looksOpen) open = false;
    else open = !open;
    if (open) mark[i] = 1; else mark[last] = 2;
    i = last;
  }
}

/**
 * Sentence windows: split at paragraph ends and at terminal punctuation (plus any closing
 * quote after it) followed by a capital or an opening quote. Cheaper and steadier for quotes
 * than the tagger's sentences, which split inside web addresses and after closing marks.
 */
function sentenceWindows(text: string, lower: string[], start: Int32Array, end: Int32Array, para: Int32Array, mark: Uint8Array) {
  const n = lower.length;
  const sent = new Int32Array(n);
  const sentStart: number[] = [];
  const sentEnd: number[] = [];
  // Windows are closed by `closeWindow` (a module function, not a closure: under tsx's keepNames
  // a closure pays a defineProperty per call); `from` is where the open window starts.
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (i > from && para[i] !== para[i - 1]) from = closeWindow(i, from, sent, sentStart, sentEnd);
    const w = lower[i];
    const last = w.charCodeAt(w.length - 1);
    // Cheap filter first: only tokens ending in . ! ? … can end a sentence.
    if (last !== 46 && last !== 33 && last !== 63 && last !== 0x2026) continue;
    if (!TERMINAL.has(w) && last !== 0x2026) continue;
    // Abbreviations split by the tokenizer ("S . C.") are not sentence ends.
    if (i + 1 < n && start[i + 1] === end[i] && mark[i + 1] === 0) continue;
    if (i > 0 && end[i - 1] === start[i] && lower[i - 1].length === 1) continue;
    let j = i + 1;
    while (j < n && (mark[j] === 2 || (lower[j] === "'" && mark[j] !== 1)) && para[j] === para[i]) j++;
    if (j >= n || para[j] !== para[i]) continue;
    const c = text.charCodeAt(start[j]);
    if (mark[j] === 1 || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) from = closeWindow(j, from, sent, sentStart, sentEnd);
  }
  closeWindow(n, from, sent, sentStart, sentEnd);
  return { sent, sentStart, sentEnd };
}

/** Closes the window [from, to) unless empty: records it and numbers its tokens. Returns where the next window starts. */
function closeWindow(to: number, from: number, sent: Int32Array, sentStart: number[], sentEnd: number[]): number {
  if (to <= from) return from;
  for (let k = from; k < to; k++) sent[k] = sentStart.length;
  sentStart.push(from);
  sentEnd.push(to);
  return to;
}
