// npm run bench:server — load test of the HTTP API with autocannon against a local server
// (a child process, so the load generator does not share its CPU): 200 connections on
// GET /api/articles/:id and, at the same time, 20 on POST /api/analyze.
// BENCH_SECONDS (default 30) sets the duration; BENCH_WORKERS the server's analysis workers
// (default: the server's own choice, cores - 1, at most 4).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { readDemoCorpus } from '../src/server/demo.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const READERS = 200;
const WRITERS = 20;
/** Seconds before autocannon counts a request as an error (analysis queues behind 20 writers). */
const TIMEOUT = 30;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const bin = join(import.meta.dirname, '..', 'bin', 'spinscope.js');
const workers = process.env.BENCH_WORKERS ? ['--workers', process.env.BENCH_WORKERS] : [];
const child = spawn(process.execPath, [bin, 'serve', '--demo', '--port', String(port), ...workers], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('serving')) resolve(); });
  child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
const ids = ((await (await fetch(`${base}/api/articles?limit=100`)).json()) as { items: Array<{ id: string }> }).items.map((a) => a.id);
const bodies = readDemoCorpus().map((d) => JSON.stringify({ text: d.text }));

let r = 0;
let w = 0;
const run = (opts: autocannon.Options) => new Promise<Result>((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
const [reads, writes] = await Promise.all([
  run({ url: base, connections: READERS, duration: SECONDS, timeout: TIMEOUT, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/articles/${ids[r++ % ids.length]}` }) }] }),
  run({ url: base, connections: WRITERS, duration: SECONDS, timeout: TIMEOUT, requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, path: '/api/analyze', body: bodies[w++ % bodies.length] }) }] }),
]);
child.kill('SIGTERM');

const row = (name: string, conns: number, res: Result) =>
  `| ${name.padEnd(26)} | ${String(conns).padStart(5)} | ${res.requests.average.toFixed(0).padStart(8)} | ${String(res.latency.p50).padStart(7)} | ${String(res.latency.p99).padStart(7)} | ${String(res.errors + res.timeouts).padStart(6)} | ${String(res.non2xx).padStart(6)} |`;
console.log(`server load, ${SECONDS} s, both at once (${ids.length} demo articles; analyses in the server's worker pool)`);
console.log('| endpoint                   | conns |    req/s | p50 ms  | p99 ms  | errors | non2xx |');
console.log('|----------------------------|-------|----------|---------|---------|--------|--------|');
console.log(row('GET /api/articles/:id', READERS, reads));
console.log(row('POST /api/analyze', WRITERS, writes));
const failed = reads.errors + reads.timeouts + reads.non2xx + writes.errors + writes.timeouts + writes.non2xx;
if (failed) process.exitCode = 1;
