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
