import { parsePage } from '../src/ingest/html/dom.js';
import { collectBlocks } from '../src/ingest/html/content.js';
const P = 'The harbour council of Westmere voted on Tuesday to rebuild the old grain pier, ending a dispute that had lasted, by most counts, nearly a decade.';
for (const n of [10000, 20000, 40000]) {
const filler = `<div class="post"><p>${P}</p><p>${P}</p><p>${P}</p><p>${P}</p></div>`;
const huge = `<html><body>${filler.repeat(n)}</body></html>`;
const page = parsePage(huge);
let t = Date.now(); const { blocks } = collectBlocks(page.root, false); console.log(n, 'collect', Date.now() - t, blocks.length);
}
