import { Command, InvalidArgumentError, Option } from 'commander';
import { isoDateProblem } from '../model/iso-date.js';
import type { ArticleFilter } from '../corpus/index.js';
import { writeOut } from './write.js';

/** Checks a row count (the value stays a string, as commander's defaults are). */
function wholeNumber(value: string): string {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number such as 20');
  return value.trim();
}

/** Checks a worker count (`--workers`): 0 to 64 threads ("1.5" made an array of that length fail, "1000" started a thousand threads). */
export function workerCount(value: string): string {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n > MAX_WORKERS) throw new InvalidArgumentError(`expected a whole number from 0 to ${MAX_WORKERS}`);
  return String(n);
}

/** Most analysis worker threads a command starts. */
export const MAX_WORKERS = 64;

/** Checks a transaction size (`--batch`): at least one article ("abc" never committed until the end). */
export function batchSize(value: string): string {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of articles, at least 1');
  return String(Number(value));
}

/** Checks a database path (`--db`): an empty one opened a temporary database that vanished with the process. */
export function dbPath(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('expected a file name');
  return value;
}

/** Checks a date filter: the store compares ISO dates as text, so "yesterday" would silently match nothing. */
export function isoDate(value: string): string {
  const problem = isoDateProblem(value.trim());
  if (problem) throw new InvalidArgumentError(problem);
  return value.trim();
}

/** Adds the article filter options shared by `search` and friends. */
export function withFilterOptions(cmd: Command): Command {
  cmd
    .addOption(new Option('--db <file>', 'corpus database').makeOptionMandatory().argParser(dbPath))
    .option('--outlet <name>', 'only this outlet')
    .option('--section <name>', 'only this section')
    .addOption(new Option('--from <date>', 'published on or after (ISO date)').argParser(isoDate))
    .addOption(new Option('--to <date>', 'published on or before (ISO date)').argParser(isoDate))
    .option('--entity <name>', 'mentioning this entity')
    .option('--speaker <name|id>', 'quoting this speaker')
    .option('--technique <name>', 'using this technique (PTC name)')
    .option('--story <id>', 'in this story');
  return withPagingOptions(cmd);
}

/** Adds `--limit`, `--offset` and `--json`, shared by every listing command. */
export function withPagingOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--limit <n>', 'rows to show').default('20').argParser(wholeNumber))
    .addOption(new Option('--offset <n>', 'rows to skip').default('0').argParser(wholeNumber))
    .option('--json', 'print JSON instead of a table');
}

/** The filter given by the shared options. */
export function filterOf(o: Record<string, string | undefined>): ArticleFilter {
  const f: ArticleFilter = { limit: Number(o.limit ?? 20), offset: Number(o.offset ?? 0) };
  for (const k of ['outlet', 'section', 'from', 'to', 'entity', 'speaker', 'technique', 'story'] as const) if (o[k]) f[k] = o[k];
  return f;
}

/** Writes a line to stdout, waiting when the pipe is full (streams of any length, `| head` safe). */
export function writeLine(line: string): Promise<void> {
  return writeOut(line + '\n');
}
