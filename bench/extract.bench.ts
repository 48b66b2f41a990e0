import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/ingest/html/index.js';
import { SHARED } from './corpus.js';
import { withPeakRss, type BenchRow } from './table.js';

/** The wcxb-dev pages, decompressed in memory once (decompression is not timed). */
function pages(): Buffer[] {
  const dir = join(SHARED, 'data', 'wcxb-dev', 'html');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().map((f) => gunzipSync(readFileSync(join(dir, f))));
}

/**
 * HTML extraction throughput (pages/s, MB/s) on the wcxb-dev pages: spinscope's extractor and
 * @mozilla/readability on jsdom over the same pages in the same run, with the speed ratio.
 * Both start from bytes (charset decoding included) and produce body text and metadata.
 */
export async function benchExtract(): Promise<BenchRow[]> {
  const html = pages();
  if (html.length === 0) return [];
  const mb = html.reduce((n, b) => n + b.length, 0) / 1048576;
  for (const b of html.slice(0, 20)) extractHtml(b); // warm up
  const ours = await withPeakRss(() => {
    const t0 = performance.now();
    let chars = 0;
    for (const b of html) chars += extractHtml(b).body.length;
    return { seconds: (performance.now() - t0) / 1000, chars };
  });
  const rows: BenchRow[] = [];
  const oursRate = html.length / ours.result.seconds;
  let note = `${(mb / ours.result.seconds).toFixed(1)} MB/s over ${mb.toFixed(1)} MB (wcxb-dev)`;
  try {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    const virtualConsole = new VirtualConsole();
    const theirs = await withPeakRss(() => {
      const t0 = performance.now();
      for (const b of html) {
        const dom = new JSDOM(b, { virtualConsole });
        new Readability(dom.window.document).parse();
        dom.window.close();
      }
      return { seconds: (performance.now() - t0) / 1000 };
    });
    const theirRate = html.length / theirs.result.seconds;
    note += `; ${(oursRate / theirRate).toFixed(1)}x Readability`;
    rows.push({ name: 'extract (spinscope html)', items: html.length, unit: 'pages', seconds: ours.result.seconds, peakRssMb: ours.peakRssMb, note });
    rows.push({ name: 'extract (readability+jsdom 27)', items: html.length, unit: 'pages', seconds: theirs.result.seconds, peakRssMb: theirs.peakRssMb, note: `${(mb / theirs.result.seconds).toFixed(1)} MB/s, same pages, same run` });
  } catch (err) {
    rows.push({ name: 'extract (spinscope html)', items: html.length, unit: 'pages', seconds: ours.result.seconds, peakRssMb: ours.peakRssMb, note: `${note}; Readability not installed` });
  }
  return rows;
}
