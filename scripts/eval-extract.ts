// npm run eval:extract — body precision/recall/F1 (word 4-gram shingles), title exact match,
// date same-day accuracy and author exact match of the HTML extractor on ../shared/data/wcxb-dev.
// Split: pages in even positions (sorted by id) are the tuning subset, odd positions the check.
// Options: --worst N (print the N worst pages by F1; with --titles/--dates/--authors also those misses),
// --only tune|check, --readability, --dump FILE.
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { extractHtml } from '../src/ingest/html/index.js';
import { DATA_DIR } from '../src/testing/shared.js';
import { shingleScores } from './shingles.js';

const dir = join(DATA_DIR, 'wcxb-dev');
const args = process.argv.slice(2);
const worst = Number(args[args.indexOf('--worst') + 1]) || 0;
const useReadability = args.includes('--readability');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

interface Row { id: string; split: 'tune' | 'check'; p: number; r: number; title?: boolean; date?: boolean; author?: boolean; gotAuthor?: string; wantAuthor?: string; stage: string; gotTitle?: string; wantTitle?: string; gotDate?: string; wantDate?: string; dateSource?: string; titleSource?: string }

type Extractor = (html: Buffer, url: string) => { body: string; title?: string; published?: string; author?: string; stage: string; dateSource?: string; titleSource?: string };

// The page URL is passed as every ingest path does (site names and URL dates depend on it).
const ours: Extractor = (bytes, url) => {
  const page = extractHtml(bytes, { url });
  const ex = page.doc.meta.extraction as { sources: Record<string, string> };
  return { body: page.body, title: page.doc.meta.title, published: page.doc.meta.published, author: page.doc.meta.author, stage: page.stage, dateSource: ex.sources.published, titleSource: ex.sources.title };
};

async function readabilityExtractor(): Promise<Extractor> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const vc = new VirtualConsole();
  return (bytes, url) => {
    const dom = new JSDOM(bytes, { url, virtualConsole: vc });
    const art = new Readability(dom.window.document).parse();
    dom.window.close();
    return { body: art?.textContent ?? '', title: art?.title ?? undefined, published: art?.publishedTime ?? undefined, author: art?.byline ?? undefined, stage: 'readability' };
  };
}

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function main() {
  const extract = useReadability ? await readabilityExtractor() : ours;
  const ids = readdirSync(join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  const rows: Row[] = [];
  ids.forEach((id, i) => {
    const split = i % 2 === 0 ? 'tune' : 'check';
    if (only && only !== split) return;
    const gt = JSON.parse(readFileSync(join(dir, 'ground-truth', `${id}.json`), 'utf8'));
    const truth = gt.ground_truth;
    if (!truth?.main_content) return;
    const bytes = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)));
    const got = extract(bytes, gt.url);
    const { p, r } = shingleScores(got.body, truth.main_content);
    const wantDate = truth.publish_date ? String(truth.publish_date).slice(0, 10) : undefined;
    // The reference writes "None" for pages without a byline.
    const wantAuthor = truth.author && truth.author !== 'None' ? String(truth.author) : undefined;
    rows.push({
      id, split, p, r, stage: got.stage,
      title: truth.title ? norm(got.title) === norm(truth.title) : undefined,
      date: wantDate ? (got.published ?? '').slice(0, 10) === wantDate : undefined,
      author: wantAuthor ? norm(got.author) === norm(wantAuthor) : undefined, gotAuthor: got.author, wantAuthor,
      gotTitle: got.title, wantTitle: truth.title, gotDate: got.published, wantDate, dateSource: got.dateSource, titleSource: got.titleSource,
    });
  });
  const report = (name: string, rs: Row[]) => {
    if (!rs.length) return;
    const P = rs.reduce((a, x) => a + x.p, 0) / rs.length;
    const R = rs.reduce((a, x) => a + x.r, 0) / rs.length;
    const F = P + R ? (2 * P * R) / (P + R) : 0;
    const t = rs.filter((x) => x.title !== undefined);
    const d = rs.filter((x) => x.date !== undefined);
    const a = rs.filter((x) => x.author !== undefined);
    console.log(`${name.padEnd(6)} pages ${String(rs.length).padStart(4)}  P ${P.toFixed(4)}  R ${R.toFixed(4)}  F1 ${F.toFixed(4)}  title ${(100 * t.filter((x) => x.title).length / t.length).toFixed(1)}% (${t.length})  date ${(100 * d.filter((x) => x.date).length / d.length).toFixed(1)}% (${d.length})  author ${(100 * a.filter((x) => x.author).length / a.length).toFixed(1)}% (${a.length})`);
  };
  console.log(useReadability ? 'extractor: @mozilla/readability on jsdom' : 'extractor: spinscope');
  report('tune', rows.filter((x) => x.split === 'tune'));
  report('check', rows.filter((x) => x.split === 'check'));
  report('all', rows);
  const stages = new Map<string, number>();
  for (const r of rows) stages.set(r.stage, (stages.get(r.stage) ?? 0) + 1);
  // --dump FILE: per-page P/R as JSON lines (diff two runs to see which pages a rule moves).
  if (args.includes('--dump')) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(args[args.indexOf('--dump') + 1], rows.map((x) => JSON.stringify({ id: x.id, split: x.split, p: x.p, r: x.r })).join('\n') + '\n');
  }
  console.log('stages:', [...stages].map(([k, v]) => `${k} ${v}`).join(', '));
  if (worst) {
    const f1 = (x: Row) => (x.p + x.r ? (2 * x.p * x.r) / (x.p + x.r) : 0);
    for (const x of [...rows].sort((a, b) => f1(a) - f1(b)).slice(0, worst)) console.log(`${x.id} ${x.split} P ${x.p.toFixed(2)} R ${x.r.toFixed(2)} ${x.stage}`);
    if (args.includes('--titles')) for (const x of rows.filter((r) => r.title === false)) console.log(`title ${x.id} (${x.titleSource}): got ${JSON.stringify(x.gotTitle)} want ${JSON.stringify(x.wantTitle)}`);
    if (args.includes('--authors')) for (const x of rows.filter((r) => r.author === false)) console.log(`author ${x.id}: got ${JSON.stringify(x.gotAuthor)} want ${JSON.stringify(x.wantAuthor)}`);
    if (args.includes('--dates')) for (const x of rows.filter((r) => r.date === false)) console.log(`date ${x.id}: got ${x.gotDate} (${x.dateSource}) want ${x.wantDate}`);
  }
}

await main();
