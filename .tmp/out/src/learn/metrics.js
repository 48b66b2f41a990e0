export function prf(truePositives, predicted, gold) {
    const precision = predicted ? truePositives / predicted : 0;
    const recall = gold ? truePositives / gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1 };
}
/** F1 from a precision and a recall. */
export function f1(precision, recall) {
    return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}
/** Splits `n` items into `k` folds deterministically (round-robin over a given order). */
export function kFolds(n, k) {
    const folds = Array.from({ length: k }, () => []);
    for (let i = 0; i < n; i++)
        folds[i % k].push(i);
    return folds;
}
