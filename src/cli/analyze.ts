import { Command, InvalidArgumentError, Option } from 'commander';
import { Pipeline } from '../pipeline.js';
import { readSources, isReadFailure, DEFAULT_MAX_BYTES, formatBytes } from '../ingest/index.js';
import { errorMessage, type Article } from '../model/index.js';
import type { SourceDocument } from '../ingest/types.js';
import { articleToJson } from './output.js';
import { renderMarkdown } from './markdown.js';
import { countInputs, createProgress } from './progress.js';
import { guardStdout, writeOut } from './write.js';

type Format = 'json' | 'jsonl' | 'md';

/**
 * Documents analysed together (`Pipeline.runMany`, stage by stage: about a fifth less CPU than
 * one at a time), up to this many or this many characters, so big inputs are not held long.
 */
const ANALYZE_BATCH = 16;
const ANALYZE_BATCH_CHARS = 2_000_000;

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Parses a size such as 20000000, 500k, 20MB or 1g into bytes. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(value);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) throw new InvalidArgumentError('expected a size such as 20000000, 500k or 20MB');
  return Math.floor(Number(m[1]) * unit);
}

/** `spinscope analyze <file|dir|->... [--format json|jsonl|md] [--max-bytes n]` */
export function analyzeCommand(): Command {
  return new Command('analyze')
    .description('analyse articles (text, HTML, WARC, JSONL files, directories, URLs, feeds, - for standard input) and print every layer')
    .argument('[inputs...]', 'files (.txt, .html[.gz], .warc[.gz], .jsonl), directories, URLs, or - for standard input')
    .option('--feed <source...>', 'RSS/Atom/JSON feeds (URL or file): analyse each item\'s page, or its content when the page cannot be fetched')
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses')
    .addOption(new Option('-f, --format <format>', 'output: json (pretty), jsonl (one article per line), md (a report)').choices(['json', 'jsonl', 'md']).default('json'))
    .addOption(new Option('--max-bytes <size>', `refuse inputs larger than this (e.g. 50MB)`).argParser(parseSize).default(DEFAULT_MAX_BYTES, formatBytes(DEFAULT_MAX_BYTES)))
    .action(async (inputs: string[], options: { format: Format; maxBytes: number; feed?: string[]; allowPrivate?: boolean }) => {
      if (inputs.length === 0 && !options.feed?.length) throw new Error('give at least one input or --feed');
      guardStdout();
      const pipeline = await Pipeline.build();
      // Count only when a bar can show; feeds give an unknown number of articles.
      const progress = createProgress(!process.stderr.isTTY ? 0 : options.feed?.length ? undefined : countInputs(inputs));
      let analysed = 0;
      let failed = 0;
      let batch: SourceDocument[] = [];
      let batchChars = 0;
      // Documents are analysed in batches (stage by stage: less CPU), printed in input order.
      const flush = async () => {
        const docs = batch;
        batch = [];
        batchChars = 0;
        if (!docs.length) return;
        let articles: Article[] | undefined;
        try {
          articles = pipeline.runMany(docs);
        } catch {
          articles = undefined; // one by one below, so a failing document names its own error
        }
        for (let k = 0; k < docs.length; k++) {
          let output: string;
          try {
            output = format(articles ? articles[k] : pipeline.run(docs[k]), options.format);
          } catch (err) {
            failed++;
            progress.log(`spinscope: ${docs[k].meta.origin ?? 'input'}: analysis failed: ${errorMessage(err)}`);
            continue;
          }
          if (analysed++ && options.format === 'md') output = '---\n\n' + output; // a rule between reports
          await writeOut(output);
        }
      };
      try {
        for await (const result of readSources(inputs, { maxBytes: options.maxBytes, feeds: options.feed, allowPrivate: options.allowPrivate })) {
          progress.tick();
          if (isReadFailure(result)) {
            failed++;
            progress.log(`spinscope: ${result.error}`);
            continue;
          }
          batch.push(result);
          batchChars += result.text.length;
          if (batch.length >= ANALYZE_BATCH || batchChars >= ANALYZE_BATCH_CHARS) await flush();
        }
        await flush();
      } finally {
        progress.stop();
      }
      if (analysed === 0) {
        process.stderr.write(`spinscope: nothing could be analysed${failed ? ` (${failed} input${failed === 1 ? '' : 's'} failed)` : ''}\n`);
        process.exitCode = 1;
      } else if (failed) process.stderr.write(`spinscope: analysed ${analysed}, failed ${failed}\n`);
    });
}

function format(article: ReturnType<Pipeline['run']>, as: Format): string {
  if (as === 'jsonl') return JSON.stringify(articleToJson(article)) + '\n';
  if (as === 'json') return JSON.stringify(articleToJson(article), null, 2) + '\n';
  return renderMarkdown(article) + '\n';
}
