import { Command, CommanderError } from 'commander';
import { errorMessage, errorPath } from '../model/index.js';
import { guardStdout } from './write.js';
import { analyzeCommand } from './analyze.js';
import { serveCommand } from './serve.js';
import { techniquesCommand } from './techniques.js';
import { nerCommand } from './ner.js';
import { ingestCommand } from './ingest.js';
import { searchCommand } from './search.js';
import { storiesCommand } from './stories.js';
import { speakersCommand } from './speakers.js';
import { exportCommand } from './export.js';
import { clusterCommand } from './cluster.js';
import { reanalyzeCommand } from './reanalyze.js';
import { statsCommand } from './stats.js';
import { extractCommand } from './extract.js';

/** Builds the `spinscope` command line: one file per command, registered here. */
export function buildProgram(): Command {
  const program = new Command('spinscope')
    .description('Reads news the way a fact-checker does: quotes, sources, entities, figures, dates and persuasion techniques.')
    .version('0.1.0')
    .exitOverride();
  program.addCommand(analyzeCommand());
  program.addCommand(serveCommand());
  program.addCommand(techniquesCommand());
  program.addCommand(nerCommand());
  program.addCommand(ingestCommand());
  program.addCommand(searchCommand());
  program.addCommand(storiesCommand());
  program.addCommand(speakersCommand());
  program.addCommand(exportCommand());
  program.addCommand(clusterCommand());
  program.addCommand(reanalyzeCommand());
  program.addCommand(statsCommand());
  program.addCommand(extractCommand());
  program.commands.forEach((command) => command.exitOverride()); // usage errors exit 2, via main()
  return program;
}

/** Runs the CLI and returns the exit code (0: done; 1: nothing could be done; 2: usage). */
export async function main(argv: readonly string[]): Promise<number> {
  guardStdout(); // `spinscope … | head` ends quietly in every command
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const path = errorPath(err);
    process.stderr.write(`spinscope: ${path ? `${path}: ` : ''}${errorMessage(err)}\n`);
    return 1;
  }
}
