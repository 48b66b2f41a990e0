// npm run eval:stories — story clustering on ../shared/data/uci-stories (Google News groupings of
// headlines), BCubed P/R/F1. The 18 stories are split in two halves by a hash of the story id:
// parameters are tuned on half A only (grid below, `--tune`), and half B is reported as held out.
// Items are clustered in a seeded random arrival order (the file is sorted by story).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { clusterItems } from '../src/corpus/stories/batch.js';
import { STORY_PARAMS, StoryClusterer, type StoryParams } from '../src/corpus/stories/clusterer.js';
import { storyTerms } from '../src/corpus/stories/features.js';

/** Clusters as the store does: one online pass, document frequencies counted as items arrive. */
function onlineCluster(order: readonly StoryItem[], params: StoryParams): Array<{ id: string; story: string }> {
  const counts = new Map<string, number>();
  const df = { docs: 0, df: (t: string) => counts.get(t) ?? 0 };
  const clusterer = new StoryClusterer(df, params);
  const assigned = order.map((item) => {
    const terms = storyTerms(item);
    for (const t of terms.keys()) counts.set(t, (counts.get(t) ?? 0) + 1);
    df.docs++;
    return { id: item.id, story: clusterer.assign(item, terms).story };
  });
  // Later merges re-point earlier articles (the store updates their rows).
  const into = new Map(clusterer.takeMerges());
  const resolve = (s: string): string => (into.has(s) ? resolve(into.get(s)!) : s);
  return assigned.map((a) => ({ id: a.id, story: resolve(a.story) }));
}
import { bcubed } from '../src/corpus/stories/bcubed.js';
import type { StoryItem } from '../src/corpus/stories/features.js';
import { parseCsv } from '../src/corpus/csv.js';

const FILE = join(import.meta.dirname, '..', '..', 'shared', 'data', 'uci-stories', 'uci-news-aggregator-dev.csv');
if (!existsSync(FILE)) {
  console.error(`eval:stories needs ${FILE} (absent in a fresh clone)`);
  process.exit(0);
}
const [header, ...rows] = parseCsv(readFileSync(FILE, 'utf8'));
const col = (name: string) => header.indexOf(name);
const items = rows.filter((r) => r.length === header.length).map((r) => ({ id: r[col('ID')], title: r[col('TITLE')], outlet: r[col('PUBLISHER')], story: r[col('STORY')] }));
const half = (story: string) => (createHash('sha1').update(story).digest()[0] % 2 === 0 ? 'A' : 'B');

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function score(part: 'A' | 'B', params: StoryParams, online = false, seeds = [1, 2, 3]) {
  const subset = items.filter((i) => half(i.story) === part);
  const gold = new Map(subset.map((i) => [i.id, i.story]));
  const runs = seeds.map((seed) => {
    const order: StoryItem[] = shuffled(subset, seed).map(({ id, title, outlet }) => ({ id, title, outlet }));
    const out = online ? onlineCluster(order, params) : clusterItems(order, params);
    return bcubed(new Map(out.map((o) => [o.id, o.story])), gold);
  });
  const mean = (k: 'precision' | 'recall' | 'f1') => runs.reduce((s, r) => s + r[k], 0) / runs.length;
  return { items: subset.length, stories: new Set(subset.map((i) => i.story)).size, precision: mean('precision'), recall: mean('recall'), f1: mean('f1') };
}

const fmt = (r: ReturnType<typeof score>) => `${r.items} headlines, ${r.stories} stories: BCubed P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(3)}`;
if (process.argv.includes('--tune')) {
  for (const story of (process.env.GRID ?? "0.1,0.2,0.3").split(",").map(Number)) {
    for (const merge of (process.env.MERGE ?? '0.3,0.4,0.5').split(',').map(Number)) {
      const p = { ...STORY_PARAMS, story, merge };
      console.log(`story=${story} merge=${merge}  A: ${fmt(score('A', p))}`);
    }
  }
} else {
  console.log(`params: ${JSON.stringify(STORY_PARAMS)}`);
  console.log(`half A (tuning):   ${fmt(score('A', STORY_PARAMS))}`);
  console.log(`half B (held out): ${fmt(score('B', STORY_PARAMS))}`);
  // The store clusters online: one pass as articles arrive, merging stories as they grow.
  console.log(`online (store), half A (tuning):   ${fmt(score('A', STORY_PARAMS, true))}`);
  console.log(`online (store), half B (held out): ${fmt(score('B', STORY_PARAMS, true))}`);
}
