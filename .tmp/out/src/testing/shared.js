import { existsSync } from 'node:fs';
import { join } from 'node:path';
/** The read-only shared material beside the project (`../shared`): seeds and data sets. */
export const SHARED_DIR = join(import.meta.dirname, '..', '..', '..', 'shared');
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');
export const DATA_DIR = join(SHARED_DIR, 'data');
/**
 * For `test(name, { skip: needsShared('data/ptc') }, fn)`: false when the path exists under
 * ../shared, else a message saying why the test is skipped (a fresh clone has no ../shared).
 */
export function needsShared(relative = '') {
    return existsSync(join(SHARED_DIR, relative)) ? false : `needs ../shared/${relative} (absent in a fresh clone)`;
}
/** Paths of the two seed articles, by their numeric prefix ('000', '002'). */
export function seedPath(prefix) {
    return join(SEEDS_DIR, `${prefix}_${prefix === '000' ? '3719606cfbb6d677' : 'f8d2dacf7d91bed9'}.txt`);
}
