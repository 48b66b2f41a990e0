/**
 * BCubed precision, recall and F1 of a clustering against gold classes: for each item, the share
 * of its predicted cluster that shares its gold class (precision) and the share of its gold class
 * that shares its predicted cluster (recall), averaged over items.
 *
 * @example
 * bcubed(new Map([['a', 's1'], ['b', 's1']]), new Map([['a', 'g'], ['b', 'h']])); // { precision: 0.5, recall: 1, f1: 0.667 }
 */
export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): { precision: number; recall: number; f1: number } {
  const pairs = new Map<string, number>();
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const ids = [...gold.keys()].filter((id) => predicted.has(id));
  for (const id of ids) {
    const p = predicted.get(id)!;
    const g = gold.get(id)!;
    pairs.set(p + '\u0000' + g, (pairs.get(p + '\u0000' + g) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const id of ids) {
    const p = predicted.get(id)!;
    const g = gold.get(id)!;
    const both = pairs.get(p + '\u0000' + g)!;
    precision += both / predSize.get(p)!;
    recall += both / goldSize.get(g)!;
  }
  precision /= ids.length || 1;
  recall /= ids.length || 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
