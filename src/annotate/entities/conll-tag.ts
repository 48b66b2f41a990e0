import type { NerModel } from './model.js';

const DOCSTART = '-DOCSTART-';

/**
 * Tags CoNLL-format text line by line: every token line gets the predicted IOB2 tag appended
 * as a last column; `-DOCSTART-` and blank lines are echoed unchanged. Documents (between
 * `-DOCSTART-` lines) are tagged together, so document-level features see the whole document.
 *
 * @example
 * tagConll('Kerry NNP\nspoke VBD\n', model); // 'Kerry NNP B-PER\nspoke VBD O\n'
 */
export function tagConll(content: string, model: NerModel): string {
  const lines = content.split('\n');
  const trailingNewline = lines.length > 0 && lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();
  const out = lines.slice();
  let doc: number[][] = [];
  let sentence: number[] = [];
  const flushSentence = () => {
    if (sentence.length) doc.push(sentence);
    sentence = [];
  };
  const flushDoc = () => {
    flushSentence();
    if (!doc.length) return;
    const tags = model.tagDocument(doc.map((s) => s.map((i) => firstColumn(lines[i]))));
    doc.forEach((s, k) => s.forEach((i, j) => (out[i] = `${lines[i].replace(/\r$/, '')} ${tags[k][j]}`)));
    doc = [];
  };
  lines.forEach((line, i) => {
    if (line.startsWith(DOCSTART)) return flushDoc();
    if (!line.trim()) return flushSentence();
    sentence.push(i);
  });
  flushDoc();
  return out.join('\n') + (trailingNewline ? '\n' : '');
}

function firstColumn(line: string): string {
  const trimmed = line.replace(/\r$/, '');
  const cut = trimmed.search(/[ \t]/);
  return cut < 0 ? trimmed : trimmed.slice(0, cut);
}
