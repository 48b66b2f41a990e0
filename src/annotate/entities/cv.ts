// npm run cv:ner — document-level k-fold cross-validation on CoNLL-2003 eng.train with the
// committed training settings (TRAINING: fixed epoch count, seeds, features): an estimate of
// held-out F1 that no choice was tuned on (eng.testa picked the settings). Folds are
// contiguous blocks of -DOCSTART- documents, so stories of the same days stay together.
// Usage: npm run cv:ner [-- --folds 5] [--curve: score every epoch up to TRAINING.maxEpochs]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SequenceTagger } from '../../learn/index.js';
import { DATA_DIR } from '../../testing/shared.js';
import { harmoniseTypes, readConll, type ChunkCounts, type ConllDocument } from './conll.js';
import { NerFeaturizer } from './features.js';
import { lexicon } from './lexicon.js';
import { NerModel, WORD_STATS_PATH } from './model.js';
import { decodeWordStats } from './word-stats.js';
import { chunkCounts, formatScores, scoresOf } from './evaluate.js';
import { TRAINING, featurize, trainAveraged, trainingSeeds, trainSecondStage } from './train.js';

/** Contiguous document blocks: fold f holds documents [f·n/k, (f+1)·n/k). */
export function documentFolds<T>(docs: readonly T[], k: number): { train: T[]; test: T[] }[] {
  const bounds = Array.from({ length: k + 1 }, (_, f) => Math.round((f * docs.length) / k));
  return Array.from({ length: k }, (_, f) => ({
    train: [...docs.slice(0, bounds[f]), ...docs.slice(bounds[f + 1])],
    test: docs.slice(bounds[f], bounds[f + 1]),
  }));
}

/** Adds chunk counts into `into`. */
function addCounts(into: ChunkCounts, counts: ChunkCounts): void {
  for (const [type, c] of Object.entries(counts)) {
    const p = (into[type] ??= { correct: 0, predicted: 0, gold: 0 });
    p.correct += c.correct;
    p.predicted += c.predicted;
    p.gold += c.gold;
  }
}

/**
 * Pooled chunk counts of k document folds, each scored by a model trained on the others.
 * With `curve` (one seed only), every epoch up to TRAINING.maxEpochs is scored: element e of
 * the result holds the counts after e+1 epochs; otherwise one element (TRAINING.epochs).
 */
export function crossValidate(docs: readonly ConllDocument[], k: number, curve = false, log: (line: string) => void = () => {}): ChunkCounts[] {
  const wordStats = existsSync(WORD_STATS_PATH) ? decodeWordStats(readFileSync(WORD_STATS_PATH)) : undefined;
  const pooled: ChunkCounts[] = [];
  const harmonised: ChunkCounts[] = [];
  const twoStage: ChunkCounts[] = [];
  documentFolds(docs, k).forEach(({ train, test }, f) => {
    const t0 = performance.now();
    const featurizer = new NerFeaturizer(lexicon(), TRAINING.bits, TRAINING.wordStats ? wordStats : undefined);
    const { hashed, tags } = featurize(train, featurizer, TRAINING.titleCaseEvery > 0);
    const tagSet = [...new Set(tags.flat())].sort();
    const score = (tagger: SequenceTagger, e: number) => {
      const model = new NerModel(tagger, lexicon(), wordStats, TRAINING.wordStats);
      const counts = chunkCounts(model, test);
      addCounts((pooled[e] ??= {}), counts);
      if (process.env.NER_CV_HARMONISE === '1') {
        const h = chunkCounts(model, test, {}, harmoniseTypes);
        addCounts((harmonised[e] ??= {}), h);
        log(`  harmonised types: F1 ${(scoresOf(h).ALL.f1 * 100).toFixed(2)}`);
      }
      log(`fold ${f + 1}/${k}${curve ? ` epoch ${e + 1}` : ''}: ${test.length} documents, F1 ${(scoresOf(counts).ALL.f1 * 100).toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    };
    if (curve) {
      SequenceTagger.trainHashed(hashed, tags, { bits: TRAINING.bits, epochs: TRAINING.maxEpochs, seed: TRAINING.seed, tags: tagSet, onModel: (e, tagger) => score(tagger, e) });
    } else if (TRAINING.twoStage) {
      const first = trainAveraged(hashed, tags, tagSet, TRAINING.epochs, trainingSeeds());
      score(first, 0);
      const model = new NerModel(first, lexicon(), wordStats, TRAINING.wordStats, trainSecondStage(train, wordStats));
      // Both ways of running the second stage: on sentences with first-pass conflicts only, and on all.
      for (const [i, conflictsOnly] of [true, false].entries()) {
        model.conflictsOnly = conflictsOnly;
        const counts = chunkCounts(model, test);
        addCounts((twoStage[i] ??= {}), counts);
        log(`  two-stage (${conflictsOnly ? 'conflicts only' : 'every sentence'}): F1 ${(scoresOf(counts).ALL.f1 * 100).toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
    } else score(trainAveraged(hashed, tags, tagSet, TRAINING.epochs, trainingSeeds()), 0);
  });
  if (harmonised.length) harmonised.forEach((c, e) => log(`harmonised types${curve ? ` epochs ${e + 1}` : ''}: CV F1 ${(scoresOf(c).ALL.f1 * 100).toFixed(2)}`));
  if (twoStage.length) {
    log(`two-stage, second pass on sentences with conflicts: CV F1 ${(scoresOf(twoStage[0]).ALL.f1 * 100).toFixed(2)}`);
    log(formatScores(scoresOf(twoStage[0])));
    log(`two-stage, second pass on every sentence: CV F1 ${(scoresOf(twoStage[1]).ALL.f1 * 100).toFixed(2)}`);
  }
  return pooled;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--folds');
  const k = at > 0 ? Number(process.argv[at + 1]) : 5;
  const docs = readConll(join(DATA_DIR, 'conll2003', 'eng.train'));
  console.log(`eng.train: ${docs.length} documents, ${k} folds; epochs ${TRAINING.epochs}, seeds ${TRAINING.seeds}`);
  const curve = process.argv.includes('--curve');
  const pooled = crossValidate(docs, k, curve, console.log);
  if (curve) pooled.forEach((c, e) => console.log(`epochs ${e + 1}: CV F1 ${(scoresOf(c).ALL.f1 * 100).toFixed(2)}`));
  console.log(formatScores(scoresOf(pooled[curve ? TRAINING.epochs - 1 : 0])));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
