import { hashFeatures, seededRandom, shuffledIndices } from './hash.js';
import { AveragedWeights, scoreInto } from './weights.js';
import { decodeModel, encodeModel, type ModelHeader } from './model-file.js';

/** One training example: feature strings (optionally weighted) and its gold label. */
export interface Example {
  features: readonly string[];
  values?: readonly number[];
  label: string;
}

export interface TrainOptions {
  epochs?: number;
  /** log2 of the number of hash buckets. */
  bits?: number;
  seed?: number;
  /** Called after each epoch with the number of training mistakes. */
  onEpoch?: (epoch: number, mistakes: number) => void;
}

const DEFAULTS = { epochs: 10, bits: 18, seed: 1 } as const;

/**
 * A multi-class averaged perceptron over hashed features. Scores can be turned into
 * probabilities with `probabilities` (a softmax over margins, for ranking and display).
 *
 * @example
 * const clf = Classifier.train([{ features: ['w=good'], label: 'pos' }, { features: ['w=bad'], label: 'neg' }]);
 * clf.predict(['w=good']).label; // 'pos'
 */
export class Classifier {
  private readonly scores: Float64Array;

  constructor(
    readonly labels: readonly string[],
    readonly bits: number,
    readonly weights: Float32Array,
    readonly card: Record<string, unknown> = {},
  ) {
    this.scores = new Float64Array(labels.length);
  }

  static train(examples: readonly Example[], options: TrainOptions = {}): Classifier {
    const { epochs, bits, seed } = { ...DEFAULTS, ...options };
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const labelIndex = new Map(labels.map((l, i) => [l, i]));
    const hashed = examples.map((e) => hashFeatures(e.features, bits));
    const model = new AveragedWeights(1 << bits, labels.length);
    const scores = new Float64Array(labels.length);
    const random = seededRandom(seed);
    for (let epoch = 0; epoch < epochs; epoch++) {
      let mistakes = 0;
      for (const i of shuffledIndices(examples.length, random)) {
        model.clock++;
        const gold = labelIndex.get(examples[i].label)!;
        const values = examples[i].values;
        scoreInto(model.w, labels.length, hashed[i], scores, values);
        const guess = argmax(scores);
        if (guess === gold) continue;
        mistakes++;
        hashed[i].forEach((b, f) => {
          const v = values ? values[f] : 1;
          model.update(b, gold, v);
          model.update(b, guess, -v);
        });
      }
      options.onEpoch?.(epoch, mistakes);
    }
    return new Classifier(labels, bits, model.averaged());
  }

  /** Raw scores per label, in `labels` order. */
  score(features: readonly string[], values?: readonly number[]): Float64Array {
    scoreInto(this.weights, this.labels.length, hashFeatures(features, this.bits), this.scores, values);
    return this.scores;
  }

  /** Raw scores per label from already hashed buckets (e.g. from a hashing feature sink). */
  scoreBuckets(buckets: ArrayLike<number>): Float64Array {
    scoreInto(this.weights, this.labels.length, buckets, this.scores);
    return this.scores;
  }

  /**
   * Indices (into `buckets`) of the features that pushed toward label index `cls` most, best
   * first: `explain` for pre-hashed features, without building feature strings.
   */
  explainBuckets(buckets: ArrayLike<number>, cls: number, top = 3): number[] {
    const L = this.labels.length;
    const picked: number[] = [];
    for (let f = 0; f < buckets.length; f++) {
      const wt = this.weights[buckets[f] * L + cls];
      if (!(wt > 0)) continue;
      // Insertion into a short sorted list (top is small).
      let at = picked.length;
      while (at > 0 && this.weights[buckets[picked[at - 1]] * L + cls] < wt) at--;
      if (at < top) {
        picked.splice(at, 0, f);
        if (picked.length > top) picked.pop();
      }
    }
    return picked;
  }

  predict(features: readonly string[], values?: readonly number[]): { label: string; score: number } {
    const probs = probabilities(this.score(features, values));
    const best = argmax(probs);
    return { label: this.labels[best], score: probs[best] };
  }

  /**
   * The features that pushed the prediction toward `label` most, with their weights: the
   * evidence shown to a reader.
   */
  explain(features: readonly string[], label: string, top = 3): { feature: string; weight: number }[] {
    const cls = this.labels.indexOf(label);
    if (cls < 0) return [];
    const buckets = hashFeatures(features, this.bits);
    return features
      .map((feature, i) => ({ feature, weight: this.weights[buckets[i] * this.labels.length + cls] }))
      .filter((f) => f.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, top);
  }

  encode(card: Record<string, unknown> = this.card): Buffer {
    const header: ModelHeader = { kind: 'classifier', bits: this.bits, labels: [...this.labels], card };
    return encodeModel(header, this.weights);
  }

  static decode(buffer: Buffer): Classifier {
    const { header, weights } = decodeModel(buffer);
    return new Classifier(header.labels, header.bits, weights, (header.card as Record<string, unknown>) ?? {});
  }
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Softmax over scores. */
export function probabilities(scores: ArrayLike<number>): Float64Array {
  return softmaxInPlace(Float64Array.from(scores));
}

/** `probabilities` without allocating: the scores become their softmax. */
export function softmaxInPlace(s: Float64Array): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < s.length; i++) max = Math.max(max, s[i]);
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += s[i] = Math.exp(s[i] - max);
  for (let i = 0; i < s.length; i++) s[i] /= sum;
  return s;
}
