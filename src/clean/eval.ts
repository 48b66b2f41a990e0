// npm run eval:clean — how much of the text PolNeAR's annotators set aside as not article text
// ("Discard" spans) cleanup marks, and how much annotated attribution text it wrongly marks.
// Usage: npm run eval:clean [-- train|dev]   (default dev; ../shared must be present)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../testing/shared.js';
import { offsetMap, overlaps } from '../model/index.js';
import { cleanText } from './clean.js';

const split = process.argv[2] ?? 'dev';
const dir = join(DATA_DIR, 'polnear', split);
if (!existsSync(dir)) {
  console.error(`eval:clean needs ${dir}`);
  process.exit(1);
}

let discardChars = 0;
let discardMarked = 0;
let goldChars = 0;
let goldMarked = 0;
let articles = 0;
const missed: string[] = [];
for (const name of readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(dir, 'text', name), 'utf8');
  const ann = readdirSync(join(dir, 'attributions')).filter((f) => f.startsWith(name.replace(/\.txt$/, '_'))).sort()[0];
  if (!ann) continue;
  articles++;
  const map = offsetMap(text);
  const { structure, boilerplate } = cleanText(text);
  const marks = [...structure.filter((s) => s.label !== 'title'), ...boilerplate];
  const covered = (a: number, b: number) => {
    let n = 0;
    for (let i = a; i < b; i++) if (marks.some((m) => m.start <= i && i < m.end)) n++;
    return n;
  };
  for (const row of readFileSync(join(dir, 'attributions', ann), 'utf8').split('\n')) {
    const [id, spec] = row.split('\t');
    if (!id?.startsWith('T') || !spec) continue;
    const [label, ...ranges] = spec.split(' ');
    for (const part of ranges.join(' ').split(';')) {
      const [a, b] = part.split(' ').map(Number).map((n) => map.toUtf16(n));
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      const hit = marks.some((m) => overlaps(m, { start: a, end: b })) ? covered(a, b) : 0;
      if (label === 'Discard') {
        discardChars += b - a;
        discardMarked += hit;
        if (!hit) missed.push(text.slice(a, b).slice(0, 80));
      } else {
        goldChars += b - a;
        goldMarked += hit;
      }
    }
  }
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '0.0') + '%';
console.log(`PolNeAR ${split}: ${articles} articles`);
console.log(`  Discard text marked by cleanup (recall):      ${pct(discardMarked, discardChars)} of ${discardChars} chars`);
console.log(`  attribution text marked by cleanup (errors):  ${pct(goldMarked, goldChars)} of ${goldChars} chars`);
if (process.env.SHOW_MISSED) for (const m of missed) console.log('  missed:', JSON.stringify(m));
