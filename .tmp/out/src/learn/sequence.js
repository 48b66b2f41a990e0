import { hashFeatures, seededRandom, shuffledIndices } from './hash.js';
import { AveragedWeights, scoreInto } from './weights.js';
import { decodeModel, encodeModel } from './model-file.js';
const DEFAULTS = { epochs: 10, bits: 20, seed: 1 };
/**
 * A first-order structured perceptron (Collins 2002) with averaged weights: hashed emission
 * features per token plus a tag-transition matrix, decoded with Viterbi. Task code builds the
 * features and the tag set (BIO, IOB, ...); this class knows nothing of the task.
 *
 * @example
 * const tagger = SequenceTagger.train([{ features: [['w=Paris'], ['w=is']], tags: ['B-LOC', 'O'] }]);
 * tagger.tag([['w=Paris'], ['w=is']]); // ['B-LOC', 'O']
 */
export class SequenceTagger {
    tags;
    bits;
    emissions;
    transitions;
    card;
    constructor(tags, bits, 
    /** Emission weights: buckets × tags. */
    emissions, 
    /** Transition weights: (tags + 1) × tags; row `tags.length` is the start state. */
    transitions, card = {}) {
        this.tags = tags;
        this.bits = bits;
        this.emissions = emissions;
        this.transitions = transitions;
        this.card = card;
    }
    static train(sequences, options = {}) {
        const { epochs, bits, seed } = { ...DEFAULTS, ...options };
        const tags = [...new Set(sequences.flatMap((s) => s.tags))].sort();
        const tagIndex = new Map(tags.map((t, i) => [t, i]));
        const T = tags.length;
        const emissions = new AveragedWeights(1 << bits, T);
        const transitions = new AveragedWeights(T + 1, T);
        const hashed = sequences.map((s) => s.features.map((f) => hashFeatures(f, bits)));
        const golds = sequences.map((s) => s.tags.map((t) => tagIndex.get(t)));
        const random = seededRandom(seed);
        for (let epoch = 0; epoch < epochs; epoch++) {
            let mistakes = 0;
            for (const i of shuffledIndices(sequences.length, random)) {
                emissions.clock++;
                transitions.clock++;
                const gold = golds[i];
                const guess = viterbi(hashed[i], emissions.w, transitions.w, T);
                let differs = false;
                for (let k = 0; k < gold.length; k++) {
                    const prevGold = k === 0 ? T : gold[k - 1];
                    const prevGuess = k === 0 ? T : guess[k - 1];
                    if (gold[k] === guess[k] && prevGold === prevGuess)
                        continue;
                    differs = true;
                    if (gold[k] !== guess[k]) {
                        for (const b of hashed[i][k]) {
                            emissions.update(b, gold[k], 1);
                            emissions.update(b, guess[k], -1);
                        }
                    }
                    transitions.update(prevGold, gold[k], 1);
                    transitions.update(prevGuess, guess[k], -1);
                }
                if (differs)
                    mistakes++;
            }
            options.onEpoch?.(epoch, mistakes);
        }
        return new SequenceTagger(tags, bits, emissions.averaged(), transitions.averaged());
    }
    /** Tags one sequence of per-token features. */
    tag(features) {
        const hashed = features.map((f) => hashFeatures(f, this.bits));
        return viterbi(hashed, this.emissions, this.transitions, this.tags.length).map((t) => this.tags[t]);
    }
    /** Per-token scores for every tag (emissions only), for confidence and evidence. */
    emissionScores(features) {
        const scores = new Float64Array(this.tags.length);
        scoreInto(this.emissions, this.tags.length, hashFeatures(features, this.bits), scores);
        return scores;
    }
    encode(card = this.card) {
        const T = this.tags.length;
        // Transitions ride in the same weight array, after the emissions.
        const all = new Float32Array(this.emissions.length + this.transitions.length);
        all.set(this.emissions);
        all.set(this.transitions, this.emissions.length);
        const header = { kind: 'sequence', bits: this.bits, labels: [...this.tags], transitionsSize: (T + 1) * T, card };
        return encodeModel(header, all);
    }
    static decode(buffer) {
        const { header, weights } = decodeModel(buffer);
        const size = (1 << header.bits) * header.labels.length;
        return new SequenceTagger(header.labels, header.bits, weights.subarray(0, size), weights.subarray(size), header.card ?? {});
    }
}
/** Best tag path under emission + transition scores (first-order Viterbi). */
export function viterbi(hashed, emissions, transitions, T) {
    const n = hashed.length;
    if (n === 0)
        return [];
    const score = new Float64Array(n * T);
    const back = new Int32Array(n * T);
    const emit = new Float64Array(T);
    for (let k = 0; k < n; k++) {
        scoreInto(emissions, T, hashed[k], emit);
        for (let t = 0; t < T; t++) {
            if (k === 0) {
                score[t] = emit[t] + transitions[T * T + t];
                continue;
            }
            let best = -Infinity;
            let arg = 0;
            const prevRow = (k - 1) * T;
            for (let p = 0; p < T; p++) {
                const s = score[prevRow + p] + transitions[p * T + t];
                if (s > best) {
                    best = s;
                    arg = p;
                }
            }
            score[k * T + t] = best + emit[t];
            back[k * T + t] = arg;
        }
    }
    const path = new Array(n);
    let last = 0;
    for (let t = 1; t < T; t++)
        if (score[(n - 1) * T + t] > score[(n - 1) * T + last])
            last = t;
    path[n - 1] = last;
    for (let k = n - 1; k > 0; k--)
        path[k - 1] = back[k * T + path[k]];
    return path;
}
