// npm run eval:nlp: how closely the project's tokenizer, sentence splitter and POS tagger follow
// wink-nlp (their teacher) on held-out news text (PolNeAR dev, 1/10 of WCXB; see corpus.ts), and
// the tagger's accuracy on CoNLL-2003 eng.testa gold POS (PTB tags mapped to UPOS, approximately).
// --docs N: only the first N held-out texts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, needsShared } from '../testing/shared.js';
import { parseConll } from '../annotate/entities/conll.js';
import { newsCorpus } from './corpus.js';
import { tokenize } from './tokenize.js';
import { winkTokenize } from './wink-layers.js';
import { posTagger } from './pos.js';
import { wink } from './wink.js';

/** Precision, recall and F1 (percent) of a predicted set against a reference set. */
function prf(predicted: ReadonlySet<string>, reference: ReadonlySet<string>): { p: number; r: number; f: number } {
  let both = 0;
  for (const k of predicted) if (reference.has(k)) both++;
  const p = predicted.size ? both / predicted.size : 0;
  const r = reference.size ? both / reference.size : 0;
  return { p: 100 * p, r: 100 * r, f: p + r ? (200 * p * r) / (p + r) : 0 };
}

const fmt = (x: { p: number; r: number; f: number }) => `P ${x.p.toFixed(2)}  R ${x.r.toFixed(2)}  F1 ${x.f.toFixed(2)}`;

/** Agreement with wink on held-out news text. */
function heldOut(limit: number): void {
  const docs = newsCorpus().dev.slice(0, limit);
  let tokP = 0, tokR = 0, tokBoth = 0;
  let sentP = 0, sentR = 0, sentBoth = 0;
  let sameTag = 0, matched = 0;
  let givenSame = 0, givenAll = 0;
  const tagger = posTagger();
  const tagIndex = new Map(tagger.tags.map((t, i) => [t, i]));
  const confusion = new Map<string, number>();
  for (const doc of docs) {
    const ours = tokenize(doc.text);
    const teacher = winkTokenize(doc.text);
    const key = (s: { start: number; end: number }) => `${s.start}:${s.end}`;
    const theirs = new Map(teacher.tokens.map((t) => [key(t), t.label]));
    const ourKeys = new Set(ours.tokens.map(key));
    const x = prf(ourKeys, new Set(theirs.keys()));
    tokBoth += (x.p / 100) * ourKeys.size;
    tokP += ourKeys.size;
    tokR += theirs.size;
    for (const t of ours.tokens) {
      const label = theirs.get(key(t));
      if (label === undefined) continue;
      matched++;
      if (label === t.label) sameTag++;
      else confusion.set(`${label}→${t.label}`, (confusion.get(`${label}→${t.label}`) ?? 0) + 1);
    }
    const ourEnds = new Set(ours.sentences.map((s) => String(s.end)));
    const theirEnds = new Set(teacher.sentences.map((s) => String(s.end)));
    const y = prf(ourEnds, theirEnds);
    sentBoth += (y.p / 100) * ourEnds.size;
    sentP += ourEnds.size;
    sentR += theirEnds.size;
    // The tagger alone: wink's own tokens and sentences, our tags.
    let t = 0;
    for (const s of teacher.sentences) {
      while (t < teacher.tokens.length && teacher.tokens[t].start < s.start) t++;
      const words: string[] = [];
      const gold: number[] = [];
      for (; t < teacher.tokens.length && teacher.tokens[t].end <= s.end; t++) {
        const g = tagIndex.get(teacher.tokens[t].label);
        if (g === undefined) continue;
        words.push(doc.text.slice(teacher.tokens[t].start, teacher.tokens[t].end));
        gold.push(g);
      }
      const out = new Uint8Array(words.length);
      tagger.tagInto(words, 0, words.length, out);
      for (let k = 0; k < words.length; k++) if (out[k] === gold[k]) givenSame++;
      givenAll += words.length;
    }
  }
  const ratio = (a: number, b: number) => (b ? (100 * a) / b : 0).toFixed(2);
  const tp = tokBoth / tokP, tr = tokBoth / tokR;
  const sp = sentBoth / sentP, sr = sentBoth / sentR;
  console.log(`held-out news texts: ${docs.length} (PolNeAR dev + 1/10 WCXB)`);
  console.log(`  token boundaries vs wink:     ${fmt({ p: 100 * tp, r: 100 * tr, f: (200 * tp * tr) / (tp + tr) })}  (${tokR} wink tokens)`);
  console.log(`  sentence ends vs wink:        ${fmt({ p: 100 * sp, r: 100 * sr, f: (200 * sp * sr) / (sp + sr) })}  (${sentR} wink sentences)`);
  console.log(`  POS agreement, wink tokens:   ${ratio(givenSame, givenAll)}%  (tagger alone, ${givenAll} tokens)`);
  console.log(`  POS agreement, end to end:    ${ratio(sameTag, matched)}% of tokens with the same boundaries (${matched})`);
  const top = [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`  commonest disagreements (wink→ours): ${top.map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

/**
 * Penn Treebank tags of CoNLL-2003 mapped to universal POS, approximately: AUX for forms of be,
 * have and do and modals; PART for "not"/"n't", possessive 's and infinitival "to"; SCONJ for
 * the common subordinators tagged IN. UD's own conversion looks at the parse; this does not.
 */
export function ptbToUpos(tag: string, word: string, nextTag: string | undefined): string {
  const lower = word.toLowerCase();
  if (/^(?:NNP|NNPS)$/.test(tag)) return 'PROPN';
  if (/^NN/.test(tag)) return lower === '%' ? 'SYM' : 'NOUN';
  if (tag === 'MD') return 'AUX';
  if (/^VB/.test(tag)) {
    if (BE_FORMS.has(lower)) return 'AUX'; // UD: copula and auxiliary be alike
    return HAVE_DO_FORMS.has(lower) && /^(?:VB|RB)/.test(nextTag ?? '') ? 'AUX' : 'VERB';
  }
  if (/^JJ/.test(tag)) return 'ADJ';
  if (/^RB/.test(tag)) return lower === 'not' || lower === "n't" ? 'PART' : 'ADV';
  if (tag === 'WRB') return 'ADV';
  if (tag === 'IN') return SUBORDINATORS.has(lower) ? 'SCONJ' : 'ADP';
  if (tag === 'TO') return nextTag === 'VB' ? 'PART' : 'ADP';
  if (tag === 'DT' || tag === 'PDT' || tag === 'WDT') return 'DET';
  if (tag === 'PRP' || tag === 'PRP$' || tag === 'WP' || tag === 'WP$' || tag === 'EX') return 'PRON';
  if (tag === 'CC') return 'CCONJ';
  if (tag === 'CD') return 'NUM';
  if (tag === 'POS') return 'PART';
  if (tag === 'RP') return 'ADP';
  if (tag === 'UH') return 'INTJ';
  if (tag === 'SYM' || tag === '$' || tag === '#') return 'SYM';
  if (tag === 'FW' || tag === 'LS') return 'X';
  return 'PUNCT';
}
const BE_FORMS = new Set(['be', 'is', 'am', 'are', 'was', 'were', 'been', 'being', "'s", "'re", "'m"]);
const HAVE_DO_FORMS = new Set(['have', 'has', 'had', "'ve", "'d", 'do', 'does', 'did']);
const SUBORDINATORS = new Set(['that', 'because', 'if', 'whether', 'although', 'though', 'while', 'unless', 'whereas', 'once']);

/** Tagger accuracy on CoNLL eng.testa's gold POS (mapped), beside wink's on the same tokens. */
function conll(): void {
  const path = join(DATA_DIR, 'conll2003', 'eng.testa');
  if (!existsSync(path)) {
    console.log('CoNLL eng.testa absent: skipped');
    return;
  }
  const tagger = posTagger();
  const nlp = wink();
  let ours = 0, coarseOurs = 0, all = 0;
  let winkSame = 0, winkCoarse = 0, winkAll = 0;
  const coarse = (t: string) => (t === 'AUX' ? 'VERB' : t === 'PART' ? 'ADP' : t === 'SCONJ' ? 'ADP' : t);
  for (const doc of parseConll(readFileSync(path, 'utf8'))) {
    for (const sentence of doc.sentences) {
      const words = sentence.map((t) => t.word);
      const gold = sentence.map((t, i) => ptbToUpos(t.columns[1], t.word, sentence[i + 1]?.columns[1]));
      const tags = tagger.tag(words);
      for (let i = 0; i < words.length; i++) {
        all++;
        if (tags[i] === gold[i]) ours++;
        if (coarse(tags[i]) === coarse(gold[i])) coarseOurs++;
      }
      // wink on the same sentence (its own tokenisation; tokens that coincide with CoNLL's are scored).
      const text = words.join(' ');
      const d = nlp.readDoc(text);
      const values = d.tokens().out(nlp.its.value) as string[];
      const pos = d.tokens().out(nlp.its.pos) as string[];
      const at = new Map<number, number>();
      let o = 0;
      words.forEach((w, i) => {
        at.set(o, i);
        o += w.length + 1;
      });
      let cursor = 0;
      values.forEach((v, k) => {
        if (pos[k] === 'SPACE') return;
        const s = text.indexOf(v, cursor);
        if (s < 0) return;
        cursor = s + v.length;
        const i = at.get(s);
        if (i === undefined || words[i].length !== v.length) return;
        winkAll++;
        if (pos[k] === gold[i]) winkSame++;
        if (coarse(pos[k]) === coarse(gold[i])) winkCoarse++;
      });
    }
  }
  const pct = (a: number, b: number) => ((100 * a) / b).toFixed(2);
  console.log(`CoNLL-2003 eng.testa gold POS (PTB→UPOS, approximate mapping): ${all} tokens`);
  console.log(`  ours: ${pct(ours, all)}%  (VERB/AUX, ADP/PART/SCONJ merged: ${pct(coarseOurs, all)}%)`);
  console.log(`  wink: ${pct(winkSame, winkAll)}%  (merged: ${pct(winkCoarse, winkAll)}%) on the ${winkAll} tokens it splits as CoNLL does`);
}

const limitAt = process.argv.indexOf('--docs');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;
const missing = needsShared('data');
if (missing) {
  console.error(missing);
  process.exit(1);
}
heldOut(limit);
conll();
