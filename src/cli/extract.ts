import { Command, Option } from 'commander';
import { errorMessage } from '../model/index.js';
import { readHtmlFile } from '../ingest/html/index.js';

/** `spinscope extract <page.html|page.html.gz>... --format jsonl|json|text` — the extraction contract. */
export function extractCommand(): Command {
  return new Command('extract')
    .description('extract article text and metadata from HTML pages (.html, .htm, .html.gz)')
    .argument('<pages...>', 'HTML files, optionally gzip-compressed')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['jsonl', 'json', 'text']).default('jsonl'))
    .option('--url <url>', 'the page URL (for dates in the path), when one page is given')
    .action(async (pages: string[], options: { format: 'jsonl' | 'json' | 'text'; url?: string }) => {
      let ok = 0;
      for (const path of pages) {
        try {
          const { doc, body } = await readHtmlFile(path, { url: pages.length === 1 ? options.url : undefined });
          const m = doc.meta;
          const record = { path, title: m.title ?? null, author: m.author ?? null, published: m.published ?? null, text: body };
          if (options.format === 'jsonl') process.stdout.write(JSON.stringify(record) + '\n');
          else if (options.format === 'json') process.stdout.write(JSON.stringify({ ...record, meta: m, notices: doc.notices }, null, 2) + '\n');
          else process.stdout.write(`${m.title ?? ''}\n\n${body}\n`);
          ok++;
        } catch (err) {
          process.stderr.write(`spinscope: ${path}: ${errorMessage(err)}\n`);
        }
      }
      if (ok === 0) process.exitCode = 1;
    });
}
