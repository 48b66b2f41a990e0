import { hashFeatures, seededRandom, shuffledIndices } from './hash.js';
import { AveragedWeights, scoreInto } from './weights.js';
import { decodeModel, encodeModel } from './model-file.js';
const DEFAULTS = { epochs: 10, bits: 18, seed: 1 };
/**
 * A multi-class averaged perceptron over hashed features. Scores can be turned into
 * probabilities with `probabilities` (a softmax over margins, for ranking and display).
 *
 * @example
 * const clf = Classifier.train([{ features: ['w=good'], label: 'pos' }, { features: ['w=bad'], label: 'neg' }]);
 * clf.predict(['w=good']).label; // 'pos'
 */
export class Classifier {
    labels;
    bits;
    weights;
    card;
    scores;
    constructor(labels, bits, weights, card = {}) {
        this.labels = labels;
        this.bits = bits;
        this.weights = weights;
        this.card = card;
        this.scores = new Float64Array(labels.length);
    }
    static train(examples, options = {}) {
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
                const gold = labelIndex.get(examples[i].label);
                const values = examples[i].values;
                scoreInto(model.w, labels.length, hashed[i], scores, values);
                const guess = argmax(scores);
                if (guess === gold)
                    continue;
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
    score(features, values) {
        scoreInto(this.weights, this.labels.length, hashFeatures(features, this.bits), this.scores, values);
        return this.scores;
    }
    predict(features, values) {
        const probs = probabilities(this.score(features, values));
        const best = argmax(probs);
        return { label: this.labels[best], score: probs[best] };
    }
    /**
     * The features that pushed the prediction toward `label` most, with their weights: the
     * evidence shown to a reader.
     */
    explain(features, label, top = 3) {
        const cls = this.labels.indexOf(label);
        if (cls < 0)
            return [];
        const buckets = hashFeatures(features, this.bits);
        return features
            .map((feature, i) => ({ feature, weight: this.weights[buckets[i] * this.labels.length + cls] }))
            .filter((f) => f.weight > 0)
            .sort((a, b) => b.weight - a.weight)
            .slice(0, top);
    }
    encode(card = this.card) {
        const header = { kind: 'classifier', bits: this.bits, labels: [...this.labels], card };
        return encodeModel(header, this.weights);
    }
    static decode(buffer) {
        const { header, weights } = decodeModel(buffer);
        return new Classifier(header.labels, header.bits, weights, header.card ?? {});
    }
}
export function argmax(values) {
    let best = 0;
    for (let i = 1; i < values.length; i++)
        if (values[i] > values[best])
            best = i;
    return best;
}
/** Softmax over scores. */
export function probabilities(scores) {
    const out = new Float64Array(scores.length);
    let max = -Infinity;
    for (let i = 0; i < scores.length; i++)
        max = Math.max(max, scores[i]);
    let sum = 0;
    for (let i = 0; i < scores.length; i++)
        sum += out[i] = Math.exp(scores[i] - max);
    for (let i = 0; i < scores.length; i++)
        out[i] /= sum;
    return out;
}
