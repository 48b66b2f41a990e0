/** Every threshold, weight and label of the techniques stage, in one place. */

/** The 14 PTC techniques, spelled exactly as in the PTC label files. */
export const TECHNIQUES = [
  'Appeal_to_Authority',
  'Appeal_to_fear-prejudice',
  'Bandwagon,Reductio_ad_hitlerum',
  'Black-and-White_Fallacy',
  'Causal_Oversimplification',
  'Doubt',
  'Exaggeration,Minimisation',
  'Flag-Waving',
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Slogans',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

/** BIO tags of the span tagger. */
export const TAG_BEGIN = 'B';
export const TAG_INSIDE = 'I';
export const TAG_OUTSIDE = 'O';

/** Hyper-parameters (tuned by cross-validation on PTC train; see models/techniques.md). */
export const TAGGER = {
  /**
   * log2 hash buckets of the span tagger: 2^16 × 3 weights (0.75 MB) stay in cache, which
   * matters more for speed than the 0.003 of CV SI F1 that 2^18 buckets would add.
   */
  bits: 16,
  /** Passes per seed (3 seeds averaged, 5-fold CV: 8 → SI F1 0.3818, 10 → 0.3835, 12 → 0.3814). */
  epochs: 10,
  /**
   * Added to the score of leaving a token outside any span, per token, at decoding time, in
   * units of the mean absolute transition weight: the perceptron is conservative (12% of
   * tokens are inside spans), and a negative value buys recall (the SI measure gives partial
   * credit). Tuned by 5-fold CV (with the sentence model and ±2 neighbour sentences: -1.5,
   * chosen on the other folds for every fold).
   */
  outsideBias: -1.5,
  /**
   * Lexicon backstop: a run of emotive/labelling lexicon words left outside every span becomes
   * a span when the tagger's mean inside-vs-outside emission margin (same units) reaches this.
   * Infinity turns the backstop off. 5-fold CV: 0 → SI F1 0.3704, -0.1 → 0.3702 (own tokens
   * and tagger); -0.1 kept because at 0 a labelling phrase in a seed article ("… terrorists")
   * was left unflagged.
   */
  backstopMargin: -0.1,
  /**
   * Tagger spans whose tokens' mean inside-vs-outside emission margin (same units) falls below
   * this are dropped as unsure; -Infinity keeps every span. Tuned by 5-fold CV.
   */
  spanMargin: -Infinity,
  /** Tagger spans of a sentence at most this many tokens apart are joined (0: never). */
  mergeGap: 0,
  /**
   * Tagger spans are widened by up to this many tokens on each side, within their clause
   * (0: never). Tuned by 5-fold CV.
   */
  extendTokens: Infinity,
  /**
   * The article's share of emotive/labelling words (bucketed) as a feature of every token:
   * propaganda is dense in some articles and absent from others, which a token's window cannot
   * see. 5-fold CV with word clusters: SI F1 0.3741 without → 0.3757 with (one seed each).
   */
  articleDensity: true,
  /**
   * The article's share of ?/! sentences and of quoted tokens as token features: measured, no
   * gain (CV F1 0.3749 vs 0.3757). The code is gone (models/techniques.md, History); the false
   * stays so the tagger's card records it (and the committed model file keeps its bytes).
   */
  articleStyle: false,
  /**
   * Distributional word clusters (models/word-clusters.bin, `npm run train:word-clusters`;
   * ids at 16/256/1024 clusters) as features of each word, and the coarse id of its ±1
   * neighbours: words PTC train never shows get the weights of their cluster.
   */
  wordClusters: true,
  /**
   * One tagger per seed (visiting order), weights averaged into one model: a little variance
   * gone at no run-time cost (CV F1 0.3757 with one seed → 0.3793 with three, 0.3800 with five).
   */
  seeds: [7, 8, 9] as readonly number[],
  /**
   * The sentence model's probability (bucketed) as a feature of every token (SENTENCE_MODEL):
   * a bag over the whole sentence sees what the ±2-token window cannot. 5-fold CV SI F1
   * 0.3835 → 0.3944 (models/techniques.md).
   */
  sentenceModel: true,
  /** The article's mean sentence-model probability (bucketed) as a token feature: no gain (0.3917 vs 0.3944); code gone, as `articleStyle`. */
  articlePrior: false,
  /**
   * The sentence-model buckets of this many sentences (0–2) before and after as features of
   * every token (fragments cluster in runs of sentences). CV F1 0 → 0.3931, 1 → 0.3981, 2 → 0.4041.
   */
  sentenceNeighbours: 2,
  /**
   * The clause model's probability (p(the clause overlaps a fragment), given the sentence
   * bucket; bucketed) as a feature of each token of the clause: +0.0006 on CV (0.3987 vs
   * 0.3981 with one neighbour sentence), not worth a third model file; code gone, as `articleStyle`.
   */
  clauseModel: false,
  /**
   * The widening model (`widening.ts`, models/techniques-widening.spnm): a side of a run's
   * widening to its clause is kept only when the model gives its tokens at least this
   * probability of lying in a fragment. Trained on the tagger's own runs over its training
   * articles. 5-fold CV (outsideBias -1.5, no sentence backstop): 0 (widen always) 0.4041,
   * 0.15 0.4090, 0.2 0.4093, 0.25 0.4085, 0.3 0.4063; with the sentence backstop at 0.4:
   * 0.2 0.4169, 0.25 0.4179 (chosen on the other folds for every fold).
   */
  wideningThreshold: 0.25,
  /**
   * The sentence backstop: a sentence where the tagger marked no run becomes a span as a whole
   * when the sentence model's probability reaches this (compared by its 0.1-wide bucket;
   * Infinity: never). Such spans are mostly recall: on average only ~14% of their characters
   * are inside a gold fragment, but they cover whole fragments the token window missed. 5-fold
   * CV (outsideBias -1.5, widening 0.25): off 0.4085, 0.5 0.4141, 0.4 0.4179 (chosen on the
   * other folds for every fold; models/techniques.md). A sentence whose only marks are
   * lexicon-backstop runs is covered too (0.4180 → 0.4188, higher in each of the five folds).
   */
  sentenceBackstop: 0.4,
} as const;

/** The widening model's learner (soft-target logistic regression, `trainSoftLogistic`). */
export const WIDENING_MODEL = {
  bits: 14,
  epochs: 5,
  rate: 0.05,
  l2: 1e-4,
  seed: 5,
} as const;

/**
 * The sentence model (SemEval-2019 SLC-style): binary logistic regression over a sentence's
 * words, bigrams, lexicon categories and clusters, giving p(the sentence holds a fragment); its
 * out-of-fold probability (inner folds by article) is a bucketed feature of every token.
 */
export const SENTENCE_MODEL = {
  bits: 18,
  /** Sentence-level CV AUC (5 folds by article): rate 0.1 × 10 epochs 0.712, 0.03 × 10 0.736, 0.01 × 5 0.757. */
  epochs: 5,
  rate: 0.01,
  l2: 1e-5,
  seed: 13,
  innerFolds: 5,
  /** Probability bucket edges of the token feature. */
  edges: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as readonly number[],
};

/** Tokens that end a clause: span widening stops before them. */
export const CLAUSE_STOPS: ReadonlySet<string> = new Set([',', ';', ':', '.', '?', '!', '"', '“', '”', '(', ')', '[', ']', '—', '–', '-', '--', '...', '…']);

export const CLASSIFIER: { bits: number; epochs: number; seed: number; learner: 'perceptron' | 'logistic'; rate: number; l2: number } = {
  /** log2 hash buckets (5-fold CV micro-F1: 2^16 0.605, 2^17 0.611, 2^18 0.611). */
  bits: 17,
  /** Passes over the data (the perceptron was best at 12; the logistic learner at 30). */
  epochs: 30,
  seed: 11,
  /** Averaged perceptron or multinomial logistic regression (AdaGrad, L2); chosen by 5-fold CV. */
  learner: 'logistic',
  /** AdaGrad learning rate and L2 penalty of the logistic learner. */
  rate: 0.03,
  l2: 1e-5,
};

/**
 * The second technique classifier: a one-hidden-layer network (`src/learn/mlp.ts`) over the same
 * hashed span features, its probabilities averaged with the logistic model's (which keeps
 * `logisticWeight` and gives the evidence).
 */
export const NETWORK = {
  /** Trained and written by train:techniques, used by eval:techniques (--tc-net on|off overrides). */
  enabled: true,
  hidden: 64,
  epochs: 10,
  rate: 0.05,
  l2: 1e-6,
  dropout: 0.5,
  inputDropout: 0.1,
  inputInit: 0.1,
  seed: 11,
  /** Weight of the logistic model's probabilities in the average. */
  logisticWeight: 0.6,
  /**
   * The network is skipped when the classifier's best probability leads the second by more
   * than this. Above (1 - logisticWeight) / logisticWeight (2/3) the best label cannot change;
   * 0.3 skips more spans at no measured cost (TC CV 0.6249 → 0.6247, seed 5: 0.6309 → 0.6308).
   */
  skipLead: 0.3,
} as const;

/**
 * Article context of technique labels: articles lean on a few techniques, so a
 * span's probabilities are multiplied by ((share_c + smoothing) / (prior_c + smoothing))^weight,
 * where share_c is the mean probability of label c over the other spans labelled together in the
 * same call (the article's spans; spans with the same start and end count once, the span itself
 * not) and prior_c the mean probability a span gets on new articles; then renormalised. One
 * pass more over the spans' probabilities (no model file). 5-fold CV micro-F1 (gold spans,
 * seeds 11 / 5 / 1 / 2, `npm run eval:techniques -- --task tc --tc-seed S`): 0.6314 / 0.6298 /
 * 0.6301 / 0.6322 → 0.6355 / 0.6309 / 0.6358 / 0.6344 (models/techniques.md, History, pass tech-tc5);
 * weight 0 (`--tc-context 0`) switches it off.
 */
export const CONTEXT = {
  /** Exponent for given spans (`techniques classify`, TC on gold spans). */
  weight: 0.5,
  /**
   * Exponent for the tagger's own spans (the stage): over half of them overlap
   * no fragment, so their mix says less. Labelling the tagger's spans of held-out articles
   * (5-fold CV; right when the label is one of the overlapping gold spans' labels, 3,548
   * spans; `node --import tsx scripts/tc-context-found.ts --seed S`): no context 0.4758 / 0.4659
   * (seeds 11 / 5), weight 0.5 0.4735 / 0.4687, 0.2 0.4800 / 0.4698 (seed 11: chosen on the
   * other four folds for every fold); grid 0 … 0.5 in models/techniques.md, History, pass tech-tc6.
   */
  foundWeight: 0.2,
  smoothing: 0.01,
  /**
   * Mean out-of-fold probability per label of the committed classifier + network (5-fold CV by
   * article on PTC train, seed 11, logistic weight 0.6): what `share` averages to when the
   * article is like any other. Labels missing here get no context term. Printed by
   * `node --import tsx scripts/tc-context-prior.ts`: re-run it when the classifier or the
   * network changes.
   */
  prior: {
    'Appeal_to_Authority': 0.0208,
    'Appeal_to_fear-prejudice': 0.0467,
    'Bandwagon,Reductio_ad_hitlerum': 0.0083,
    'Black-and-White_Fallacy': 0.0162,
    'Causal_Oversimplification': 0.0354,
    'Doubt': 0.0887,
    'Exaggeration,Minimisation': 0.0751,
    'Flag-Waving': 0.0375,
    'Loaded_Language': 0.3671,
    'Name_Calling,Labeling': 0.1705,
    'Repetition': 0.0908,
    'Slogans': 0.0176,
    'Thought-terminating_Cliches': 0.0107,
    'Whataboutism,Straw_Men,Red_Herring': 0.0147,
  } as Readonly<Record<string, number>>,
} as const;

/** Feature bucketing. */
export const FEATURES = {
  /** Words shorter than this are not counted for repetition (function words). */
  minRepeatWordLength: 4,
  /** Upper bound of the per-word cache before it is cleared (memory guard). */
  maxCachedWords: 200_000,
  /** Span length buckets, in tokens. */
  lengthBuckets: [1, 2, 3, 5, 8, 13, 21, 34] as readonly number[],
  /** Span words longer than this also give their last `suffixLength` letters as a feature. */
  minSuffixWordLength: 4,
  suffixLength: 3,
  /** Buckets of a fragment's other occurrences before / after it in the article. */
  repeatBuckets: [0, 1, 3, 7] as readonly number[],
  /**
   * Character n-grams of each span word (with word-boundary marks) as features of the technique
   * network only: word pieces shared by forms PTC train never shows ("-mongering", "terror-").
   * 5-fold CV micro-F1, seeds 11 / 5 / 1 / 2: 0.6247 / 0.6308 / 0.6260 / 0.6270 → 0.6314 /
   * 0.6298 / 0.6301 / 0.6322 (3-grams 0.6249, 5-grams 0.6270 at seed 11); in the logistic model
   * character pieces hurt (techniques.md). 0: none. The network file must be retrained after a
   * change (`npm run train:techniques -- --classifier-only`).
   */
  networkCharGrams: 4,
} as const;

/** Softmax sharpness over per-span standardised classifier margins (the span score). */
export const CONFIDENCE_SHARPNESS = 1.5;

/** Evidence and summary. */
export const EVIDENCE = {
  /** How many reasons a span carries at most. */
  maxReasons: 4,
  /** Spans shorter than this (code units) are dropped as noise. */
  minSpanChars: 2,
} as const;

export const SUMMARY = {
  /** How many sentences the summary lists. */
  topSentences: 3,
} as const;

/**
 * The token model (`token-model.ts`): a binary logistic regression over a wide
 * window of each token (words, clusters, POS, lexicon categories at ±window, the word's own
 * character n-grams) whose log-odds, minus the base rate's, are added × `weight` (in units of the
 * tagger's mean absolute transition weight) to the tagger's inside emissions before Viterbi.
 */
export const TOKEN_MODEL = {
  bits: 18,
  window: 4,
  charGrams: 4,
  epochs: 5,
  rate: 0.05,
  l2: 1e-6,
  seed: 17,
  /**
   * A network instead of the logistic model (16 or 32 hidden units): no better, far slower to
   * train (models/techniques.md, History, pass tech-si6); its code is gone. These stay so the
   * token model's card records the settings (and its file keeps its bytes).
   */
  hidden: 0,
  dropout: 0.3,
  inputDropout: 0.1,
  inputInit: 0.1,
  /**
   * Mixing weight (0: the tagger alone). 5-fold CV (models/techniques.md, History, pass tech-si6): 0.15 / 0.3 / 0.5 / 0.8 best
   * F1 0.4201 / 0.4215 / 0.4200 / 0.4140 (each at its best outside bias).
   */
  weight: 0.3,
  /**
   * The tagger's outside bias when the token model is mixed in (replaces `TAGGER.outsideBias`;
   * the token model buys recall itself): 5-fold CV at weight 0.3, -1.15 / -1.25 / -1.35 / -1.5:
   * 0.4214 / 0.4215 / 0.4210 / 0.4154.
   */
  outsideBias: -1.25,
  /** Words whose per-offset sums are memoised before the memo is cleared. */
  maxCachedWords: 50_000,
};

/** Model file names under models/. */
export const MODEL_FILES = {
  tagger: 'techniques-spans.spnm',
  classifier: 'techniques-labels.spnm',
  /** The sentence model the tagger reads (when TAGGER.sentenceModel). */
  sentences: 'techniques-sentences.spnm',
  /** Optional: the widening model (absent: every run is widened to its clause). */
  widening: 'techniques-widening.spnm',
  /** Optional: the network averaged with the classifier (absent: the classifier alone). */
  network: 'techniques-labels-net.spnn',
  /** Optional: the token model mixed into the tagger's emissions (absent: the tagger alone). */
  tokens: 'techniques-tokens.spnm',
} as const;
