import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { SpinscopeError } from '../model/index.js';
import { NerModel } from '../annotate/entities/index.js';
import { tagConll } from '../annotate/entities/conll-tag.js';

/** `spinscope ner --conll <file>`: the CoNLL file echoed with a last column of IOB2 tags. */
export function nerCommand(): Command {
  return new Command('ner')
    .description('tag a CoNLL-2003 file: echoes it with a last column of predicted IOB2 tags')
    .requiredOption('--conll <file>', 'CoNLL-2003 file (token first column; -DOCSTART- and blank lines kept)')
    .action((options: { conll: string }) => {
      let content: string;
      try {
        content = readFileSync(options.conll, 'utf8');
      } catch {
        throw new SpinscopeError('input', `cannot read ${options.conll}`);
      }
      process.stdout.write(tagConll(content, NerModel.load()));
    });
}
