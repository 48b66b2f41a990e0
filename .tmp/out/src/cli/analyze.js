import { Command, Option } from 'commander';
import { Pipeline } from '../pipeline.js';
import { readSources, isReadFailure } from '../ingest/index.js';
import { articleToJson } from './output.js';
import { renderMarkdown } from './markdown.js';
/** `spinscope analyze <file|dir|url|->... [--format json|jsonl|md]` */
export function analyzeCommand() {
    return new Command('analyze')
        .description('analyse articles (text files, directories) and print every layer')
        .argument('[inputs...]', 'files (.txt, .html[.gz], .warc[.gz], .jsonl), directories, URLs, or - for standard input')
        .option('--feed <source...>', 'RSS/Atom/JSON feeds (URL or file): analyse each item\'s page, or its content when the page cannot be fetched')
        .option('--allow-private', 'allow fetching private, loopback and link-local addresses')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'jsonl', 'md']).default('json'))
        .action(async (inputs, options) => {
        if (inputs.length === 0 && !options.feed?.length)
            throw new Error('give at least one input or --feed');
        const pipeline = await Pipeline.build();
        let analysed = 0;
        let failed = 0;
        for await (const result of readSources(inputs, { feeds: options.feed, allowPrivate: options.allowPrivate })) {
            if (isReadFailure(result)) {
                failed++;
                process.stderr.write(`spinscope: ${result.error}\n`);
                continue;
            }
            const article = pipeline.run(result);
            analysed++;
            if (options.format === 'jsonl')
                process.stdout.write(JSON.stringify(articleToJson(article)) + '\n');
            else if (options.format === 'json')
                process.stdout.write(JSON.stringify(articleToJson(article), null, 2) + '\n');
            else
                process.stdout.write(renderMarkdown(article) + '\n');
        }
        if (analysed === 0)
            process.exitCode = 1;
        else if (failed)
            process.stderr.write(`spinscope: analysed ${analysed}, failed ${failed}\n`);
    });
}
