import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parsePage } from '../src/ingest/html/dom.js';
import { extractMeta } from '../src/ingest/html/metadata.js';
import { extractBody } from '../src/ingest/html/content.js';
import { decodeHtml } from '../src/ingest/html/charset.js';
import { shingles } from '../scripts/shingles.js';
const dir = '/work/shared/data/wcxb-dev';
const ids = readdirSync(`${dir}/ground-truth`).map(f => f.slice(0, -5)).sort().filter((_, i) => i % 2 === 0);
const byTag = new Map<string, number>(); const byClass = new Map<string, number>(); const samples: string[] = [];
let fpChars = 0, totChars = 0, fnHeading = 0;
for (const id of ids) {
  const gt = JSON.parse(readFileSync(`${dir}/ground-truth/${id}.json`, 'utf8')).ground_truth;
  if (!gt.main_content) continue;
  const truth = shingles(gt.main_content, 4);
  const truthWords = new Set((gt.main_content.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  const page = parsePage(decodeHtml(gunzipSync(readFileSync(`${dir}/html/${id}.html.gz`))).html);
  const meta = extractMeta(page, undefined);
  const { blocks } = extractBody(page.root, meta.title);
  for (const b of blocks) {
    if (b.caption) continue;
    totChars += b.text.length;
    const s = shingles(b.text, 4);
    let hit = 0; for (const x of s) if (truth.has(x)) hit++;
    const words = b.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const inTruth = words.length < 4 ? words.every(w => truthWords.has(w)) && words.length > 0 && gt.main_content.toLowerCase().includes(b.text.toLowerCase()) : hit / s.size > 0.5;
    if (!inTruth) {
      fpChars += b.text.length;
      const key = b.el.tag + (b.heading ? '' : '') + (b.text.length < 40 ? ' short' : b.text.length < 150 ? ' mid' : ' long');
      byTag.set(key, (byTag.get(key) ?? 0) + b.text.length);
      const anc: string[] = [];
      for (let e = b.el; e && anc.length < 3; e = e.parent!) if (e.attrs.class) anc.push(e.attrs.class.split(/\s+/)[0]);
      for (const c of anc) byClass.set(c, (byClass.get(c) ?? 0) + 1);
      if (samples.length < 4000) samples.push(`${id} ${b.el.tag} [${anc.join(' < ')}] ${b.text.slice(0, 90).replace(/\n/g, ' ')}`);
    }
  }
}
console.log('fp chars share', (fpChars / totChars).toFixed(3));
console.log([...byTag].sort((a, b) => b[1] - a[1]).slice(0, 15));
console.log([...byClass].sort((a, b) => b[1] - a[1]).slice(0, 40).map(x => x.join(':')).join('  '));
const arg = process.argv[2];
if (arg) for (const s of samples.filter(s => s.includes(arg)).slice(0, 40)) console.log(s);
