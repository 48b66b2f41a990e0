import { Command, CommanderError } from 'commander';
import { errorMessage } from '../model/index.js';
import { analyzeCommand } from './analyze.js';
import { extractCommand } from './extract.js';
/** Builds the `spinscope` command line: one file per command, registered here. */
export function buildProgram() {
    const program = new Command('spinscope')
        .description('Reads news the way a fact-checker does: quotes, sources, entities, figures, dates and persuasion techniques.')
        .version('0.1.0')
        .exitOverride();
    program.addCommand(analyzeCommand());
    program.addCommand(extractCommand());
    return program;
}
/** Runs the CLI and returns the exit code (0: done; 1: nothing could be done; 2: usage). */
export async function main(argv) {
    try {
        await buildProgram().parseAsync([...argv]);
        return typeof process.exitCode === 'number' ? process.exitCode : 0;
    }
    catch (err) {
        if (err instanceof CommanderError)
            return err.exitCode === 0 ? 0 : 2;
        process.stderr.write(`spinscope: ${errorMessage(err)}\n`);
        return 1;
    }
}
