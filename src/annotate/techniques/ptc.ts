import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offsetMap } from '../../model/index.js';
import type { Range } from './decode.js';

/** A PTC article with its gold spans converted to UTF-16 offsets. */
export interface PtcArticle {
  id: string;
  text: string;
  /** Span identification gold (task 1). */
  spans: Range[];
  /** Technique classification gold (task 2). */
  labelled: (Range & { label: string })[];
}

/** The article id of a PTC file name (`article123.txt` → `123`), or undefined. */
export function articleIdOf(fileName: string): string | undefined {
  return /^article(\w+)\.txt$/.exec(fileName)?.[1];
}

/** Parses a PTC label file (tab-separated only: technique names contain commas). */
export function parseLabelLines(content: string): string[][] {
  return content
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
}

/**
 * Reads a PTC folder (`train-articles/`, `train-task1-SI.labels`, `train-task2-TC.labels`),
 * converting code-point offsets to UTF-16. Articles are sorted by id.
 */
export function readPtc(dir: string, split = 'train'): PtcArticle[] {
  const articleDir = join(dir, `${split}-articles`);
  const si = parseLabelLines(readFileSync(join(dir, `${split}-task1-SI.labels`), 'utf8'));
  const tc = parseLabelLines(readFileSync(join(dir, `${split}-task2-TC.labels`), 'utf8'));
  const articles = new Map<string, PtcArticle>();
  for (const name of readdirSync(articleDir).sort()) {
    const id = articleIdOf(name);
    if (id) articles.set(id, { id, text: readFileSync(join(articleDir, name), 'utf8'), spans: [], labelled: [] });
  }
  const maps = new Map<string, ReturnType<typeof offsetMap>>();
  const mapOf = (a: PtcArticle) => maps.get(a.id) ?? maps.set(a.id, offsetMap(a.text)).get(a.id)!;
  for (const [id, start, end] of si) {
    const a = articles.get(id);
    if (!a) continue;
    const m = mapOf(a);
    a.spans.push({ start: m.toUtf16(Number(start)), end: m.toUtf16(Number(end)) });
  }
  for (const [id, label, start, end] of tc) {
    const a = articles.get(id);
    if (!a) continue;
    const m = mapOf(a);
    a.labelled.push({ label, start: m.toUtf16(Number(start)), end: m.toUtf16(Number(end)) });
  }
  return [...articles.values()];
}
