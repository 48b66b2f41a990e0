/*
 * The JSON of recently served articles. Reading an article back from SQLite and serialising it
 * costs ~1.5 ms of main-thread CPU (layers decoded, ~20 kB of JSON); under 200 concurrent
 * readers that is most of the request. Articles change only by re-analysis, so a short-lived
 * copy is safe: entries expire after `ttlMs` (a `spinscope reanalyze` run by another process is
 * seen within that time) and the whole cache is dropped when this server stores an article.
 */

export const RESPONSE_CACHE_DEFAULTS = {
  /** Entries kept (least recently used dropped first); 500 × ~20 kB ≈ 10 MB. */
  maxEntries: 500,
  ttlMs: 30_000,
} as const;

/** A small LRU of response bodies with expiry. */
export class ResponseCache {
  private readonly entries = new Map<string, { body: string; expires: number }>();

  constructor(
    private readonly maxEntries: number = RESPONSE_CACHE_DEFAULTS.maxEntries,
    private readonly ttlMs: number = RESPONSE_CACHE_DEFAULTS.ttlMs,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.expires <= this.now()) return undefined;
    this.entries.set(key, hit); // most recently used last
    return hit.body;
  }

  set(key: string, body: string): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { body, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
