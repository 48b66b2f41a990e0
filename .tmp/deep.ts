import { Parser } from 'htmlparser2';
import { parsePage } from '/work/wt-ingest/src/ingest/html/dom.js';
import { extractHtml } from '/work/wt-ingest/src/ingest/html/index.js';
const deep = '<html><body>' + '<div>'.repeat(100_000) + `<p>hello world this is text</p>` + '</div>'.repeat(100_000) + '</body></html>';
let t = Date.now();
const p = new Parser({}); p.write(deep); p.end();
console.log('raw parser', Date.now() - t); t = Date.now();
parsePage(deep); console.log('parsePage', Date.now() - t); t = Date.now();
extractHtml(deep); console.log('extract', Date.now() - t);
