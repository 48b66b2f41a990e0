import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/ingest/html/index.js';
const id = process.argv[2];
const gt = JSON.parse(readFileSync(`/work/shared/data/wcxb-dev/ground-truth/${id}.json`, 'utf8'));
const page = extractHtml(gunzipSync(readFileSync(`/work/shared/data/wcxb-dev/html/${id}.html.gz`)), { url: gt.url });
console.log(page.body.split('\n').map((l) => '  | ' + l.length + ' ' + l.slice(0, 100) + ' … ' + l.slice(-80)).join('\n'));
