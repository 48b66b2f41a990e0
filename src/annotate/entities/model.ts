import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SequenceTagger, SparseRows } from '../../learn/index.js';
import { NerFeaturizer } from './features.js';
import { lexicon, type Lexicon } from './lexicon.js';

/** Where the committed recogniser lives. */
export const MODEL_PATH = join(import.meta.dirname, '..', '..', '..', 'models', 'ner.spnm');

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

  constructor(
    readonly tagger: SequenceTagger,
    lex: Lexicon = lexicon(),
  ) {
    this.featurizer = new NerFeaturizer(lex, tagger.bits);
    this.rows = SparseRows.fromDense(tagger.emissions, tagger.tags.length);
  }

  static load(path = MODEL_PATH, lex: Lexicon = lexicon()): NerModel {
    if (!existsSync(path)) throw new Error(`NER model not found at ${path}; run npm run train:ner`);
    return new NerModel(SequenceTagger.decode(readFileSync(path)), lex);
  }

  /** BIO tags for every word of every sentence; the document gives capitalisation context. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][] {
    const doc = this.featurizer.documentContext(sentences);
    const tags = this.tagger.tags;
    return sentences.map((words) => {
      const emit = this.featurizer.emissionScores(words, doc, this.rows);
      return this.tagger.tagScores(emit, words.length).map((t) => tags[t]);
    });
  }
}
