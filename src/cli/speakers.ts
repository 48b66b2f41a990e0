import { Command, Option } from 'commander';
import { openStore } from '../corpus/index.js';
import { countLine, renderTable } from './table.js';
import { dbPath, withPagingOptions } from './corpus-options.js';
import { SpinscopeError } from '../model/index.js';

/** `spinscope speakers --db <file> [id] [--query name] [--outlet o] [--json]` */
export function speakersCommand(): Command {
  const command = new Command('speakers')
    .description('people quoted across a corpus, merged over spelling variants, and unnamed sources ("officials") counted by label; give an id for one speaker')
    .argument('[id]', 'a speaker id (p…)')
    .addOption(new Option('--db <file>', 'corpus database').makeOptionMandatory().argParser(dbPath))
    .option('--query <name>', 'names containing this')
    .option('--outlet <name>', 'only speakers this outlet quotes')
    .addOption(new Option('--named', 'only named speakers').conflicts('unnamed'))
    .addOption(new Option('--unnamed', 'only unnamed sources ("officials", "a spokesperson")'));
  return withPagingOptions(command).action(async (id: string | undefined, o: { db: string; query?: string; outlet?: string; limit: string; offset: string; json?: boolean; named?: boolean; unnamed?: boolean }) => {
      const store = await openStore(o.db, { readonly: true });
      try {
        if (id) {
          const s = await store.getSpeaker(id);
          if (!s) throw new SpinscopeError('not-found', `no speaker ${id}`);
          if (o.json) return void process.stdout.write(JSON.stringify(s, null, 2) + '\n');
          const list = (xs: { value: string; count: number }[]) => xs.map((x) => `${x.value} (${x.count})`).join(', ');
          const who = s.generic ? `${s.id} ${s.name} (unnamed source: quotes credited to "${s.name}", not one person)` : `${s.id} ${s.name}`;
          const per = list(s.overTime.filter((p) => p.count > 0));
          process.stdout.write(`${who}: ${s.quotes} quotes in ${s.articles} articles\nalso written: ${s.variants.join(' | ')}\nroles: ${s.roles.join(', ')}\naffiliations: ${s.affiliations.join(', ')}\noutlets: ${s.outlets.join(', ')}\nper ${s.overTimeUnit}: ${per}\nquoted with: ${list(s.coQuoted)}\ntechniques in quotes: ${list(s.techniques)}\n`);
          return;
        }
        const generic = o.named ? false : o.unnamed ? true : undefined;
        const page = await store.listSpeakers({ query: o.query, outlet: o.outlet, generic, limit: Number(o.limit), offset: Number(o.offset) });
        if (o.json) return void process.stdout.write(JSON.stringify(page, null, 2) + '\n');
        const [one, many] = generic === true ? ['unnamed source', 'unnamed sources'] : generic === false ? ['named speaker', 'named speakers'] : ['speaker', 'speakers'];
        process.stdout.write(`${countLine(page.total, page.items.length, Number(o.offset), one, many)}\n`);
        process.stdout.write(renderTable(['speaker', 'name', 'kind', 'quotes', 'articles', 'roles', 'affiliations', 'outlets'], page.items.map((s) => [s.id, s.name, s.generic ? 'unnamed' : 'named', s.quotes, s.articles, s.roles.slice(0, 3), s.affiliations.slice(0, 2), s.outlets.length]), 40));
      } finally {
        await store.close();
      }
    });
}
