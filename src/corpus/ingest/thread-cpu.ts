import { readFileSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Clock ticks per second of `/proc/.../stat` times (USER_HZ: 100 on every Linux build Node runs on). */
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds (user and system) used so far by the calling thread, from Linux's
 * `/proc/thread-self/stat`; undefined where that file does not exist. `process.cpuUsage()` sums
 * every thread of the process, so it cannot tell an ingest's analysis workers from its writer;
 * this can (resolution 10 ms, so compare over hundreds of articles).
 *
 * @example
 * const t0 = threadCpuMs(); work(); const used = threadCpuMs()!.user - t0!.user;
 */
export function threadCpuMs(): { user: number; system: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/thread-self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis):
  // state is field 3; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ms = (i: number) => (Number(fields[i - 3]) * 1000) / TICKS_PER_SECOND;
  return { user: ms(14), system: ms(15) };
}

/**
 * Lowers the calling thread's scheduling priority to `nice` (Linux keeps a nice value per thread:
 * `setpriority` given a thread id changes only that thread). Analysis workers run niced so that,
 * when the cores are oversubscribed, the writer thread (the ingest's serial part) gets the CPU it
 * needs and the workers take what is left. Returns whether it was applied; elsewhere, or when not
 * allowed, the thread keeps its priority.
 */
export function lowerThreadPriority(nice: number): boolean {
  try {
    // /proc/thread-self links to <pid>/task/<tid>.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.max(getPriority(tid), nice));
    return true;
  } catch {
    return false;
  }
}
