// For each page of a split: the last 3 body blocks that mention the author's name (any position) and whether in the reference.
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/ingest/html/index.js';
import { shingles } from './shingles.js';
const dir = '/work/shared/data/wcxb-dev';
const split = process.argv[2] ?? 'tune';
const ids = readdirSync(`${dir}/ground-truth`).map((f) => f.slice(0, -5)).sort();
ids.forEach((id, i) => {
  if ((i % 2 === 0 ? 'tune' : 'check') !== split) return;
  const gt = JSON.parse(readFileSync(`${dir}/ground-truth/${id}.json`, 'utf8'));
  if (!gt.ground_truth?.main_content) return;
  const page = extractHtml(gunzipSync(readFileSync(`${dir}/html/${id}.html.gz`)), { url: gt.url });
  const a = page.doc.meta.author;
  if (!a) return;
  const ref = shingles(gt.ground_truth.main_content);
  const paras = page.body.split('\n').filter((x) => x.trim());
  const names = a.split(/\s*(?:,|;|&|\band\b)\s*/).map((n: string) => n.trim()).filter(Boolean);
  for (const p of paras.slice(-3)) {
    const head = p.slice(0, 40);
    const hit = names.find((n: string) => head.includes(n) || head.includes(n.split(' ')[0]));
    if (!hit) continue;
    const s = shingles(p); let c = 0; for (const x of s) if (ref.has(x)) c++;
    console.log(id, `inRef=${(c / s.size).toFixed(2)}`, JSON.stringify(a), p.slice(0, 120));
  }
});
