import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore } from '../corpus/index.js';
import type { ServerStore } from './store.js';

/** Opens the corpus the server runs on: the SQLite file `db` (parent folders made), or a throwaway in-memory one. */
export async function openServerStore(db: string | undefined): Promise<ServerStore> {
  if (!db || db === ':memory:') return openStore(':memory:');
  mkdirSync(dirname(db), { recursive: true });
  return openStore(db);
}
