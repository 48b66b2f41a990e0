import { Command, Option } from 'commander';
import { openStore, EXPORT_KINDS, type ExportKind } from '../corpus/index.js';
import { csvLine } from '../corpus/csv.js';
import { dbPath, writeLine } from './corpus-options.js';

/** `spinscope export --db <file> --what articles|quotes|entities|techniques|stories|speakers --format jsonl|csv` */
export function exportCommand(): Command {
  return new Command('export')
    .description('stream a table of a corpus to stdout as JSON lines or CSV')
    .addOption(new Option('--db <file>', 'corpus database').makeOptionMandatory().argParser(dbPath))
    .addOption(new Option('--what <table>', 'what to export').choices([...EXPORT_KINDS]).default('articles'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .action(async (o: { db: string; what: ExportKind; format: 'jsonl' | 'csv' }) => {
      const store = await openStore(o.db, { readonly: true });
      try {
        let header: string[] | undefined;
        for await (const row of store.exportRecords(o.what)) {
          if (o.format === 'jsonl') {
            await writeLine(JSON.stringify(row));
            continue;
          }
          if (!header) await writeLine(csvLine((header = Object.keys(row))));
          await writeLine(csvLine(header.map((k) => row[k])));
        }
      } finally {
        await store.close();
      }
    });
}
