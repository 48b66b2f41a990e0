import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Background document frequencies of story terms, counted once over unlabelled news sentences
 * (`npm run train:stories`, models/story-df.md). A batch or a young store counts its own
 * frequencies over few documents: a word common in news at large ("American", "asks") but rare in
 * the input then weighs like a name; the background says it is common.
 */
export interface BackgroundFrequencies {
  docs: number;
  counts: ReadonlyMap<string, number>;
}

export const BACKGROUND_DF_FILE = 'story-df.tsv';
const MODELS_DIR = join(import.meta.dirname, '..', '..', '..', 'models');

/** The table as text: a `docs` line, then `term<TAB>df` lines. */
export function encodeBackground(bg: BackgroundFrequencies): string {
  return [`\t${bg.docs}`, ...[...bg.counts].map(([t, n]) => `${t}\t${n}`)].join('\n') + '\n';
}

export function decodeBackground(text: string): BackgroundFrequencies {
  const lines = text.split('\n').filter(Boolean);
  const docs = Number(lines[0].slice(1));
  const counts = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const tab = line.lastIndexOf('\t');
    counts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return { docs, counts };
}

let loaded: BackgroundFrequencies | undefined | null = null;

/** The committed table (read once), or undefined when models/ has none. */
export function backgroundFrequencies(dir = MODELS_DIR): BackgroundFrequencies | undefined {
  if (dir !== MODELS_DIR) return existsSync(join(dir, BACKGROUND_DF_FILE)) ? decodeBackground(readFileSync(join(dir, BACKGROUND_DF_FILE), 'utf8')) : undefined;
  if (loaded === null) loaded = existsSync(join(dir, BACKGROUND_DF_FILE)) ? decodeBackground(readFileSync(join(dir, BACKGROUND_DF_FILE), 'utf8')) : undefined;
  return loaded;
}
