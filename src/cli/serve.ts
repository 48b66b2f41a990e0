import { Command, InvalidArgumentError, Option } from 'commander';
import { Pipeline } from '../pipeline.js';
import { readDemoCorpus } from '../server/demo.js';
import { openServerStore } from '../server/open-store.js';
import { startServer, WEB_DIST } from '../server/server.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Articles analysed and stored per batch while loading the demo corpus. */
const DEMO_BATCH = 16;

/** `spinscope serve [--db <file>] [--port] [--host] [--token] [--demo]` */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API and the web app over a corpus')
    .option('--db <file>', 'corpus database file (default: in memory)')
    .addOption(new Option('-p, --port <port>', 'port (0 picks a free one)').default('8787').argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port from 0 to 65535');
      return n;
    }))
    .option('--host <host>', 'address to listen on (beyond loopback, writes need a token)', '127.0.0.1')
    .option('--token <token>', 'token for write endpoints (default: generated when not on loopback)', process.env.SPINSCOPE_TOKEN)
    .option('--demo', 'load the demo corpus (demo/articles) when the corpus is empty')
    .option('--allow-private', 'let analyze-by-URL fetch private, loopback and link-local addresses (SSRF guard off)')
    .addOption(new Option('--workers <n>', 'analysis worker threads (0: analyse on the request thread)').argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('expected a whole number from 0 to 64');
      return n;
    }))
    .action(async (options: { db?: string; port: number | string; host: string; token?: string; demo?: boolean; allowPrivate?: boolean; workers?: number }) => {
      const store = await openServerStore(options.db);
      const pipeline = await Pipeline.build();
      if (options.demo && (await store.info()).articles === 0) {
        const docs = readDemoCorpus();
        process.stdout.write(`loading ${docs.length} demo articles into ${options.db ?? 'memory'}…\n`);
        for (let i = 0; i < docs.length; i += DEMO_BATCH) await store.putArticles(docs.slice(i, i + DEMO_BATCH).map((d) => pipeline.run(d)));
        process.stdout.write(`loaded ${docs.length} demo articles\n`);
      }
      if (options.workers !== 0) process.stdout.write('starting the analysis workers…\n'); // a few seconds: each warms up before the port opens
      const server = await startServer({ store, pipeline, port: Number(options.port), host: options.host, token: options.token, allowPrivate: options.allowPrivate, workers: options.workers });
      process.stdout.write(`spinscope is serving ${(await store.info()).articles} articles at ${server.url}\n`);
      if (!existsSync(join(WEB_DIST, 'index.html'))) process.stdout.write('the web app is not built (API only): run `npm run build:web`, or use `npm start`\n');
      if (server.token) process.stdout.write(`write endpoints need: Authorization: Bearer ${server.token}\n`);
      const stop = async () => {
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => {});
    });
}
