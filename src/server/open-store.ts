import { MemoryStore } from './memory-store.js';
import type { ServerStore } from './store.js';

/**
 * Opens the corpus the server runs on. Until the corpus store (src/corpus) is merged this is
 * an in-memory store and `db` is only reported; with it, `db` is the SQLite file.
 */
export async function openServerStore(db: string | undefined, warn: (line: string) => void): Promise<ServerStore> {
  if (db) warn(`spinscope serve: the SQLite corpus store is not on this branch yet; using an in-memory corpus instead of ${db}`);
  return new MemoryStore();
}
