/**
 * The shared state of one store session (see `StoreSession`): two 32-bit words in a
 * SharedArrayBuffer seen by the ingest's main thread and every worker.
 * - `TURN`: the next batch to be written. Batches are written in input order, so article rows get
 *   the same keys on every run whatever the worker count; -1 stops the session (a store failure).
 * - `LOCK`: 1 while a thread of this process writes. SQLite admits one writer at a time; taking
 *   this first means no thread of ours meets SQLITE_BUSY from another (whose busy handler sleeps
 *   up to 100 ms at a time), and a worker that finds it taken analyses more instead of waiting.
 */
export const SESSION = { TURN: 0, LOCK: 1, words: 2, stopped: -1 } as const;

/** Takes the write lock if it is free (never waits). */
export function tryLock(words: Int32Array): boolean {
  return Atomics.compareExchange(words, SESSION.LOCK, 0, 1) === 0;
}

/** Takes the write lock, blocking the thread until it is free (worker threads). */
export function lockBlocking(words: Int32Array): void {
  while (!tryLock(words)) Atomics.wait(words, SESSION.LOCK, 1);
}

/** Takes the write lock, waiting without blocking the event loop (the main thread). */
export async function lock(words: Int32Array): Promise<void> {
  while (!tryLock(words)) {
    const waited = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<string> | string } }).waitAsync(words, SESSION.LOCK, 1);
    if (waited.async) await waited.value;
  }
}

export function unlock(words: Int32Array): void {
  Atomics.store(words, SESSION.LOCK, 0);
  Atomics.notify(words, SESSION.LOCK);
}

/** Marks batch `next` as the one to write now (or `SESSION.stopped`) and wakes the waiting threads. */
export function setTurn(words: Int32Array, next: number): void {
  Atomics.store(words, SESSION.TURN, next);
  Atomics.notify(words, SESSION.TURN);
}
