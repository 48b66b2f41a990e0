// Prints CONTEXT.prior (constants.ts): per technique, the mean out-of-fold probability the
// committed classifier + network give a gold span (5-fold CV by article on PTC train, the folds
// and examples of eval:techniques, probabilities averaged with NETWORK.logisticWeight, the
// network consulted on every span). Re-run and paste when the classifier or network changes.
//   node --import tsx scripts/tc-context-prior.ts [--seed 11]
import { join } from 'node:path';
import { kFolds, softmaxInPlace } from '../src/learn/index.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { classifierExamples, prepare, trainClassifier, trainNetwork } from '../src/annotate/techniques/train.js';
import { LexiconIndex } from '../src/annotate/techniques/lexicon-match.js';
import { CLASSIFIER, NETWORK } from '../src/annotate/techniques/constants.js';

const args = process.argv.slice(2);
const at = args.indexOf('--seed');
const seed = at >= 0 ? Number(args[at + 1]) : CLASSIFIER.seed;
const missing = needsShared('data/ptc');
if (missing) {
  console.error(`tc-context-prior: ${missing}`);
  process.exit(1);
}
const docs = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
const lexicon = new LexiconIndex();
let labels: readonly string[] = [];
let sum = new Float64Array(0);
let n = 0;
kFolds(docs.length, 5).forEach((held, f) => {
  const heldSet = new Set(held);
  const train = docs.filter((_, i) => !heldSet.has(i));
  const classifier = trainClassifier(train, lexicon, { seed });
  const network = trainNetwork(train, lexicon, classifier.bits, seed);
  labels = classifier.labels;
  if (sum.length === 0) sum = new Float64Array(labels.length);
  const w = NETWORK.logisticWeight;
  for (const e of classifierExamples(held.map((i) => docs[i]), lexicon)) {
    const p = softmaxInPlace(Float64Array.from(classifier.score(e.features)));
    const q = network.probabilities([...e.features, ...e.networkFeatures]);
    for (let c = 0; c < labels.length; c++) sum[c] += w * p[c] + (1 - w) * q[c];
    n++;
  }
  console.error(`fold ${f + 1}/5`);
});
console.log('  prior: {');
labels.forEach((l, c) => console.log(`    '${l}': ${(sum[c] / n).toFixed(4)},`));
console.log('  }');
