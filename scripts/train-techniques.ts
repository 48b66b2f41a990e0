// npm run train:techniques — trains the techniques models on all of PTC train and writes
// models/techniques-spans.spnm (span tagger) and models/techniques-labels.spnm (classifier).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { prepare, trainClassifier, trainTagger } from '../src/annotate/techniques/train.js';
import { LexiconIndex } from '../src/annotate/techniques/lexicon-match.js';
import { MODELS_DIR } from '../src/annotate/techniques/detector.js';
import { CLASSIFIER, MODEL_FILES, TAGGER } from '../src/annotate/techniques/constants.js';

const missing = needsShared('data/ptc');
if (missing) {
  console.error(`train:techniques: ${missing}`);
  process.exit(1);
}
const docs = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
const lexicon = new LexiconIndex();
const tagger = trainTagger(docs, lexicon, { onEpoch: (e, m) => console.error(`tagger epoch ${e + 1}: ${m} sentences with mistakes`) });
const classifier = trainClassifier(docs, lexicon);
const card = { data: 'PTC (SemEval-2020 Task 11) train: all articles', articles: docs.length };
mkdirSync(MODELS_DIR, { recursive: true });
const taggerBytes = tagger.encode({ ...card, task: 'span identification (BIO)', ...TAGGER });
const classifierBytes = classifier.encode({ ...card, task: 'technique classification', ...CLASSIFIER });
writeFileSync(join(MODELS_DIR, MODEL_FILES.tagger), taggerBytes);
writeFileSync(join(MODELS_DIR, MODEL_FILES.classifier), classifierBytes);
console.log(`wrote ${MODEL_FILES.tagger} (${(taggerBytes.length / 1048576).toFixed(2)} MB) and ${MODEL_FILES.classifier} (${(classifierBytes.length / 1048576).toFixed(2)} MB)`);
