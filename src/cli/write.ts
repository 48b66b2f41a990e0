/**
 * Writes to stdout, waiting for the pipe to drain so a long batch does not pile output up in
 * memory. A closed pipe (`spinscope … | head`) ends the process quietly.
 */
export function writeOut(chunk: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(chunk)) resolve();
    else stream.once('drain', resolve);
  });
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
