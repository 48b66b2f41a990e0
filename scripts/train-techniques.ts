// npm run train:techniques — trains the techniques models on all of PTC train and writes
// models/techniques-spans.spnm (span tagger), models/techniques-sentences.spnm (the sentence model
// the tagger reads), models/techniques-labels.spnm (classifier) and models/techniques-labels-net.spnn
// (the network averaged with the classifier, if NETWORK.enabled).
// `npm run train:techniques -- --classifier-only` retrains and writes only the classifier (and network),
// `-- --tagger-only` only the span tagger (which needs models/word-clusters.bin), its sentence model
// and the widening model (models/techniques-widening.spnm, trained on the tagger's own runs), and
// the token model mixed into the tagger's emissions (models/techniques-tokens.spnm, if TOKEN_MODEL.weight).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';
import { readPtc } from '../src/annotate/techniques/ptc.js';
import { prepare, trainClassifier, trainNetwork, trainTagger, trainWidening } from '../src/annotate/techniques/train.js';
import { LexiconIndex } from '../src/annotate/techniques/lexicon-match.js';
import { loadWordClusters } from '../src/annotate/techniques/word-clusters.js';
import { MODELS_DIR } from '../src/annotate/techniques/detector.js';
import { CLASSIFIER, MODEL_FILES, NETWORK, SENTENCE_MODEL, TAGGER, TOKEN_MODEL, WIDENING_MODEL } from '../src/annotate/techniques/constants.js';
import { trainTokenModel } from '../src/annotate/techniques/token-model.js';

const missing = needsShared('data/ptc');
if (missing) {
  console.error(`train:techniques: ${missing}`);
  process.exit(1);
}
const docs = readPtc(join(DATA_DIR, 'ptc')).map(prepare);
const lexicon = new LexiconIndex();
const card = { data: 'PTC (SemEval-2020 Task 11) train: all articles', articles: docs.length };
const mb = (bytes: Buffer) => `${(bytes.length / 1048576).toFixed(2)} MB`;
mkdirSync(MODELS_DIR, { recursive: true });
if (!process.argv.includes('--classifier-only')) {
  const clusters = TAGGER.wordClusters ? loadWordClusters() : undefined;
  if (TAGGER.wordClusters && !clusters) throw new Error('models/word-clusters.bin missing: npm run train:word-clusters');
  const tagger = trainTagger(docs, lexicon, { clusters, onEpoch: (e, m) => console.error(`tagger epoch ${e + 1}: ${m} sentences with mistakes`) });
  const taggerBytes = tagger.encode({ ...card, task: 'span identification (BIO)', ...TAGGER, ...tagger.card });
  writeFileSync(join(MODELS_DIR, MODEL_FILES.tagger), taggerBytes);
  console.log(`wrote ${MODEL_FILES.tagger} (${mb(taggerBytes)})`);
  if (tagger.sentences) {
    const sentenceBytes = tagger.sentences.encode({ ...card, task: 'sentence holds a propaganda fragment (read by the span tagger)', ...SENTENCE_MODEL });
    writeFileSync(join(MODELS_DIR, MODEL_FILES.sentences), sentenceBytes);
    console.log(`wrote ${MODEL_FILES.sentences} (${mb(sentenceBytes)})`);
  }
  const wideningBytes = trainWidening(docs, tagger, lexicon).encode({ ...card, task: 'keep a side of a span widened to its clause (share of its tokens in a fragment)', ...WIDENING_MODEL, threshold: TAGGER.wideningThreshold });
  writeFileSync(join(MODELS_DIR, MODEL_FILES.widening), wideningBytes);
  console.log(`wrote ${MODEL_FILES.widening} (${mb(wideningBytes)})`);
  if (TOKEN_MODEL.weight !== 0) {
    const tokens = trainTokenModel(docs, lexicon, clusters);
    const name = MODEL_FILES.tokens;
    const tokenBytes = tokens.encode({ ...card, task: 'token lies inside a propaganda fragment (mixed into the span tagger)', ...TOKEN_MODEL, ...tokens.card });
    writeFileSync(join(MODELS_DIR, name), tokenBytes);
    console.log(`wrote ${name} (${mb(tokenBytes)})`);
  }
}
if (!process.argv.includes('--tagger-only')) {
  const classifierBytes = trainClassifier(docs, lexicon).encode({ ...card, task: 'technique classification', ...CLASSIFIER });
  writeFileSync(join(MODELS_DIR, MODEL_FILES.classifier), classifierBytes);
  console.log(`wrote ${MODEL_FILES.classifier} (${mb(classifierBytes)})`);
  if (NETWORK.enabled) {
    const network = trainNetwork(docs, lexicon);
    const networkBytes = network.encode({ ...card, task: 'technique classification (network averaged with the classifier)', ...NETWORK, ...network.card });
    writeFileSync(join(MODELS_DIR, MODEL_FILES.network), networkBytes);
    console.log(`wrote ${MODEL_FILES.network} (${mb(networkBytes)})`);
  }
}
