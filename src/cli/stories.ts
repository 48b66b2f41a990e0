import { Command, Option } from 'commander';
import { openStore } from '../corpus/index.js';
import { countLine, renderTable } from './table.js';
import { dbPath, withPagingOptions } from './corpus-options.js';
import { SpinscopeError } from '../model/index.js';

/** `spinscope stories --db <file> [id] [--thread t] [--outlet o] [--json]` */
export function storiesCommand(): Command {
  const command = new Command('stories')
    .description('stories (same event) and threads (same topic) in a corpus; give an id for one story')
    .argument('[id]', 'a story id (s…)')
    .addOption(new Option('--db <file>', 'corpus database').makeOptionMandatory().argParser(dbPath))
    .option('--thread <id>', 'only stories of this thread')
    .option('--outlet <name>', 'only stories this outlet covered');
  return withPagingOptions(command).action(async (id: string | undefined, o: { db: string; thread?: string; outlet?: string; limit: string; offset: string; json?: boolean }) => {
      const store = await openStore(o.db, { readonly: true });
      try {
        if (id) {
          const story = await store.getStory(id, { limit: Number(o.limit), offset: Number(o.offset) });
          if (!story) throw new SpinscopeError('not-found', `no story ${id}`);
          if (o.json) return void process.stdout.write(JSON.stringify(story, null, 2) + '\n');
          process.stdout.write(`${story.id} (thread ${story.thread}): ${story.label}\n${story.size} articles, ${story.first ?? '?'} – ${story.last ?? '?'}\noutlets: ${story.outlets.join(', ')}\nentities: ${story.topEntities.join(', ')}\nspeakers: ${story.topSpeakers.join(', ')}\n`);
          process.stdout.write(renderTable(['id', 'published', 'outlet', 'title'], story.articles.map((a) => [a.id, a.published?.slice(0, 10), a.outlet, a.title])));
          const shown = story.offset + story.articles.length;
          if (shown < story.size) process.stdout.write(`articles ${story.offset + 1}–${shown} of ${story.size} (oldest first); more: --offset ${shown}\n`);
          return;
        }
        const page = await store.listStories({ thread: o.thread, outlet: o.outlet, limit: Number(o.limit), offset: Number(o.offset) });
        if (o.json) return void process.stdout.write(JSON.stringify(page, null, 2) + '\n');
        process.stdout.write(`${countLine(page.total, page.items.length, Number(o.offset), 'story', 'stories')}\n`);
        process.stdout.write(renderTable(['story', 'thread', 'articles', 'first', 'last', 'outlets', 'label', 'entities'], page.items.map((s) => [s.id, s.thread, s.size, s.first, s.last, s.outlets.length, s.label, s.topEntities.slice(0, 3)]), 48));
      } finally {
        await store.close();
      }
    });
}
