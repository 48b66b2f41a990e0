import { Command } from 'commander';
import type { ArticleFilter } from '../corpus/index.js';
import { writeOut } from './write.js';

/** Adds the article filter options shared by `search` and friends. */
export function withFilterOptions(cmd: Command): Command {
  cmd
    .requiredOption('--db <file>', 'corpus database')
    .option('--outlet <name>', 'only this outlet')
    .option('--section <name>', 'only this section')
    .option('--from <date>', 'published on or after (ISO date)')
    .option('--to <date>', 'published on or before (ISO date)')
    .option('--entity <name>', 'mentioning this entity')
    .option('--speaker <name|id>', 'quoting this speaker')
    .option('--technique <name>', 'using this technique (PTC name)')
    .option('--story <id>', 'in this story');
  return withPagingOptions(cmd);
}

/** Adds `--limit`, `--offset` and `--json`, shared by every listing command. */
export function withPagingOptions(cmd: Command): Command {
  return cmd
    .option('--limit <n>', 'rows to show', '20')
    .option('--offset <n>', 'rows to skip', '0')
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
