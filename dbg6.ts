import { mixedArticles } from './bench/ingest.bench.js';
import { StoryClusterer, STORY_PARAMS, type DocFrequencies } from './src/corpus/stories/clusterer.js';
import { storyTerms } from './src/corpus/stories/features.js';
import { textNames } from './src/corpus/stories/features.js';
const texts = mixedArticles(3000);
const items = texts.map((t, i) => { const title = t.slice(0, t.indexOf('\n')); return { id: String(i), title, text: t, entities: textNames(t) }; });
const variants: Record<string, Partial<typeof STORY_PARAMS>> = JSON.parse(process.argv[2] ?? '{"base":{}}');
for (const [name, v] of Object.entries(variants)) {
  const counts = new Map<string, number>();
  const df: DocFrequencies = { docs: 0, df: (t) => counts.get(t) ?? 0 };
  const c = new StoryClusterer(df, { ...STORY_PARAMS, ...v } as any);
  let c0 = 0; const t0 = process.cpuUsage().user;
  items.forEach((it, k) => {
    if (k === 2000) c0 = process.cpuUsage().user;
    const terms = storyTerms(it);
    for (const [t] of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    df.docs++;
    c.assign(it, terms);
  });
  const t1 = process.cpuUsage().user;
  console.log(name, 'all', ((t1 - t0) / 1000 / 3000).toFixed(2), 'steady', ((t1 - c0) / 1000 / 1000).toFixed(2), 'ms/article');
}
