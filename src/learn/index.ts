export { fnv1a, hashFeatures, seededRandom, shuffledIndices } from './hash.js';
export { AveragedWeights, scoreInto } from './weights.js';
export { encodeModel, decodeModel, decodeModelEntries, saveModel, loadModel, type ModelHeader } from './model-file.js';
export { Classifier, argmax, probabilities, softmaxInPlace, type Example, type TrainOptions } from './classifier.js';
export { SequenceTagger, viterbi, viterbiScores, type Sequence } from './sequence.js';
export { prf, f1, kFolds, crossFit, type PRF } from './metrics.js';
export { SparseRows } from './sparse-rows.js';
export { trainLogistic, trainSoftLogistic, SOFT_LABELS, type LogisticOptions, type SoftLogisticOptions } from './logistic.js';
export { Mlp, trainMlp, trainMlpHashed, type MlpOptions } from './mlp.js';
