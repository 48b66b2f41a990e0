import { statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { listArticleFiles, STDIN } from '../ingest/index.js';

/** A progress bar is shown only for batches larger than this (and only on a terminal). */
export const PROGRESS_MIN_ITEMS = 5;

/** Counts the articles the inputs will give (files listed in directories; others count one). */
export function countInputs(inputs: readonly string[]): number {
  let n = 0;
  for (const input of inputs) {
    if (input === STDIN) n++;
    else {
      try {
        n += statSync(input).isDirectory() ? listArticleFiles(input).length : 1;
      } catch {
        n++;
      }
    }
  }
  return n;
}

/** What the analyze loop needs of a progress display. */
export interface Progress {
  tick(): void;
  /** Writes a one-line message above the bar (or plainly when there is no bar). */
  log(line: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr when stderr is a terminal and the batch has more than a few items;
 * otherwise a no-op that prints messages as plain lines.
 */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= PROGRESS_MIN_ITEMS) {
    return { tick() {}, log: (line) => void stream.write(line + '\n'), stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: 'analysing [{bar}] {value}/{total} articles · {eta_formatted} left', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    log(line) {
      stream.write('\r\x1b[2K' + line + '\n');
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
