import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parsePage } from '../src/ingest/html/dom.js';
import { extractMeta } from '../src/ingest/html/metadata.js';
import { extractBody, collectBlocks } from '../src/ingest/html/content.js';
import { decodeHtml } from '../src/ingest/html/charset.js';
const dir = '/work/shared/data/wcxb-dev';
const ids = readdirSync(`${dir}/ground-truth`).map(f => f.slice(0, -5)).sort().filter((_, i) => i % 2 === 0);
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
let missedFiltered = 0, missedJunk = 0, missedOutside = 0, total = 0;
const ex: string[] = [];
for (const id of ids) {
  const gt = JSON.parse(readFileSync(`${dir}/ground-truth/${id}.json`, 'utf8')).ground_truth;
  if (!gt.main_content) continue;
  const page = parsePage(decodeHtml(gunzipSync(readFileSync(`${dir}/html/${id}.html.gz`))).html);
  const meta = extractMeta(page, undefined);
  const { blocks } = extractBody(page.root, meta.title);
  const body = norm(blocks.map(b => b.text).join(' '));
  const strict = collectBlocks(page.root, false).blocks;
  const strictText = strict.map(b => norm(b.text));
  for (const line of gt.main_content.split('\n')) {
    const l = norm(line); if (l.length < 30) continue;
    total += l.length;
    if (body.includes(l)) continue;
    const sb = strict.find((b, i) => strictText[i].includes(l) || (l.includes(strictText[i]) && strictText[i].length > 20));
    if (!sb) { missedJunk += l.length; if (ex.length < 400) ex.push(`${id} JUNK ${line.slice(0, 80)}`); continue; }
    const inBlocks = blocks.includes(sb);
    if (!inBlocks) {
      // in container but filtered, or outside?
      missedOutside += l.length;
      const anc: string[] = []; for (let e = sb.el; e && anc.length < 3; e = e.parent!) anc.push(`${e.tag}.${(e.attrs.class ?? '').split(' ')[0]}`);
      if (ex.length < 400) ex.push(`${id} OUT ld=${(sb.linkChars / sb.text.length).toFixed(2)} ${anc.join('<')} ${line.slice(0, 60)}`);
    } else missedFiltered += l.length;
  }
}
console.log({ total, missedJunk, missedOutside, missedFiltered });
for (const e of ex.filter(e => e.includes(process.argv[2] ?? ' ')).slice(0, 50)) console.log(e);
