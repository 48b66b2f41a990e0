// npm run train:techniques — trains the techniques models on all of PTC train and writes
// models/techniques-spans.spnm (span tagger) and models/techniques-labels.spnm (classifier).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { prepare, trainClassifier, trainTagger } from '../src/annotate/techniques/train.js';
import { LexiconIndex } from '../src/annotate/techniques/lexicon-match.js';
import { loadWordClusters } from '../src/annotate/techniques/word-clusters.js';
import { MODELS_DIR } from '../src/annotate/techniques/detector.js';
import { CLASSIFIER, MODEL_FILES, TAGGER } from '../src/annotate/techniques/constants.js';

const missing = needsShared('data/ptc');
if (missing) {
  console.error(`train:techniques: ${missing}`);
  process.exit(1);
}
const docs = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
const lexicon = new LexiconIndex();
/** --only tagger|classifier: retrain one model and leave the other file as it is. */
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : 'both';
const card = { data: 'PTC (SemEval-2020 Task 11) train: all articles', articles: docs.length };
mkdirSync(MODELS_DIR, { recursive: true });
if (only !== 'classifier') {
  const clusters = TAGGER.wordClusters ? loadWordClusters() : undefined;
  if (TAGGER.wordClusters && !clusters) throw new Error('models/word-clusters.bin missing: npm run train:word-clusters');
  const tagger = trainTagger(docs, lexicon, { clusters, onEpoch: (e, m) => console.error(`tagger epoch ${e + 1}: ${m} sentences with mistakes`) });
  const taggerBytes = tagger.encode({ ...card, task: 'span identification (BIO)', ...TAGGER, ...tagger.card });
  writeFileSync(join(MODELS_DIR, MODEL_FILES.tagger), taggerBytes);
  console.log(`wrote ${MODEL_FILES.tagger} (${(taggerBytes.length / 1048576).toFixed(2)} MB)`);
}
if (only !== 'tagger') {
  const classifier = trainClassifier(docs, lexicon);
  const classifierBytes = classifier.encode({ ...card, task: 'technique classification', ...CLASSIFIER });
  writeFileSync(join(MODELS_DIR, MODEL_FILES.classifier), classifierBytes);
  console.log(`wrote ${MODEL_FILES.classifier} (${(classifierBytes.length / 1048576).toFixed(2)} MB)`);
}
