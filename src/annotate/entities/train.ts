// npm run train:ner — trains the recogniser on CoNLL-2003 eng.train, picks the epoch count on
// eng.testa (the development split), writes models/ner.spnm and prints per-type scores.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SequenceTagger } from '../../learn/index.js';
import { DATA_DIR } from '../../testing/shared.js';
import { readConll, toBio, type ConllDocument } from './conll.js';
import { NerFeaturizer } from './features.js';
import { lexicon } from './lexicon.js';
import { NerModel, MODEL_PATH } from './model.js';
import { evaluate, formatScores } from './evaluate.js';

/** Training settings: every run with these settings gives the same model. */
export const TRAINING = {
  bits: 20,
  maxEpochs: Number(process.env.NER_EPOCHS ?? 12),
  seed: 2003,
} as const;

const TRAIN = join(DATA_DIR, 'conll2003', 'eng.train');
const DEV = join(DATA_DIR, 'conll2003', 'eng.testa');

/** Hashed features and BIO tags of every sentence in the documents. */
export function featurize(docs: readonly ConllDocument[], featurizer: NerFeaturizer): { hashed: Uint32Array[][]; tags: string[][] } {
  const hashed: Uint32Array[][] = [];
  const tags: string[][] = [];
  for (const doc of docs) {
    const sentences = doc.sentences.map((s) => s.map((t) => t.word));
    const context = featurizer.documentContext(sentences);
    doc.sentences.forEach((s, i) => {
      hashed.push(featurizer.sentence(sentences[i], context));
      tags.push(toBio(s.map((t) => t.tag)));
    });
  }
  return { hashed, tags };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const train = readConll(TRAIN);
  const dev = readConll(DEV);
  const featurizer = new NerFeaturizer(lexicon(), TRAINING.bits);
  const { hashed, tags } = featurize(train, featurizer);
  const tagSet = [...new Set(tags.flat())].sort();
  console.log(`train: ${hashed.length} sentences, featurised in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  let best: { f1: number; epoch: number; tagger?: SequenceTagger } = { f1: -1, epoch: -1 };
  SequenceTagger.trainHashed(hashed, tags, {
    bits: TRAINING.bits,
    epochs: TRAINING.maxEpochs,
    seed: TRAINING.seed,
    tags: tagSet,
    onEpoch: (epoch, mistakes) => process.stdout.write(`epoch ${epoch + 1}: ${mistakes} sentences wrong; `),
    onModel: (epoch, tagger) => {
      const scores = evaluate(new NerModel(tagger), dev);
      console.log(`testa F1 ${(scores.ALL.f1 * 100).toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      if (scores.ALL.f1 > best.f1) best = { f1: scores.ALL.f1, epoch: epoch + 1, tagger };
    },
  });
  const tagger = best.tagger!;
  const scores = evaluate(new NerModel(tagger), dev);
  const card = { data: 'CoNLL-2003 eng.train', tunedOn: 'eng.testa', epochs: best.epoch, seed: TRAINING.seed, trained: new Date().toISOString().slice(0, 10) };
  const bytes = tagger.encode(card);
  writeFileSync(MODEL_PATH, bytes);
  console.log(`best epoch ${best.epoch}; wrote ${MODEL_PATH} (${(bytes.length / 1048576).toFixed(1)} MB)`);
  console.log(formatScores(scores));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
