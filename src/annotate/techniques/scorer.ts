import { prf, type PRF } from '../../learn/index.js';
import type { Range } from './decode.js';

/** Running sums of the SemEval-2020 Task 11 span identification measure. */
export interface SiTotals {
  precisionCredit: number;
  recallCredit: number;
  predicted: number;
  gold: number;
}

export function emptySiTotals(): SiTotals {
  return { precisionCredit: 0, recallCredit: 0, predicted: 0, gold: 0 };
}

function intersection(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Adds one article to the SI totals, as the official scorer does: every (predicted s, gold t)
 * pair earns |s∩t|/|s| toward precision and |s∩t|/|t| toward recall; precision divides by the
 * number of predicted spans, recall by the number of gold spans (over all articles).
 */
export function addSiArticle(totals: SiTotals, predicted: readonly Range[], gold: readonly Range[]): void {
  totals.predicted += predicted.length;
  totals.gold += gold.length;
  for (const s of predicted) {
    for (const t of gold) {
      const i = intersection(s, t);
      if (!i) continue;
      totals.precisionCredit += i / (s.end - s.start);
      totals.recallCredit += i / (t.end - t.start);
    }
  }
}

/** The sum of per-fold SI totals, leaving out fold `skip` (scoring a setting on the other folds). */
export function sumSiTotals(perFold: readonly SiTotals[], skip = -1): SiTotals {
  const sum = emptySiTotals();
  perFold.forEach((t, f) => {
    if (f === skip) return;
    sum.precisionCredit += t.precisionCredit;
    sum.recallCredit += t.recallCredit;
    sum.predicted += t.predicted;
    sum.gold += t.gold;
  });
  return sum;
}

/** Precision, recall and F1 of SI totals. */
export function siScore(t: SiTotals): PRF {
  const precision = t.predicted ? t.precisionCredit / t.predicted : 0;
  const recall = t.gold ? t.recallCredit / t.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Micro precision/recall/F1 of technique labels on given spans: for each span (article, start,
 * end), the multiset of predicted labels is matched against the multiset of gold labels.
 */
export function tcScore(items: readonly { key: string; gold: string; predicted: string }[]): PRF & { perLabel: Record<string, PRF> } {
  const byKey = new Map<string, { gold: string[]; predicted: string[] }>();
  for (const it of items) {
    const e = byKey.get(it.key) ?? { gold: [], predicted: [] };
    e.gold.push(it.gold);
    e.predicted.push(it.predicted);
    byKey.set(it.key, e);
  }
  let correct = 0;
  const counts = new Map<string, { tp: number; pred: number; gold: number }>();
  const c = (l: string) => counts.get(l) ?? counts.set(l, { tp: 0, pred: 0, gold: 0 }).get(l)!;
  for (const { gold, predicted } of byKey.values()) {
    const left = [...gold];
    for (const g of gold) c(g).gold++;
    for (const p of predicted) {
      c(p).pred++;
      const at = left.indexOf(p);
      if (at >= 0) {
        left.splice(at, 1);
        correct++;
        c(p).tp++;
      }
    }
  }
  const perLabel = Object.fromEntries([...counts].sort().map(([l, k]) => [l, prf(k.tp, k.pred, k.gold)]));
  return { ...prf(correct, items.length, items.length), perLabel };
}
