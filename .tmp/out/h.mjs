import { parsePage } from './src/ingest/html/dom.js';
import { collectBlocks } from './src/ingest/html/content.js';
const P = 'The harbour council of Westmere voted on Tuesday to rebuild the old grain pier, ending a dispute that had lasted, by most counts, nearly a decade.';
const filler = `<div class="post"><p>${P}</p><p>${P}</p><p>${P}</p><p>${P}</p></div>`;
const page = parsePage(`<html><body>${filler.repeat(40000)}</body></html>`);
let t = Date.now(); const { blocks } = collectBlocks(page.root, false); console.log('collect', Date.now() - t, blocks.length);
