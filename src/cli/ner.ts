import { Command } from 'commander';
import { readTextInput } from '../ingest/text.js';
import { NerModel } from '../annotate/entities/index.js';
import { tagConll } from '../annotate/entities/conll-tag.js';

/** `spinscope ner --conll <file>`: the CoNLL file echoed with a last column of IOB2 tags. */
export function nerCommand(): Command {
  return new Command('ner')
    .description('tag a CoNLL-2003 file: echoes it with a last column of predicted IOB2 tags')
    .requiredOption('--conll <file>', 'CoNLL-2003 file (token first column; -DOCSTART- and blank lines kept)')
    .action(async (options: { conll: string }) => {
      // Read with the size limit and decoded as any text input: binary data or an empty file is refused.
      const { text } = await readTextInput(options.conll);
      process.stdout.write(tagConll(text, NerModel.load()));
    });
}
