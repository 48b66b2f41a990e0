// npm run train:ner — trains the recogniser on CoNLL-2003 eng.train, picks the epoch count on
// eng.testa (the development split), writes models/ner.spnm and prints per-type scores.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SequenceTagger } from '../../learn/index.js';
import { DATA_DIR } from '../../testing/shared.js';
import { bioToBilou, readConll, toBio, type ConllDocument } from './conll.js';
import { NerFeaturizer } from './features.js';
import { lexicon } from './lexicon.js';
import { NerModel, MODEL_PATH, WORD_STATS_PATH } from './model.js';
import { computeWordStats, encodeWordStats, unlabelledSentences } from './word-stats.js';
import { evaluate, formatScores } from './evaluate.js';

/** Training settings: every run with these settings gives the same model. */
export const TRAINING = {
  bits: 20,
  maxEpochs: Number(process.env.NER_EPOCHS ?? 16),
  seed: 2003,
  /** Add a title-case copy of every n-th ordinary training sentence (0: none). */
  titleCaseEvery: Number(process.env.NER_TITLECASE ?? 0),
  minTitleWords: 4,
  /** Capitalisation ratios and word clusters from unlabelled text: measured, no gain on testa (off; NER_WORDSTATS=1). */
  wordStats: process.env.NER_WORDSTATS === '1',
  /** Tag encoding learned: 'bio' or 'bilou' (the model converts back to BIO). */
  scheme: (process.env.NER_SCHEME ?? 'bio') as 'bio' | 'bilou',
} as const;

const TRAIN = join(DATA_DIR, 'conll2003', 'eng.train');
const DEV = join(DATA_DIR, 'conll2003', 'eng.testa');

/**
 * Hashed features and BIO tags of every sentence in the documents. With `augment`, every
 * `titleCaseEvery`-th ordinary sentence is also added in title case (news headlines are title
 * case; CoNLL headlines are capitals), so capitals alone do not read as names.
 */
export function featurize(docs: readonly ConllDocument[], featurizer: NerFeaturizer, augment = false): { hashed: Uint32Array[][]; tags: string[][] } {
  const hashed: Uint32Array[][] = [];
  const tags: string[][] = [];
  let ordinary = 0;
  for (const doc of docs) {
    const sentences = doc.sentences.map((s) => s.map((t) => t.word));
    const extra: { words: string[]; tags: string[] }[] = [];
    const bios = doc.sentences.map((s) => {
      const bio = toBio(s.map((t) => t.tag));
      return TRAINING.scheme === 'bilou' ? bioToBilou(bio) : bio;
    });
    sentences.forEach((words, i) => {
      if (!augment || words.length < TRAINING.minTitleWords || !words.some((w) => /^\p{Ll}/u.test(w))) return;
      if (ordinary++ % TRAINING.titleCaseEvery === 0) extra.push({ words: titleCase(words, ordinary % 2 === 0), tags: bios[i] });
    });
    const all = [...sentences, ...extra.map((e) => e.words)];
    const context = featurizer.documentContext(all);
    all.forEach((words, i) => {
      hashed.push(featurizer.sentence(words, context));
      tags.push(i < bios.length ? bios[i] : extra[i - bios.length].tags);
    });
  }
  return { hashed, tags };
}

/** Words that title-case styles often leave in lower case. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'as']);

/** Title case: lower-case words get a capital (small words too, when `all`). */
export function titleCase(words: readonly string[], all: boolean): string[] {
  return words.map((w) => (/^\p{Ll}/u.test(w) && (all || !TITLE_SMALL_WORDS.has(w)) ? w[0].toUpperCase() + w.slice(1) : w));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const train = readConll(TRAIN);
  const dev = readConll(DEV);
  // Unlabelled text: PTC and PolNeAR articles, and the CoNLL training words without labels.
  // The statistics always serve truecasing of title-case headlines; as features only on request.
  const unlabelled = unlabelledSentences(DATA_DIR);
  for (const doc of train) for (const s of doc.sentences) unlabelled.push(s.map((t) => t.word));
  const wordStats = computeWordStats(unlabelled);
  writeFileSync(WORD_STATS_PATH, encodeWordStats(wordStats));
  console.log(`word statistics: ${wordStats.size} forms from ${unlabelled.length} unlabelled sentences (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const featurizer = new NerFeaturizer(lexicon(), TRAINING.bits, TRAINING.wordStats ? wordStats : undefined);
  const { hashed, tags } = featurize(train, featurizer, TRAINING.titleCaseEvery > 0);
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
      const scores = evaluate(new NerModel(tagger, lexicon(), wordStats, TRAINING.wordStats), dev);
      console.log(`testa F1 ${(scores.ALL.f1 * 100).toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      if (scores.ALL.f1 > best.f1) best = { f1: scores.ALL.f1, epoch: epoch + 1, tagger };
    },
  });
  const tagger = best.tagger!;
  const scores = evaluate(new NerModel(tagger, lexicon(), wordStats, TRAINING.wordStats), dev);
  const card = { data: 'CoNLL-2003 eng.train', tunedOn: 'eng.testa', epochs: best.epoch, seed: TRAINING.seed, scheme: TRAINING.scheme, wordStats: TRAINING.wordStats, trained: new Date().toISOString().slice(0, 10) };
  const bytes = tagger.encode(card);
  writeFileSync(MODEL_PATH, bytes);
  console.log(`best epoch ${best.epoch}; wrote ${MODEL_PATH} (${(bytes.length / 1048576).toFixed(1)} MB)`);
  console.log(formatScores(scores));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
