/**
 * Interns words read straight from a text range: `find(text, start, end)` returns the id of the
 * word `text[start, end)` without slicing it out (no string is made for a word already seen).
 * An open-addressing table of ids with their hashes and lengths; the words themselves are kept
 * only to compare against. Ids are dense, 0, 1, 2, ... in order of first sight.
 *
 * @example
 * const t = new WordTable(); t.add('cat'); t.find('a cat', 2, 5); // 0
 */
export class WordTable {
  private table: Int32Array;
  private hashes: Int32Array;
  private words: string[] = [];
  /** Counts `clear` calls: ids handed out before a clear mean other words after it. */
  private cleared = 0;

  constructor(capacity = 1 << 12) {
    this.table = new Int32Array(capacity).fill(-1);
    this.hashes = new Int32Array(capacity);
  }

  /** Number of words. */
  get size(): number {
    return this.words.length;
  }

  /** Bumped by every `clear`: an id is valid only with the generation it was handed out in. */
  get generation(): number {
    return this.cleared;
  }

  /** The word with id `id`. */
  word(id: number): string {
    return this.words[id];
  }

  /** Forgets every word. */
  clear(): void {
    this.table.fill(-1);
    this.words = [];
    this.cleared++;
  }

  /** The id of `text[start, end)`, or -1 when it has not been added. */
  find(text: string, start: number, end: number): number {
    const h = hashRange(text, start, end);
    const mask = this.table.length - 1;
    const n = end - start;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.table[i];
      if (id < 0) return -1;
      if (this.hashes[i] !== h) continue;
      const w = this.words[id];
      if (w.length !== n) continue;
      let same = true;
      for (let k = 0; k < n; k++) {
        if (w.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  /** Adds a word not in the table yet; returns its id. */
  add(word: string): number {
    if ((this.words.length + 1) * 2 > this.table.length) this.grow();
    const id = this.words.push(word) - 1;
    this.place(id, hashRange(word, 0, word.length));
    return id;
  }

  private place(id: number, h: number): void {
    const mask = this.table.length - 1;
    let i = h & mask;
    while (this.table[i] >= 0) i = (i + 1) & mask;
    this.table[i] = id;
    this.hashes[i] = h;
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    this.hashes = new Int32Array(this.table.length);
    this.words.forEach((w, id) => this.place(id, hashRange(w, 0, w.length)));
  }
}

/** FNV-1a over the UTF-16 code units of `text[start, end)`, finalised for the low bits. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
