import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../testing/shared.js';

/** A news text for training or checking the tagger, with where it came from. */
export interface CorpusDoc {
  id: string;
  text: string;
}

/**
 * One in this many WCXB pages (by file number) is held out with PolNeAR dev: the tagger and
 * tokenizer are checked on text they were not tuned or trained on.
 */
const WCXB_DEV_EVERY = 10;

/**
 * News texts from ../shared/data, split into `train` (PTC train articles, PolNeAR train, nine in
 * ten WCXB main contents) and `dev` (PolNeAR dev, the other WCXB pages). Absent folders are
 * skipped; the caller says so when both splits come back empty.
 */
export function newsCorpus(dataDir = DATA_DIR): { train: CorpusDoc[]; dev: CorpusDoc[] } {
  const train: CorpusDoc[] = [];
  const dev: CorpusDoc[] = [];
  const readDir = (dir: string, into: CorpusDoc[], prefix: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.txt')) into.push({ id: `${prefix}/${name}`, text: readFileSync(join(dir, name), 'utf8') });
  };
  readDir(join(dataDir, 'ptc', 'train-articles'), train, 'ptc');
  readDir(join(dataDir, 'polnear', 'train', 'text'), train, 'polnear-train');
  readDir(join(dataDir, 'polnear', 'dev', 'text'), dev, 'polnear-dev');
  const wcxb = join(dataDir, 'wcxb-dev', 'ground-truth');
  if (existsSync(wcxb)) {
    for (const name of readdirSync(wcxb).sort()) {
      if (!name.endsWith('.json')) continue;
      const json = JSON.parse(readFileSync(join(wcxb, name), 'utf8')) as { ground_truth?: { main_content?: string } };
      const text = json.ground_truth?.main_content;
      if (!text) continue;
      (parseInt(name, 10) % WCXB_DEV_EVERY === 0 ? dev : train).push({ id: `wcxb/${name}`, text });
    }
  }
  return { train, dev };
}
