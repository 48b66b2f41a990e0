import { Command } from 'commander';
import { readTextInput } from '../ingest/text.js';
import { clusterItems } from '../corpus/stories/batch.js';
import type { StoryItem } from '../corpus/stories/features.js';
import { SpinscopeError } from '../model/index.js';
import { writeLine } from './corpus-options.js';

/** `spinscope cluster <items.jsonl>`: lines {id, title, text?, published?, outlet?} → {id, story, thread}. */
export function clusterCommand(): Command {
  return new Command('cluster')
    .description('group items into stories (same event) and threads (same topic)')
    .argument('<items>', 'JSON lines {id, title, text?, published?, outlet?} (- for standard input)')
    .action(async (path: string) => {
      const { text } = await readTextInput(path);
      const items: StoryItem[] = [];
      text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        let v: any;
        try {
          v = JSON.parse(line);
        } catch {
          throw new SpinscopeError('bad-input', `${path}:${i + 1}: not JSON`);
        }
        if (v?.id === undefined || (typeof v.title !== 'string' && typeof v.text !== 'string')) throw new SpinscopeError('bad-input', `${path}:${i + 1}: needs an id and a title or text`);
        items.push({ id: String(v.id), title: v.title, text: v.text, published: v.published, outlet: v.outlet });
      });
      for (const line of clusterItems(items)) await writeLine(JSON.stringify(line));
    });
}
