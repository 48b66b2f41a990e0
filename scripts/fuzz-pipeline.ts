// Fuzzes the pipeline: adversarial texts (quotes, brackets, dates, cues, surrogates, NULs, CR-only,
// long words/lines, ...) at growing sizes, timing every stage (a stage whose time grows more than 8x
// for 4x the text is flagged "(xN!)": superlinear), and mutations of the demo articles; every span
// of every layer is checked to lie over the article's own text, sorted, and no stage may fail.
// Usage: node --import tsx scripts/fuzz-pipeline.ts [gens|mutate|all]
//   SIZES=20000,80000,320000 (text sizes), ONLY=dates,said (generators), N=300 (mutations), SEED=1
import { readFileSync, readdirSync } from 'node:fs';
import { Pipeline, DEFAULT_STAGES } from '../src/pipeline.js';
import type { Article } from '../src/model/index.js';

const timing = new Map<string, number>();
const stages = DEFAULT_STAGES.map((s) => ({ ...s, run: (a: Article, r: unknown) => { const t = performance.now(); try { return s.run(a, r as never); } finally { timing.set(s.name, performance.now() - t); } } }));
const pipeline = await Pipeline.build(stages as never);

function checkArticle(a: Article, src: string): string[] {
  const errs: string[] = [];
  if (a.text !== src) errs.push('text changed');
  const n = a.text.length;
  for (const [name, layer] of Object.entries(a.layers)) {
    if (!Array.isArray(layer)) { errs.push(`${name}: not array`); continue; }
    let prev: any;
    layer.forEach((s: any, i: number) => {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.start > s.end || s.end > n) errs.push(`${name}[${i}] bad [${s.start},${s.end}) n=${n}`);
      if (prev && !(prev.start < s.start || (prev.start === s.start && prev.end <= s.end))) errs.push(`${name}[${i}] unsorted`);
      prev = s;
      for (const [k, v] of Object.entries(s.attrs ?? {})) if (/(start|end)$/i.test(k) && typeof v === 'number' && (v < 0 || v > n)) errs.push(`${name}[${i}].${k}=${v} outside`);
      if (typeof s.score === 'number' && !(s.score >= 0 && s.score <= 1)) errs.push(`${name}[${i}] score ${s.score}`);
    });
  }
  for (const nt of a.notices) if (nt.code === 'stage-failed') errs.push(`stage-failed: ${nt.message}`);
  try { JSON.stringify(a); } catch (e) { errs.push('not serialisable ' + e); }
  // deep-scan findings for numeric start/end
  const walk = (o: any, path: string, depth: number) => {
    if (!o || typeof o !== 'object' || depth > 6) return;
    if (typeof o.start === 'number' && typeof o.end === 'number' && (o.start < 0 || o.end > n || o.start > o.end)) errs.push(`findings ${path} [${o.start},${o.end})`);
    for (const [k, v] of Object.entries(o)) walk(v, path + '.' + k, depth + 1);
  };
  walk(a.findings, 'findings', 0);
  return errs;
}

let seed = Number(process.env.SEED ?? 1);
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const ri = (n: number) => Math.floor(rnd() * n);
const demoDir = new URL('../demo/articles/', import.meta.url).pathname;
const demos = readdirSync(demoDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(demoDir + f, 'utf8'));

const rep = (s: string, k: number) => s.repeat(k);
const gens: Record<string, (n: number) => string> = {
  quotesAscii: (n) => rep('"', n),
  quotesCurly: (n) => rep('“', n),
  quotesMixed: (n) => rep('“a ”b "c \'d ‘e ’f «g »h ', n / 16),
  quoteOpenWords: (n) => rep('“We will ', n / 9),
  nestedQuotes: (n) => rep('“‘', n / 2) + 'x' + rep('’”', n / 2),
  brackets: (n) => rep('(', n / 2) + rep(')', n / 2),
  bracketsOpen: (n) => rep('([{', n / 3),
  longWord: (n) => rep('a', n),
  longCapWord: (n) => 'A' + rep('b', n),
  longSentenceWords: (n) => rep('word ', n / 5),
  capsWords: (n) => rep('Alpha Beta ', n / 11),
  allCaps: (n) => rep('THE MINISTER SAID ', n / 18),
  said: (n) => rep('said Ada Brine, ', n / 16),
  saidQuote: (n) => rep('“Yes,” said Ada Brine. ', n / 23),
  colonQuote: (n) => rep('Brine: “yes ', n / 12),
  digits: (n) => rep('1', n),
  numbers: (n) => rep('12,345.67 ', n / 10),
  numberWords: (n) => rep('one hundred and twenty ', n / 23),
  percent: (n) => rep('5 per cent of ', n / 14),
  dates: (n) => rep('March 1, 2026 ', n / 14),
  dateNums: (n) => rep('10/11/12 ', n / 9),
  months: (n) => rep('May ', n / 4),
  dashes: (n) => rep('—', n),
  hyphens: (n) => rep('-', n),
  dots: (n) => rep('.', n),
  ellipsis: (n) => rep('… ', n / 2),
  abbrev: (n) => rep('Mr. ', n / 4),
  initials: (n) => rep('A. ', n / 3),
  spaces: (n) => rep(' ', n) + 'x',
  newlines: (n) => rep('\n', n) + 'x',
  crOnly: (n) => rep('Line one said.\r', n / 15),
  crlf: (n) => rep('Line one said.\r\n', n / 16),
  tabs: (n) => rep('\t', n) + 'x',
  nul: (n) => rep('a\u0000', n / 2),
  loneHigh: (n) => rep('\ud800', n),
  loneLow: (n) => rep('a\udc00', n / 2),
  emoji: (n) => rep('😀', n / 2),
  combining: (n) => 'a' + rep('\u0301', n),
  zwj: (n) => rep('a\u200d', n / 2),
  rtl: (n) => rep('\u202e مرحبا ', n / 8),
  cjk: (n) => rep('中文新闻报道。', n / 7),
  urls: (n) => rep('https://example.org/a/b?c=d ', n / 28),
  emails: (n) => rep('a.b@example.org ', n / 16),
  hashtags: (n) => rep('#tag @user ', n / 11),
  apostrophes: (n) => rep("Traders' ", n / 9),
  possessive: (n) => rep("the Guild's ", n / 12),
  commas: (n) => rep(', ', n / 2),
  commaWords: (n) => rep('Ada, ', n / 5),
  ofThe: (n) => rep('of the ', n / 7),
  the: (n) => rep('The ', n / 4),
  byline: (n) => rep('By Ada Brine and ', n / 17),
  share: (n) => rep('Share on Facebook\n', n / 18),
  titleCase: (n) => rep('Minister Of State For Ports And ', n / 32),
  lowerSentences: (n) => rep('it is a thing. ', n / 15),
  parens: (n) => rep('(a) ', n / 4),
  markdown: (n) => rep('**', n / 2),
  html: (n) => rep('<p>', n / 3),
  mixedRandom: (n) => { const alph = ' \n“”"\'‘’()[]—-.,:;!?AaBbZz019€$%…«»\u00a0\t'; let s = ''; for (let i = 0; i < n; i++) s += alph[ri(alph.length)]; return s; },
  randomUnicode: (n) => { let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(ri(0x10000)); return s; },
  randomWords: (n) => { const w = ['said', 'the', 'Minister', '“', '”', 'Ada', 'Brine', 'on', 'Tuesday', '5', 'per', 'cent', '.', ',', 'not', 'claimed', 'according', 'to', 'Mr.', 'and', '\n\n', '(', ')', 'March', '2026', 'percent', 'million', 'evil', 'always', 'never']; let s = ''; while (s.length < n) s += w[ri(w.length)] + ' '; return s; },
};

function mutateDemo(): [string, string] {
  let s = demos[ri(demos.length)];
  const kind = ri(9);
  switch (kind) {
    case 0: return ['trunc', s.slice(0, ri(s.length + 1))];
    case 1: { const p = ri(s.length); return ['insert-nul', s.slice(0, p) + '\0'.repeat(1 + ri(5)) + s.slice(p)]; }
    case 2: return ['crlf', s.replace(/\n/g, '\r\n')];
    case 3: return ['cr', s.replace(/\n/g, '\r')];
    case 4: { const p = ri(s.length); return ['lone-surrogate', s.slice(0, p) + (rnd() < 0.5 ? '\ud83d' : '\ude00') + s.slice(p)]; }
    case 5: { for (let k = 0; k < 20; k++) { const p = ri(s.length); s = s.slice(0, p) + s.slice(p + ri(20)); } return ['deletes', s]; }
    case 6: { for (let k = 0; k < 20; k++) { const p = ri(s.length), q = ri(s.length); s = s.slice(0, p) + s.slice(q, q + ri(50)) + s.slice(p); } return ['splice', s]; }
    case 7: { const chars = '“”"‘’()\n\r\0\ud800—'; let out = ''; for (const c of s) out += rnd() < 0.03 ? chars[ri(chars.length)] : c; return ['charflip', out]; }
    default: return ['repeat', s.repeat(1 + ri(30))];
  }
}

function runOne(name: string, text: string): { ms: number; stages: Record<string, number>; errs: string[] } {
  timing.clear();
  const t = performance.now();
  let errs: string[];
  try { const a = pipeline.run(text); errs = checkArticle(a, text); } catch (e) { errs = ['THROW ' + (e as Error).stack?.split('\n').slice(0, 4).join(' | ')]; }
  return { ms: performance.now() - t, stages: Object.fromEntries(timing), errs };
}

const mode = process.argv[2] ?? 'all';
const sizes = (process.env.SIZES ?? '2000,8000,32000').split(',').map(Number);
let count = 0;
const only = process.env.ONLY;
if (mode === 'all' || mode === 'gens') {
  for (const [name, g] of Object.entries(gens)) {
    if (only && !only.split(',').includes(name)) continue;
    const rows: string[] = [];
    let prev: ReturnType<typeof runOne> | undefined;
    for (const n of sizes) {
      const text = g(n);
      const r = runOne(name, text); count++;
      const worst = Object.entries(r.stages).map(([k, v]) => [k, v, prev ? v / Math.max(prev.stages[k] ?? 0.5, 0.5) : 0] as const);
      rows.push(`n=${text.length} ${r.ms.toFixed(0)}ms ` + worst.map(([k, v, ratio]) => `${k}:${v.toFixed(0)}${ratio > 8 ? `(x${ratio.toFixed(0)}!)` : ''}`).join(' '));
      if (r.errs.length) rows.push('  ERR ' + [...new Set(r.errs)].slice(0, 5).join('; '));
      prev = r;
      if (r.ms > 10000) { rows.push('  SLOW, stop'); break; }
    }
    console.log(name.padEnd(18), rows.join('\n   '));
  }
}
if (mode === 'all' || mode === 'mutate') {
  const N = Number(process.env.N ?? 300);
  const bad = new Map<string, number>();
  for (let i = 0; i < N; i++) {
    const [kind, text] = mutateDemo();
    const r = runOne(kind, text); count++;
    if (r.errs.length || r.ms > 3000) {
      const key = kind + ' ' + r.errs.slice(0, 2).join('; ').slice(0, 300) + (r.ms > 3000 ? ` SLOW ${r.ms.toFixed(0)}` : '');
      if (!bad.has(key)) { console.log('MUT', key, 'len', text.length); }
      bad.set(key, (bad.get(key) ?? 0) + 1);
    }
  }
  console.log('mutations bad kinds', bad.size);
}
console.log('inputs', count);
