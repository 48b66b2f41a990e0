import { Command } from 'commander';
import { openStore } from '../corpus/index.js';
import { withFilterOptions, filterOf } from './corpus-options.js';
import { renderTable } from './table.js';

/** `spinscope stats --db <file> [filters] [--json]`: totals, articles per day, techniques per outlet, top entities and speakers. */
export function statsCommand(): Command {
  return withFilterOptions(new Command('stats').description('corpus statistics: attention over time, techniques per outlet, top entities and speakers'))
    .action(async (options: Record<string, string | undefined>) => {
      const store = await openStore(options.db!, { readonly: true });
      try {
        const s = await store.stats(filterOf(options));
        if (options.json) return void process.stdout.write(JSON.stringify(s, null, 2) + '\n');
        const list = (xs: { value: string; count: number }[]) => xs.map((x) => `${x.value} (${x.count})`).join(', ');
        process.stdout.write(`${s.articles} articles, ${s.outlets} outlets, ${s.stories} stories, ${s.speakers} speakers\n`);
        if (s.sampledFrom) process.stdout.write(`(top entities, top speakers and the speaker count: from the ${s.sampledFrom} most recent of these articles)\n`);
        process.stdout.write(`top entities: ${list(s.topEntities)}\ntop speakers: ${list(s.topSpeakers)}\n`);
        if (s.perDay.length) process.stdout.write(`articles per day:\n${renderTable(['day', 'articles'], s.perDay.map((d) => [d.value, d.count]))}`);
        const techniques = [...new Set(Object.values(s.techniquesByOutlet).flatMap((t) => Object.keys(t)))].sort();
        if (techniques.length) process.stdout.write(`techniques per outlet:\n${renderTable(['outlet', ...techniques], Object.entries(s.techniquesByOutlet).map(([o, t]) => [o || '(none)', ...techniques.map((k) => t[k] ?? 0)]), 30)}`);
      } finally {
        await store.close();
      }
    });
}
