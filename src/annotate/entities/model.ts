import { existsSync, readFileSync } from 'node:fs';
import { mapPacked } from '../../model/arrays.js';
import { join } from 'node:path';
import { SequenceTagger, SparseRows } from '../../learn/index.js';
import { NerFeaturizer, type NlpWordIds } from './features.js';
import { bilouToBio } from './conll.js';
import { decodeWordStats, type WordStats } from './word-stats.js';
import { truecase } from './truecase.js';
import { lexicon, type Lexicon } from './lexicon.js';

/** Where the committed recogniser lives. */
export const MODEL_PATH = join(import.meta.dirname, '..', '..', '..', 'models', 'ner.spnm');
/** Word statistics from unlabelled text, beside the model (see word-stats.ts). */
export const WORD_STATS_PATH = join(import.meta.dirname, '..', '..', '..', 'models', 'ner-words.bin');
/** The optional second-stage tagger (prediction aggregation), beside the model. */
export const STAGE2_PATH = join(import.meta.dirname, '..', '..', '..', 'models', 'ner-stage2.spnm');

/**
 * The recogniser: the featuriser (with its memo of word features) and the trained tagger.
 * `tagDocument` takes a document as sentences of words and returns BIO tags per word.
 *
 * @example
 * const ner = NerModel.load();
 * ner.tagDocument([['Kerry', 'met', 'Lavrov', 'in', 'Geneva']]); // [['B-PER','O','B-PER','O','B-LOC']]
 */
export class NerModel {
  readonly featurizer: NerFeaturizer;
  /** The tagger's non-zero emission rows, compact for fast lookups. */
  private readonly rows: SparseRows;
  /** Emission scores of the sentence being tagged, reused across sentences. */
  private emit = new Float64Array(0);
  /** Each model tag as BIO (BILOU models: U- → B-, L- → I-). */
  private readonly bio: string[];
  /** Second stage: its featuriser (own memo) and weights; features include the first pass's tags. */
  /** Re-tag only sentences with a capitalised form tagged in more than one way in the first pass (NER_STAGE2_ALL=1: every sentence). */
  conflictsOnly = process.env.NER_STAGE2_ALL !== '1';
  private readonly second?: { featurizer: NerFeaturizer; rows: SparseRows; tagger: SequenceTagger; bio: string[] };

  constructor(
    readonly tagger: SequenceTagger,
    lex: Lexicon = lexicon(),
    /** Statistics from unlabelled text: features (when the model was trained with them) and truecasing. */
    readonly wordStats?: WordStats,
    statsAsFeatures = Boolean(tagger.card.wordStats),
    /** Second-stage tagger trained on features with the first pass's tags (optional). */
    stage2?: SequenceTagger,
  ) {
    this.featurizer = new NerFeaturizer(lex, tagger.bits, statsAsFeatures ? wordStats : undefined);
    this.rows = SparseRows.fromDense(tagger.emissions, tagger.tags.length);
    this.bio = bilouToBio(tagger.tags);
    if (stage2) {
      this.second = {
        featurizer: new NerFeaturizer(lex, stage2.bits, statsAsFeatures ? wordStats : undefined),
        rows: SparseRows.fromDense(stage2.emissions, stage2.tags.length),
        tagger: stage2,
        bio: bilouToBio(stage2.tags),
      };
    }
  }

  static load(path = MODEL_PATH, lex: Lexicon = lexicon(), statsPath = WORD_STATS_PATH): NerModel {
    if (!existsSync(path)) throw new Error(`NER model not found at ${path}; run npm run train:ner`);
    const tagger = SequenceTagger.decode(readFileSync(path));
    const stats = existsSync(statsPath) ? decodeWordStats(readFileSync(statsPath)) : undefined;
    if (tagger.card.wordStats && !stats) throw new Error(`NER word statistics not found at ${statsPath}; run npm run train:ner`);
    const stage2 = existsSync(STAGE2_PATH) ? SequenceTagger.decode(readFileSync(STAGE2_PATH)) : undefined;
    return new NerModel(tagger, lex, stats, undefined, stage2);
  }

  /**
   * BIO tags for every word of every sentence; the document gives capitalisation context.
   * `nlp` (optional) gives the words' ids in the nlp word table, for faster lookups.
   */
  tagDocument(input: readonly (readonly string[])[], nlp?: NlpWordIds): string[][] {
    const stats = this.wordStats;
    const sentences = stats ? mapPacked(input, (words) => truecase(words, stats)) : input;
    // A truecased sentence has other words than the ids say: look those up by text.
    const ids = nlp && sentences !== input ? { ...nlp, ids: mapPacked(nlp.ids, (a, s) => (sentences[s] === input[s] ? a : undefined)) } : nlp;
    const doc = this.featurizer.documentContext(sentences, ids);
    const first = mapPacked(sentences, (words) => {
      const size = words.length * this.rows.classes;
      if (this.emit.length < size) this.emit = new Float64Array(2 * size);
      const emit = this.featurizer.emissionScoresInto(words, doc, this.rows, this.emit);
      return mapPacked(this.tagger.tagScores(emit, words.length), (t) => this.bio[t]);
    });
    const second = this.second;
    if (!second) return first;
    const doc2 = second.featurizer.documentContext(sentences, ids, first);
    return mapPacked(sentences, (words, s) => {
      if (this.conflictsOnly && !second.featurizer.hasConflict(words, doc2)) return first[s];
      const size = words.length * second.rows.classes;
      if (this.emit.length < size) this.emit = new Float64Array(2 * size);
      const emit = second.featurizer.emissionScoresInto(words, doc2, second.rows, this.emit);
      return mapPacked(second.tagger.tagScores(emit, words.length), (t) => second.bio[t]);
    });
  }
}
