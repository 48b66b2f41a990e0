// npm run eval:ner — per-type and overall exact-match entity F1 (conlleval) on eng.testa.
import { join } from 'node:path';
import { prf, type PRF } from '../../learn/index.js';
import { DATA_DIR } from '../../testing/shared.js';
import { countChunks, harmoniseTypes, readConll, toBio, type ChunkCounts, type ConllDocument } from './conll.js';
import { NerModel } from './model.js';

/** Tags every document and scores exact-match entities per type and overall ('ALL'). */
export function evaluate(model: NerModel, docs: readonly ConllDocument[]): Record<string, PRF & { gold: number }> {
  return scoresOf(chunkCounts(model, docs));
}

/** Exact-match chunk counts of the model's tags on the documents, added to `counts`. */
export function chunkCounts(model: NerModel, docs: readonly ConllDocument[], counts: ChunkCounts = {}, post?: (words: string[][], tags: string[][]) => string[][]): ChunkCounts {
  for (const doc of docs) {
    const words = doc.sentences.map((s) => s.map((t) => t.word));
    let predicted = model.tagDocument(words);
    if (post) predicted = post(words, predicted);
    doc.sentences.forEach((s, i) => countChunks(toBio(s.map((t) => t.tag)), predicted[i], counts));
  }
  return counts;
}

/** Precision, recall, F1 and gold count per type from chunk counts. */
export function scoresOf(counts: ChunkCounts): Record<string, PRF & { gold: number }> {
  return Object.fromEntries(Object.entries(counts).map(([type, c]) => [type, { ...prf(c.correct, c.predicted, c.gold), gold: c.gold }]));
}

/** A small table: type, precision, recall, F1, gold count. */
export function formatScores(scores: Record<string, PRF & { gold: number }>): string {
  const rows = Object.keys(scores)
    .sort((a, b) => (a === 'ALL' ? 1 : b === 'ALL' ? -1 : a.localeCompare(b)))
    .map((t) => {
      const s = scores[t];
      return `| ${t.padEnd(4)} | ${(s.precision * 100).toFixed(2)} | ${(s.recall * 100).toFixed(2)} | ${(s.f1 * 100).toFixed(2)} | ${String(s.gold).padStart(5)} |`;
    });
  return ['| type | P | R | F1 | gold |', '|------|---|---|----|------|', ...rows].join('\n');
}

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(DATA_DIR, 'conll2003', 'eng.testa');
  const docs = readConll(file);
  const t0 = performance.now();
  const model = NerModel.load();
  const loaded = performance.now();
  const scores = process.argv.includes('--harmonise') ? scoresOf(chunkCounts(model, docs, {}, harmoniseTypes)) : evaluate(model, docs);
  const tokens = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.length, 0), 0);
  const seconds = (performance.now() - loaded) / 1000;
  console.log(`${file}: model load ${(loaded - t0).toFixed(0)} ms; ${tokens} tokens tagged at ${Math.round(tokens / seconds).toLocaleString('en-US')} tokens/s`);
  console.log(formatScores(scores));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
