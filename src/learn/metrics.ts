/** Precision, recall and F1 from counts. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(truePositives: number, predicted: number, gold: number): PRF {
  const precision = predicted ? truePositives / predicted : 0;
  const recall = gold ? truePositives / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** F1 from a precision and a recall. */
export function f1(precision: number, recall: number): number {
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Splits `n` items into `k` folds deterministically (round-robin over a given order). */
export function kFolds(n: number, k: number): number[][] {
  const folds: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) folds[i % k].push(i);
  return folds;
}

/**
 * Out-of-fold predictions: each item is predicted by a model trained on the other folds
 * (`kFolds`), so a stacked model learns how far to trust one on data it did not see.
 */
export function crossFit<T, M, R>(items: readonly T[], folds: number, train: (training: T[]) => M, predict: (model: M, item: T) => R): R[] {
  const out: R[] = new Array(items.length);
  for (const held of kFolds(items.length, folds)) {
    const heldSet = new Set(held);
    const model = train(items.filter((_, i) => !heldSet.has(i)));
    for (const i of held) out[i] = predict(model, items[i]);
  }
  return out;
}
