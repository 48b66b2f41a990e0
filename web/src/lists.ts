/*
 * Counts and lists in words for the explorer's tables and headings (no DOM: tested in node).
 */

/** The first `n` of a list joined with commas, and how many more there are ("a, b, c +27 more"). */
export function fewOf(items: readonly string[], n: number): string {
  return items.length > n ? `${items.slice(0, n).join(', ')} +${items.length - n} more` : items.join(', ');
}

/** "Showing the 200 most quoted of 2,199." when a list is cut short; '' when all are shown. */
export function shownOf(shown: number, total: number, which: string): string {
  return shown < total ? ` Showing the ${shown.toLocaleString('en')} ${which} of ${total.toLocaleString('en')}.` : '';
}

/** "1 article", "7 articles" (`many` for irregular plurals). */
export const plural = (n: number, noun: string, many = `${noun}s`): string => `${n} ${n === 1 ? noun : many}`;

/**
 * Speakers in the order a reader scans them: named speakers by quotes (most first), then unnamed
 * sources ("unnamed: officials"), then quotes nobody was found for ("unattributed").
 */
export function speakerOrder(rows: ReadonlyArray<readonly [string, number]>): string[] {
  const rank = (name: string) => (name === 'unattributed' ? 2 : name.startsWith('unnamed: ') ? 1 : 0);
  return [...rows].sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/**
 * A chart label cut to `max` characters with an ellipsis in the middle, keeping its end (an
 * outlet's article count): "The Norland Observer…· 4 articles". Tooltips keep the whole label.
 */
export function shortLabel(label: string, max = 30): string {
  if (label.length <= max) return label;
  const tail = /( · .*)$/.exec(label)?.[1] ?? '';
  const room = Math.max(4, max - tail.length - 1);
  return `${label.slice(0, label.length - tail.length).slice(0, room).trimEnd()}…${tail}`;
}
