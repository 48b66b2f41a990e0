export { fnv1a, hashFeatures, seededRandom, shuffledIndices } from './hash.js';
export { AveragedWeights, scoreInto } from './weights.js';
export { encodeModel, decodeModel, saveModel, loadModel } from './model-file.js';
export { Classifier, argmax, probabilities } from './classifier.js';
export { SequenceTagger, viterbi } from './sequence.js';
export { prf, f1, kFolds } from './metrics.js';
