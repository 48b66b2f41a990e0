// Writes .tmp/vectors.bin for scripts/tc-mlp.ts (--extra dense / dsent): the randomly projected PPMI word
// vectors of the word-cluster trainer, keyed by 32-bit word hash (no text).
//   node --import tsx scripts/tc-word-vectors.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { DATA_DIR } from '../src/testing/shared.js';
import { fnv1a } from '../src/learn/index.js';
import * as wc from '../src/annotate/techniques/word-clusters.js';
const sentences = wc.clusterSentences(DATA_DIR);
wc.trainWordClusters(sentences);
const { vocab, vectors } = wc.lastVectors!;
const D = vectors.length / vocab.length;
const buf = Buffer.alloc(8 + vocab.length * 4 + vectors.length * 4);
buf.writeUInt32LE(vocab.length, 0); buf.writeUInt32LE(D, 4);
vocab.forEach((w, i) => buf.writeUInt32LE(fnv1a(w), 8 + i * 4));
Buffer.from(vectors.buffer).copy(buf, 8 + vocab.length * 4);
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/vectors.bin', buf);
console.log(vocab.length, D);
