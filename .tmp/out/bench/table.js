export function printTable(rows) {
    const header = ['benchmark', 'items', 'items/s', 'tokens/s', 'peak RSS MB', 'note'];
    const body = rows.map((r) => [
        r.name,
        `${r.items} ${r.unit}`,
        (r.items / r.seconds).toFixed(1),
        r.tokens ? Math.round(r.tokens / r.seconds).toLocaleString('en-US') : '',
        r.peakRssMb.toFixed(0),
        r.note ?? '',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
    console.log(line(header));
    console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
    for (const b of body)
        console.log(line(b));
}
/** Tracks the peak resident set size while a function runs (sampled every 20 ms). */
export async function withPeakRss(fn) {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
        const result = await fn();
        peak = Math.max(peak, process.memoryUsage().rss);
        return { result, peakRssMb: peak / 1048576 };
    }
    finally {
        clearInterval(timer);
    }
}
