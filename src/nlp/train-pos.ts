// npm run train:pos: distils wink-nlp's universal POS tags on news text into the project's own
// greedy averaged-perceptron tagger (seeded, deterministic) and writes models/pos.spnm.
// Training text: PTC train articles, PolNeAR train, nine in ten WCXB main contents, CoNLL-2003
// eng.train sentences; held out: PolNeAR dev and the other WCXB pages (see corpus.ts).
// Agreement with wink on the held-out text and accuracy on CoNLL eng.testa: npm run eval:nlp.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AveragedWeights, encodeModel, seededRandom, shuffledIndices } from '../learn/index.js';
import { DATA_DIR } from '../testing/shared.js';
import { parseConll } from '../annotate/entities/conll.js';
import { newsCorpus } from './corpus.js';
import { winkTokenize } from './wink-layers.js';
import { ROLE, ROLES, SENTENCE_END, SENTENCE_START, TAG_FEATURES, tagFeatures, wordFeatures } from './pos-features.js';
import { POS_MODEL_PATH } from './pos.js';

/** Training settings (hyper-parameters fixed in advance, not tuned on the held-out text). */
export const POS_TRAINING = {
  /** 2^bits hashed feature buckets. */
  bits: 20,
  /** Passes over the training sentences. */
  epochs: 6,
  seed: 1717,
  /** Word forms seen at least this often in training... */
  dictMinCount: 20,
  /** ...with one tag at least this share of the time are tagged from a dictionary (no scoring). */
  dictMinShare: 0.97,
} as const;

/**
 * The tag dictionary (Honnibal's "tagdict"): frequent, unambiguous word forms ("the", ",", "of")
 * and their tag. Tagging them needs no scoring, about half of all tokens in news.
 */
export function tagDictionary(data: PosData, minCount: number = POS_TRAINING.dictMinCount, minShare: number = POS_TRAINING.dictMinShare): Map<number, number> {
  const T = POS_TAGS.length;
  const counts = new Int32Array(data.words.length * T);
  for (let i = 0; i < data.tokens.length; i++) counts[data.tokens[i] * T + data.gold[i]]++;
  const dict = new Map<number, number>();
  for (let w = 0; w < data.words.length; w++) {
    let total = 0;
    let best = 0;
    for (let t = 0; t < T; t++) {
      total += counts[w * T + t];
      if (counts[w * T + t] > counts[w * T + best]) best = t;
    }
    if (total >= minCount && counts[w * T + best] >= minShare * total) dict.set(w, best);
  }
  return dict;
}

/** Sentences as word ids with gold tag ids, over a shared vocabulary. */
export interface PosData {
  words: string[];
  /** Token word ids, sentences back to back. */
  tokens: Int32Array;
  gold: Uint8Array;
  /** Sentence k is tokens [bounds[k], bounds[k + 1]). */
  bounds: Int32Array;
}

/** Collects sentences of (word, tag) from wink's output on `texts` (SPACE tokens dropped). */
export function distil(texts: readonly string[], tags: readonly string[]): PosData {
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const vocab = new Map<string, number>();
  const words: string[] = [];
  const tokens: number[] = [];
  const gold: number[] = [];
  const bounds: number[] = [0];
  for (const text of texts) {
    const layers = winkTokenize(text);
    let t = 0;
    for (const s of layers.sentences) {
      while (t < layers.tokens.length && layers.tokens[t].start < s.start) t++;
      const before = tokens.length;
      for (; t < layers.tokens.length && layers.tokens[t].end <= s.end; t++) {
        const tok = layers.tokens[t];
        const tag = tagIndex.get(tok.label);
        if (tag === undefined || tok.end - tok.start > 200) continue;
        const word = text.slice(tok.start, tok.end);
        let id = vocab.get(word);
        if (id === undefined) vocab.set(word, (id = words.push(word) - 1));
        tokens.push(id);
        gold.push(tag);
      }
      if (tokens.length > before) bounds.push(tokens.length);
    }
  }
  return { words, tokens: Int32Array.from(tokens), gold: Uint8Array.from(gold), bounds: Int32Array.from(bounds) };
}

/** The universal POS tags wink prints (SPACE excluded: those tokens are dropped). */
export const POS_TAGS: readonly string[] = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'];

/** Feature buckets of every word of `data` by role, flattened: role r of word w is flat[r][off[r][w] .. off[r][w+1]). */
class FeatureTable {
  readonly flat: Uint32Array[] = [];
  readonly offsets: Int32Array[] = [];
  readonly classes: Uint8Array;
  /** Ids of the sentence sentinels (appended after the data's words). */
  readonly startId: number;
  readonly endId: number;

  constructor(words: readonly string[], bits: number) {
    const all = [...words, SENTENCE_START, SENTENCE_END];
    this.startId = words.length;
    this.endId = words.length + 1;
    const feats = all.map((w) => wordFeatures(w, bits));
    this.classes = Uint8Array.from(feats, (f) => f.cls);
    for (let r = 0; r < ROLES; r++) {
      const off = new Int32Array(all.length + 1);
      for (let w = 0; w < all.length; w++) off[w + 1] = off[w] + feats[w].roles[r].length;
      const flat = new Uint32Array(off[all.length]);
      for (let w = 0; w < all.length; w++) flat.set(feats[w].roles[r], off[w]);
      this.flat.push(flat);
      this.offsets.push(off);
    }
  }
}

/**
 * Trains the tagger: greedy decoding with the predicted tag history (so training sees the
 * mistakes tagging will make), perceptron updates on errors, averaged weights.
 */
export function trainPos(
  data: PosData,
  options: { bits?: number; epochs?: number; seed?: number; dict?: ReadonlyMap<number, number>; onEpoch?: (epoch: number, errors: number, tokens: number) => void } = {},
): Float32Array {
  const { bits, epochs, seed } = { ...POS_TRAINING, ...options };
  // Words tagged from the dictionary are not scored at run time: not trained on either.
  const fixed = new Int16Array(data.words.length).fill(-1);
  for (const [w, t] of options.dict ?? []) fixed[w] = t;
  const T = POS_TAGS.length;
  const table = new FeatureTable(data.words, bits);
  const weights = new AveragedWeights(1 << bits, T);
  const w = weights.w;
  const random = seededRandom(seed);
  const score = new Float64Array(T);
  const tagBuckets = new Uint32Array(TAG_FEATURES);
  const feats: number[] = [];
  const sentences = data.bounds.length - 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let errors = 0;
    for (const s of shuffledIndices(sentences, random)) {
      const from = data.bounds[s];
      const to = data.bounds[s + 1];
      let t1 = T;
      let t2 = T;
      for (let i = from; i < to; i++) {
        if (fixed[data.tokens[i]] >= 0) {
          t2 = t1;
          t1 = fixed[data.tokens[i]];
          continue;
        }
        feats.length = 0;
        const add = (role: number, word: number) => {
          const flat = table.flat[role];
          const off = table.offsets[role];
          for (let k = off[word]; k < off[word + 1]; k++) feats.push(flat[k]);
        };
        const word = data.tokens[i];
        add(ROLE.self, word);
        add(ROLE.prev1, i - 1 >= from ? data.tokens[i - 1] : table.startId);
        add(ROLE.prev2, i - 2 >= from ? data.tokens[i - 2] : table.startId);
        add(ROLE.next1, i + 1 < to ? data.tokens[i + 1] : table.endId);
        add(ROLE.next2, i + 2 < to ? data.tokens[i + 2] : table.endId);
        if (i === from) add(ROLE.first, word);
        tagFeatures(t1, t2, table.classes[word], bits, tagBuckets);
        for (let k = 0; k < TAG_FEATURES; k++) feats.push(tagBuckets[k]);
        score.fill(0);
        for (const b of feats) {
          const base = b * T;
          for (let c = 0; c < T; c++) score[c] += w[base + c];
        }
        let guess = 0;
        for (let c = 1; c < T; c++) if (score[c] > score[guess]) guess = c;
        const gold = data.gold[i];
        weights.clock++;
        if (guess !== gold) {
          errors++;
          for (const b of feats) {
            weights.update(b, gold, 1);
            weights.update(b, guess, -1);
          }
        }
        t2 = t1;
        t1 = guess;
      }
    }
    options.onEpoch?.(epoch, errors, data.tokens.length);
  }
  return weights.averaged();
}

/** CoNLL-2003 eng.train sentences as plain text, one paragraph each (more newswire for training). */
export function conllTexts(path: string): string[] {
  if (!existsSync(path)) return [];
  const sentences = parseConll(readFileSync(path, 'utf8')).flatMap((d) => d.sentences.map((s) => s.map((t) => t.word).join(' ')));
  // Paragraphs of 200 sentences: fewer, larger wink calls.
  const out: string[] = [];
  for (let k = 0; k < sentences.length; k += 200) out.push(sentences.slice(k, k + 200).join('\n\n'));
  return out;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { train } = newsCorpus();
  const conll = conllTexts(join(DATA_DIR, 'conll2003', 'eng.train'));
  if (!train.length) {
    console.error('no training text under ../shared/data (ptc, polnear, wcxb-dev); nothing trained');
    process.exit(1);
  }
  const data = distil([...train.map((d) => d.text), ...conll], POS_TAGS);
  console.log(`distilled ${data.tokens.length} tokens in ${data.bounds.length - 1} sentences (${data.words.length} word types) from ${train.length} news texts + CoNLL eng.train in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const dict = tagDictionary(data);
  const weights = trainPos(data, {
    dict,
    onEpoch: (e, errors, n) => console.log(`epoch ${e + 1}: ${errors} training errors (${((100 * errors) / n).toFixed(2)}%)`),
  });
  const card = {
    data: `wink-nlp (wink-eng-lite-web-model) UPOS tags on ${train.length} news texts (PTC train, PolNeAR train, 9/10 of WCXB dev main content) and CoNLL-2003 eng.train sentences; ${data.tokens.length} tokens`,
    heldOut: 'PolNeAR dev, 1/10 of WCXB dev (file number divisible by 10), CoNLL-2003 eng.testa',
    ...POS_TRAINING,
  };
  const tagdict = Object.fromEntries([...dict].map(([w, t]) => [data.words[w], t]));
  console.log(`tag dictionary: ${dict.size} word forms`);
  writeFileSync(POS_MODEL_PATH, encodeModel({ kind: 'pos', bits: POS_TRAINING.bits, labels: [...POS_TAGS], tagdict, card }, weights));
  console.log(`wrote ${POS_MODEL_PATH} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
