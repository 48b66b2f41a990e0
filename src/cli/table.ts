/** Prints rows as an aligned plain-text table (for the corpus commands' default output). */
export function renderTable(header: readonly string[], rows: readonly (readonly unknown[])[], maxWidth = 60): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
    const flat = s.replace(/\s+/g, ' ');
    return flat.length > maxWidth ? flat.slice(0, maxWidth - 1) + '…' : flat;
  };
  const body = rows.map((r) => r.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line([...header]), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

/**
 * The line above a listing: how many there are, and which rows follow when they are not all
 * ("34 speakers (rows 1–20; --offset 20 for more)"), so a page of 20 is not read as the whole.
 *
 * @example
 * countLine(1, 1, 0, 'article matches', 'articles match'); // '1 article matches'
 */
export function countLine(total: number, shown: number, offset: number, one: string, many: string): string {
  const head = `${total} ${total === 1 ? one : many}`;
  if (shown === 0 || (offset === 0 && shown >= total)) return head;
  const last = offset + shown;
  return `${head} (rows ${offset + 1}–${last}${last < total ? `; --offset ${last} for more` : ''})`;
}
