import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offsetMap } from '../../model/index.js';

/** One gold attribution of a brat (PolNeAR) file, in UTF-16 offsets of the article text. */
export interface GoldAttribution {
  content: [number, number][];
  source?: [number, number][];
  cue?: [number, number][];
  cueText: string;
}

/** A PolNeAR article: its text and gold attributions (one annotator's file). */
export interface GoldArticle { name: string; text: string; attributions: GoldAttribution[] }

/**
 * Parses brat standoff attribution annotations (`T` spans, `E` events linking Source, Cue,
 * Content). Offsets are code points in the file; they are converted to UTF-16 here.
 */
export function parseBrat(text: string, ann: string): GoldAttribution[] {
  const map = offsetMap(text);
  const spans = new Map<string, { ranges: [number, number][]; text: string }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [, ...rest] = cols[1].split(' ');
      const ranges = rest.join(' ').split(';').map((r) => r.trim().split(' ').map(Number)).filter((r) => r.length === 2 && r.every(Number.isFinite))
        .map(([a, b]) => [map.toUtf16(a), map.toUtf16(b)] as [number, number]);
      spans.set(cols[0], { ranges, text: cols[2] ?? '' });
    } else if (line.startsWith('E') && cols.length >= 2) events.push(cols[1]);
  }
  const out: GoldAttribution[] = [];
  for (const e of events) {
    const roles = new Map<string, string>();
    for (const part of e.split(' ')) {
      const [role, id] = part.split(':');
      if (role && id) roles.set(role.replace(/\d+$/, ''), id);
    }
    const content = spans.get(roles.get('Content') ?? '');
    if (!content?.ranges.length) continue;
    const cue = spans.get(roles.get('Cue') ?? '');
    out.push({ content: content.ranges, source: spans.get(roles.get('Source') ?? '')?.ranges, cue: cue?.ranges, cueText: cue?.text ?? '' });
  }
  return out;
}

/** Reads a PolNeAR split folder, keeping the first annotator's file (sorted) of each article. */
export function readPolnear(dir: string): GoldArticle[] {
  const files = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const seen = new Set<string>();
  const out: GoldArticle[] = [];
  for (const f of files) {
    const name = f.replace(/_[^_]+\.ann$/, '');
    if (seen.has(name)) continue;
    seen.add(name);
    const text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8');
    out.push({ name, text, attributions: parseBrat(text, readFileSync(join(dir, 'attributions', f), 'utf8')) });
  }
  return out;
}
