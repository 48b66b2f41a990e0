import { Command, Option } from 'commander';
import { openStore } from '../corpus/index.js';
import { renderTable } from './table.js';
import { dbPath, withPagingOptions } from './corpus-options.js';
import { SpinscopeError } from '../model/index.js';

/** `spinscope speakers --db <file> [id] [--query name] [--outlet o] [--json]` */
export function speakersCommand(): Command {
  const command = new Command('speakers')
    .description('people quoted across a corpus, merged over spelling variants; give an id for one speaker')
    .argument('[id]', 'a speaker id (p…)')
    .addOption(new Option('--db <file>', 'corpus database').makeOptionMandatory().argParser(dbPath))
    .option('--query <name>', 'names containing this')
    .option('--outlet <name>', 'only speakers this outlet quotes');
  return withPagingOptions(command).action(async (id: string | undefined, o: { db: string; query?: string; outlet?: string; limit: string; offset: string; json?: boolean }) => {
      const store = await openStore(o.db, { readonly: true });
      try {
        if (id) {
          const s = await store.getSpeaker(id);
          if (!s) throw new SpinscopeError('not-found', `no speaker ${id}`);
          if (o.json) return void process.stdout.write(JSON.stringify(s, null, 2) + '\n');
          const list = (xs: { value: string; count: number }[]) => xs.map((x) => `${x.value} (${x.count})`).join(', ');
          process.stdout.write(`${s.id} ${s.name}: ${s.quotes} quotes in ${s.articles} articles\nalso written: ${s.variants.join(' | ')}\nroles: ${s.roles.join(', ')}\naffiliations: ${s.affiliations.join(', ')}\noutlets: ${s.outlets.join(', ')}\nper month: ${list(s.overTime)}\nquoted with: ${list(s.coQuoted)}\ntechniques in quotes: ${list(s.techniques)}\n`);
          return;
        }
        const page = await store.listSpeakers({ query: o.query, outlet: o.outlet, limit: Number(o.limit), offset: Number(o.offset) });
        if (o.json) return void process.stdout.write(JSON.stringify(page, null, 2) + '\n');
        process.stdout.write(`${page.total} speakers\n`);
        process.stdout.write(renderTable(['speaker', 'name', 'quotes', 'articles', 'roles', 'affiliations', 'outlets'], page.items.map((s) => [s.id, s.name, s.quotes, s.articles, s.roles.slice(0, 3), s.affiliations.slice(0, 2), s.outlets.length]), 40));
      } finally {
        await store.close();
      }
    });
}
