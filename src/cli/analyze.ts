import { Command, Option } from 'commander';
import { Pipeline } from '../pipeline.js';
import { readSources, isReadFailure } from '../ingest/index.js';
import { articleToJson } from './output.js';
import { renderMarkdown } from './markdown.js';

/** `spinscope analyze <file|dir|url|->... [--format json|jsonl|md]` */
export function analyzeCommand(): Command {
  return new Command('analyze')
    .description('analyse articles (text files, directories) and print every layer')
    .argument('<inputs...>', 'files, directories, URLs, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'jsonl', 'md']).default('json'))
    .action(async (inputs: string[], options: { format: 'json' | 'jsonl' | 'md' }) => {
      const pipeline = await Pipeline.build();
      let analysed = 0;
      let failed = 0;
      for await (const result of readSources(inputs)) {
        if (isReadFailure(result)) {
          failed++;
          process.stderr.write(`spinscope: ${result.error}\n`);
          continue;
        }
        const article = pipeline.run(result);
        analysed++;
        if (options.format === 'jsonl') process.stdout.write(JSON.stringify(articleToJson(article)) + '\n');
        else if (options.format === 'json') process.stdout.write(JSON.stringify(articleToJson(article), null, 2) + '\n');
        else process.stdout.write(renderMarkdown(article) + '\n');
      }
      if (analysed === 0) process.exitCode = 1;
      else if (failed) process.stderr.write(`spinscope: analysed ${analysed}, failed ${failed}\n`);
    });
}
