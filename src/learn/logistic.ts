import { Classifier, softmaxInPlace, type Example } from './classifier.js';
import { hashFeatures, seededRandom, shuffledIndices } from './hash.js';

export interface LogisticOptions {
  epochs?: number;
  /** log2 of the number of hash buckets. */
  bits?: number;
  seed?: number;
  /** AdaGrad base learning rate. */
  rate?: number;
  /** L2 penalty per example on the weights an example touches (sparse, lazy-free form). */
  l2?: number;
  /** Optional weight per example (scales its gradient; default 1). */
  weights?: readonly number[];
}

const DEFAULTS = { epochs: 10, bits: 18, seed: 1, rate: 0.2, l2: 1e-4 } as const;

/**
 * Trains a multinomial logistic regression (softmax over labels) over hashed features with
 * AdaGrad and an L2 penalty, visiting examples in a seeded order (deterministic). The result
 * is a `Classifier` with the same weight layout as the averaged perceptron's, so scoring,
 * explanations and model files are shared.
 *
 * @example
 * const clf = trainLogistic([{ features: ['w=good'], label: 'pos' }, { features: ['w=bad'], label: 'neg' }]);
 * clf.predict(['w=good']).label; // 'pos'
 */
export function trainLogistic(examples: readonly Example[], options: LogisticOptions = {}): Classifier {
  const { epochs, bits, seed, rate, l2 } = { ...DEFAULTS, ...options };
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const L = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const hashed = examples.map((e) => hashFeatures(e.features, bits));
  const w = new Float32Array((1 << bits) * L);
  // AdaGrad's running sums of squared gradients, one per weight (starting at 1e-8 to avoid /0).
  const g2 = new Float32Array(w.length).fill(1e-8);
  const scores = new Float64Array(L);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of shuffledIndices(examples.length, random)) {
      const feats = hashed[i];
      const values = examples[i].values;
      const gold = labelIndex.get(examples[i].label)!;
      const ew = options.weights ? options.weights[i] : 1;
      scores.fill(0);
      for (let f = 0; f < feats.length; f++) {
        const v = values ? values[f] : 1;
        const base = feats[f] * L;
        for (let c = 0; c < L; c++) scores[c] += w[base + c] * v;
      }
      softmaxInPlace(scores);
      for (let f = 0; f < feats.length; f++) {
        const v = values ? values[f] : 1;
        const base = feats[f] * L;
        for (let c = 0; c < L; c++) {
          const k = base + c;
          // Gradient of the negative log-likelihood plus the L2 penalty.
          const g = (scores[c] - (c === gold ? 1 : 0)) * v * ew + l2 * w[k];
          if (g === 0) continue;
          g2[k] += g * g;
          w[k] -= (rate * g) / Math.sqrt(g2[k]);
        }
      }
    }
  }
  return new Classifier(labels, bits, w, { learner: 'logistic', epochs, rate, l2 });
}


/** Options of `trainSoftLogistic` (as `LogisticOptions`). */
export type SoftLogisticOptions = LogisticOptions;

/** The labels of a soft binary model: index 1 is "yes" (its weights hold the log-odds, label 0's are zero). */
export const SOFT_LABELS = ['0', '1'] as const;

/**
 * Trains a binary logistic regression on soft targets in [0, 1] (cross-entropy against the
 * target, e.g. the share of a range that is right) over pre-hashed bucket rows, with AdaGrad
 * and an L2 penalty, visiting rows in a seeded order (deterministic). Returned as a two-label
 * `Classifier` ('0', '1') whose label-1 weights are the log-odds and label-0 weights are zero.
 *
 * @example
 * const clf = trainSoftLogistic([[1], [2]], [0.9, 0.1], { bits: 4 });
 * clf.weights[1 * 2 + 1] > clf.weights[2 * 2 + 1]; // true
 */
export function trainSoftLogistic(rows: readonly ArrayLike<number>[], targets: readonly number[], options: SoftLogisticOptions = {}): Classifier {
  const { epochs, bits, seed, rate, l2 } = { ...DEFAULTS, ...options };
  const mask = (1 << bits) - 1;
  const w = new Float32Array(1 << bits);
  const g2 = new Float32Array(w.length).fill(1e-8);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of shuffledIndices(rows.length, random)) {
      const row = rows[i];
      let z = 0;
      for (let f = 0; f < row.length; f++) z += w[row[f] & mask];
      const d = 1 / (1 + Math.exp(-z)) - targets[i];
      for (let f = 0; f < row.length; f++) {
        const k = row[f] & mask;
        const g = d + l2 * w[k];
        g2[k] += g * g;
        w[k] -= (rate * g) / Math.sqrt(g2[k]);
      }
    }
  }
  const both = new Float32Array(w.length * 2);
  for (let k = 0; k < w.length; k++) both[k * 2 + 1] = w[k];
  return new Classifier([...SOFT_LABELS], bits, both, { learner: 'soft-logistic', epochs, rate, l2 });
}
