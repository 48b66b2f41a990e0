import { readFileSync } from 'node:fs';

/** One CoNLL-2003 token line: the word, the raw columns, and the gold tag (last column). */
export interface ConllToken {
  word: string;
  columns: string[];
  tag: string;
}

/** A document: its sentences of tokens (a `-DOCSTART-` line starts a new one). */
export interface ConllDocument {
  sentences: ConllToken[][];
}

const DOCSTART = '-DOCSTART-';

/**
 * Parses a CoNLL-2003 file into documents of sentences. Tags are returned as written (IOB1 in
 * the shared data); use `toBio` to convert.
 *
 * @example
 * parseConll('-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\n')[0].sentences[0][0].tag; // 'I-ORG'
 */
export function parseConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | undefined;
  let sentence: ConllToken[] = [];
  const flush = () => {
    if (sentence.length) {
      if (!doc) docs.push((doc = { sentences: [] }));
      doc.sentences.push(sentence);
    }
    sentence = [];
  };
  for (const line of content.split(/\r?\n/)) {
    if (line.startsWith(DOCSTART)) {
      flush();
      docs.push((doc = { sentences: [] }));
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const columns = line.split(' ');
    sentence.push({ word: columns[0], columns, tag: columns[columns.length - 1] });
  }
  flush();
  return docs.filter((d) => d.sentences.length);
}

export function readConll(path: string): ConllDocument[] {
  return parseConll(readFileSync(path, 'utf8'));
}

/** Converts IOB1 (or IOB2) tags to IOB2/BIO: an entity's first token is always `B-`. */
export function toBio(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (!tag.startsWith('I-')) return tag;
    const prev = i > 0 ? tags[i - 1] : 'O';
    return prev === 'O' || prev.slice(2) !== tag.slice(2) ? 'B-' + tag.slice(2) : tag;
  });
}

/** A chunk: token range [start, end) and type. */
export interface Chunk {
  start: number;
  end: number;
  type: string;
}

/**
 * Chunks of a tag sequence, conlleval-style: a chunk starts at B-X, at I-X after O or another
 * type, and ends when the next tag does not continue it (works for IOB1 and IOB2).
 */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let open: Chunk | undefined;
  tags.forEach((tag, i) => {
    const type = tag === 'O' ? '' : tag.slice(2);
    const continues = open && tag.startsWith('I-') && type === open.type;
    if (open && !continues) {
      open.end = i;
      out.push(open);
      open = undefined;
    }
    if (!open && type) open = { start: i, end: i + 1, type };
  });
  if (open) {
    open.end = tags.length;
    out.push(open);
  }
  return out;
}

/** Per-type and overall exact-match counts for entity F1. */
export interface ChunkCounts {
  [type: string]: { correct: number; predicted: number; gold: number };
}

/** Adds one sentence's exact-match chunk counts (conlleval) to `counts`. */
export function countChunks(gold: readonly string[], predicted: readonly string[], counts: ChunkCounts): void {
  const g = chunks(gold);
  const p = chunks(predicted);
  const key = (c: Chunk) => `${c.start}:${c.end}:${c.type}`;
  const goldKeys = new Set(g.map(key));
  const bump = (type: string, field: 'correct' | 'predicted' | 'gold') => {
    for (const t of [type, 'ALL']) (counts[t] ??= { correct: 0, predicted: 0, gold: 0 })[field]++;
  };
  for (const c of g) bump(c.type, 'gold');
  for (const c of p) {
    bump(c.type, 'predicted');
    if (goldKeys.has(key(c))) bump(c.type, 'correct');
  }
}

/** BIO → BILOU: single-token entities become U-, last tokens L- (a finer tag set to learn). */
export function bioToBilou(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (tag === 'O') return tag;
    const next = tags[i + 1];
    const continues = next !== undefined && next === 'I-' + tag.slice(2);
    if (tag.startsWith('B-')) return (continues ? 'B-' : 'U-') + tag.slice(2);
    return (continues ? 'I-' : 'L-') + tag.slice(2);
  });
}

/** BILOU → BIO (U- → B-, L- → I-). */
export function bilouToBio(tags: readonly string[]): string[] {
  return tags.map((tag) => (tag.startsWith('U-') ? 'B-' + tag.slice(2) : tag.startsWith('L-') ? 'I-' + tag.slice(2) : tag));
}

/**
 * Document-level type consistency (a cheap stand-in for Ratinov & Roth's prediction
 * aggregation): every predicted mention whose exact word sequence was given another type
 * strictly more often elsewhere in the document takes that majority type. BIO tags in, new
 * arrays out (sentences without a change are returned as they were).
 */
export function harmoniseTypes(sentences: readonly (readonly string[])[], tags: readonly string[][]): string[][] {
  const votes = new Map<string, Map<string, number>>();
  const found = tags.map((t, s) =>
    chunks(t).map((c) => {
      const key = sentences[s].slice(c.start, c.end).join(' ');
      const byType = votes.get(key) ?? new Map<string, number>();
      byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
      votes.set(key, byType);
      return { ...c, key };
    }),
  );
  return tags.map((t, s) => {
    let out: string[] | undefined;
    for (const c of found[s]) {
      const byType = votes.get(c.key)!;
      if (byType.size < 2) continue;
      const own = byType.get(c.type)!;
      let best = c.type;
      let bestCount = own;
      for (const [type, n] of byType) if (n > bestCount) (best = type), (bestCount = n);
      if (best === c.type) continue;
      out ??= [...t];
      for (let i = c.start; i < c.end; i++) out[i] = (i === c.start ? 'B-' : 'I-') + best;
    }
    return out ?? t;
  });
}
