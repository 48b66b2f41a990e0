import type { Lexicon } from './lexicon.js';
import type { Word } from './words.js';

/** A recognised mention: word range, text range and CoNLL type. */
export interface Mention {
  /** Sentence index and word range [first, last] within it. */
  sentence: number;
  first: number;
  last: number;
  start: number;
  end: number;
  type: string;
  text: string;
}

/**
 * Turns BIO tags over words into mentions (an I- after O or another type starts a mention,
 * as conlleval reads it). Trailing possessives and stray punctuation are trimmed away.
 */
export function mentionsFromTags(text: string, words: readonly (readonly Word[])[], tags: readonly (readonly string[])[]): Mention[] {
  const out: Mention[] = [];
  words.forEach((sentence, s) => {
    let open: Mention | undefined;
    const close = () => {
      if (open) out.push(open);
      open = undefined;
    };
    tags[s].forEach((tag, i) => {
      const type = tag === 'O' ? '' : tag.slice(2);
      if (open && (tag.startsWith('B-') || type !== open.type)) close();
      if (!type) return;
      const w = sentence[i];
      if (open) {
        open.last = i;
        open.end = w.end;
      } else open = { sentence: s, first: i, last: i, start: w.start, end: w.end, type, text: '' };
    });
    close();
  });
  for (const m of out) m.text = text.slice(m.start, m.end);
  return out.filter((m) => /[\p{L}\p{N}]/u.test(m.text));
}

/**
 * Repairs a common run-on: a place or organisation name glued to the person after it
 * ("Envoy for Syria Staffan de Mistura" tagged as one LOC). When a non-person mention starts
 * with a known alias-table name and the rest starts with a known given name, it is split in two.
 */
export function splitMentions(mentions: readonly Mention[], words: readonly (readonly Word[])[], lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.type === 'PER' || m.last === m.first) {
      out.push(m);
      continue;
    }
    const sentence = words[m.sentence];
    let split = -1;
    for (let k = m.first + 1; k <= m.last && split < 0; k++) {
      const head = sentence.slice(m.first, k).map((w) => w.text).join(' ');
      if (lex.byAlias.has(head) && lex.firstNames.has(sentence[k].text)) split = k;
    }
    if (split < 0) {
      out.push(m);
      continue;
    }
    const head = { ...m, last: split - 1, end: sentence[split - 1].end };
    const tail = { ...m, first: split, start: sentence[split].start, type: 'PER' };
    head.text = m.text.slice(0, head.end - m.start);
    tail.text = m.text.slice(tail.start - m.start);
    out.push(head, tail);
  }
  return out;
}
