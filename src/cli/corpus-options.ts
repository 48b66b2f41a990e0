import { Command, InvalidArgumentError, Option } from 'commander';
import type { ArticleFilter } from '../corpus/index.js';
import { writeOut } from './write.js';

/** Checks a row count (the value stays a string, as commander's defaults are). */
function wholeNumber(value: string): string {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number such as 20');
  return value.trim();
}

/** Checks a date filter: the store compares ISO dates as text, so "yesterday" would silently match nothing. */
function isoDate(value: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value.trim())) throw new InvalidArgumentError('expected YYYY, YYYY-MM or YYYY-MM-DD');
  return value.trim();
}

/** Adds the article filter options shared by `search` and friends. */
export function withFilterOptions(cmd: Command): Command {
  cmd
    .requiredOption('--db <file>', 'corpus database')
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
