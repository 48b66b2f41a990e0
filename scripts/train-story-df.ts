// npm run train:stories: counts background document frequencies of story terms over the unlabelled
// news text in ../shared/data (PTC, PolNeAR, WCXB, CoNLL-2003: titles and sentences, each a
// headline-sized document) and writes models/story-df.tsv (see models/story-df.md). The story
// labels of uci-stories are not read. Deterministic: the same file byte for byte on every run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storyTerms } from '../src/corpus/stories/features.js';
import { BACKGROUND_DF_FILE, encodeBackground } from '../src/corpus/stories/background.js';
import { MODELS_DIR } from '../src/annotate/quotes/learned.js';
import { DATA_DIR, needsShared } from '../src/testing/shared.js';

for (const need of ['data/ptc', 'data/polnear', 'data/wcxb-dev', 'data/conll2003']) {
  const missing = needsShared(need);
  if (missing) { console.error(missing); process.exit(1); }
}

/** Terms seen in fewer documents are left out (rare terms get the table's highest idf anyway). */
const MIN_DF = 3;

/** Sentences of a text: lines, cut after sentence punctuation followed by a capital or a quote. */
function sentences(text: string): string[] {
  return text.split(/\n+/).flatMap((line) => line.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u)).map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 3);
}

const texts: string[] = [];
const read = (dir: string) => readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
texts.push(...read(join(DATA_DIR, 'ptc', 'train-articles')));
for (const split of ['train', 'dev']) texts.push(...read(join(DATA_DIR, 'polnear', split, 'text')));
for (const f of readdirSync(join(DATA_DIR, 'wcxb-dev', 'ground-truth')).sort()) {
  const gt = JSON.parse(readFileSync(join(DATA_DIR, 'wcxb-dev', 'ground-truth', f), 'utf8')).ground_truth ?? {};
  texts.push([gt.title ?? '', gt.main_content ?? ''].join('\n'));
}
// CoNLL-2003: one token per line, a blank line between sentences.
for (const f of ['eng.train', 'eng.testa']) {
  const sentence: string[] = [];
  const lines: string[] = [];
  for (const line of readFileSync(join(DATA_DIR, 'conll2003', f), 'utf8').split('\n')) {
    const token = line.split(' ')[0];
    if (token && token !== '-DOCSTART-') sentence.push(token);
    else if (sentence.length) lines.push(sentence.join(' ')), (sentence.length = 0);
  }
  texts.push(lines.join('\n'));
}

const counts = new Map<string, number>();
let docs = 0;
for (const text of texts) {
  for (const s of sentences(text)) {
    docs++;
    for (const t of storyTerms({ id: '', title: s }).keys()) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
}
const kept = [...counts].filter(([, n]) => n >= MIN_DF).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
writeFileSync(join(MODELS_DIR, BACKGROUND_DF_FILE), encodeBackground({ docs, counts: new Map(kept) }));
console.log(`${texts.length} texts, ${docs} sentence documents, ${counts.size} terms, ${kept.length} kept (df >= ${MIN_DF}) -> models/${BACKGROUND_DF_FILE}`);
