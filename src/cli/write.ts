/**
 * Writes to stdout, waiting for the pipe to drain so a long batch does not pile output up in
 * memory.
 */
export function writeOut(chunk: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(chunk)) resolve();
    else stream.once('drain', resolve);
  });
}

let guarded = false;

/** Makes a closed pipe (`spinscope … | head`) end the process quietly instead of crashing. */
export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`spinscope: cannot write output: ${err.message.split('\n')[0]}\n`);
    process.exit(err.code === 'EPIPE' ? 0 : 1);
  });
}
