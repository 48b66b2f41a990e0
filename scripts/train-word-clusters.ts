// npm run train:word-clusters — word clusters from the unlabelled text in ../shared/data
// (models/word-clusters.bin; used by the techniques span tagger).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { MODELS_DIR } from '../src/annotate/techniques/detector.js';
import { clusterSentences, encodeWordClusters, trainWordClusters, WORD_CLUSTERS } from '../src/annotate/techniques/word-clusters.js';

const missing = needsShared('data/ptc');
if (missing) {
  console.error(`train:word-clusters: ${missing}`);
  process.exit(1);
}
const t0 = performance.now();
const sentences = clusterSentences(DATA_DIR);
console.error(`${sentences.length} sentences, ${sentences.reduce((n, s) => n + s.length, 0)} tokens`);
const clusters = trainWordClusters(sentences);
const bytes = encodeWordClusters(clusters);
writeFileSync(join(MODELS_DIR, WORD_CLUSTERS.file), bytes);
console.log(`wrote ${WORD_CLUSTERS.file}: ${clusters.size} words, ${(bytes.length / 1024).toFixed(0)} kB in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
