import { closeSync, openSync, readSync, statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { listArticleFiles, STDIN } from '../ingest/index.js';

/** A progress bar is shown only for batches larger than this (and only on a terminal). */
export const PROGRESS_MIN_ITEMS = 5;

/** Inputs whose article count is unknown until read (a crawl, a compressed JSONL file). */
const UNCOUNTED = /\.(warc(\.gz)?|jsonl\.gz)$/i;

/**
 * Estimates how many articles the inputs will give: files listed in directories, JSONL lines,
 * one per other file, URL or standard input. Undefined when a crawl makes it unknown.
 */
export function countInputs(inputs: readonly string[]): number | undefined {
  let n = 0;
  for (const input of inputs) {
    if (input === STDIN || /^https?:/i.test(input)) n++;
    else if (UNCOUNTED.test(input)) return undefined;
    else {
      try {
        if (statSync(input).isDirectory()) n += listArticleFiles(input).length;
        // Lines of a regular file only: a pipe or device would be read here before the articles (or forever).
        else if (/\.jsonl$/i.test(input) && statSync(input).isFile()) n += countLines(input);
        else n++;
      } catch {
        n++;
      }
    }
  }
  return n;
}

/** Non-blank lines of a file, read in chunks (a JSONL file of any size). */
function countLines(path: string): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  let lines = 0;
  let blank = true;
  try {
    for (let got = readSync(fd, buf); got > 0; got = readSync(fd, buf)) {
      for (let i = 0; i < got; i++) {
        const b = buf[i];
        if (b === 0x0a) {
          if (!blank) lines++;
          blank = true;
        } else if (b !== 0x20 && b !== 0x09 && b !== 0x0d) blank = false;
      }
    }
  } finally {
    closeSync(fd);
  }
  return blank ? lines : lines + 1;
}

/** What the analyze loop needs of a progress display. */
export interface Progress {
  tick(): void;
  /** Writes a one-line message above the bar (or plainly when there is no bar). */
  log(line: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr when stderr is a terminal and the batch has more than a few items
 * (or an unknown number: a crawl, feeds); otherwise a no-op that prints messages as plain lines.
 */
export function createProgress(total: number | undefined, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || (total !== undefined && total <= PROGRESS_MIN_ITEMS)) {
    return { tick() {}, log: (line) => void stream.write(line + '\n'), stop() {} };
  }
  const format = total === undefined ? 'analysing… {value} articles so far' : 'analysing [{bar}] {value}/{total} articles · {eta} left';
  const bar = new cliProgress.SingleBar({ stream, format, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let expected = total ?? Number.MAX_SAFE_INTEGER;
  let done = 0;
  const t0 = performance.now();
  bar.start(expected, 0, { eta: formatEta(0, 0) });
  return {
    tick: () => {
      // An estimate can be short (JSONL files inside a directory count one each): grow the total rather than overflow it.
      if (++done > expected) bar.setTotal((expected = done));
      bar.increment({ eta: formatEta(expected - done, done / ((performance.now() - t0) / 1000)) });
    },
    log(line) {
      stream.write('\r\x1b[2K' + line + '\n');
      bar.render();
    },
    stop: () => bar.stop(),
  };
}

/**
 * Time left in words for a progress line: "45s", "6m05s", "1h02m"; "…" while there is no rate
 * to go by (the first batch is still in the workers), never "NaN" or "Infinity".
 *
 * @example
 * formatEta(840 - 50, 2.2); // '6m00s'
 */
export function formatEta(remaining: number, perSecond: number): string {
  if (!(perSecond > 0) || !Number.isFinite(remaining) || remaining < 0) return '…';
  const s = Math.ceil(remaining / perSecond);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
