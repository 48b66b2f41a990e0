import { Command } from 'commander';
import { openStore } from '../corpus/index.js';
import { withFilterOptions, filterOf } from './corpus-options.js';
import { renderTable } from './table.js';

/** `spinscope search <query> --db <file> [filters] [--json]` */
export function searchCommand(): Command {
  return withFilterOptions(new Command('search').description('full-text search of a corpus, with facets').argument('<query>', 'words, "phrases", OR, NOT, prefix*'))
    .action(async (query: string, options: Record<string, string | undefined>) => {
      const store = await openStore(options.db!, { readonly: true });
      try {
        const r = await store.search(query, filterOf(options));
        if (options.json) return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
        process.stdout.write(`${r.total} articles match\n`);
        process.stdout.write(renderTable(['id', 'published', 'outlet', 'title', 'snippet'], r.items.map((h) => [h.id, h.published?.slice(0, 10), h.outlet, h.title, h.snippet]), 50));
        const shown = (filterOf(options).offset ?? 0) + r.items.length;
        if (shown < r.total) process.stdout.write(`more: --offset ${shown} (or --limit)\n`);
        if (r.facetsOver) process.stdout.write(`facets count the ${r.facetsOver} best matches\n`);
        for (const [name, counts] of Object.entries(r.facets)) {
          if (counts.length) process.stdout.write(`${name}: ${counts.map((c) => `${c.value} (${c.count})`).join(', ')}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
