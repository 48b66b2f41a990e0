import { benchArticles } from './corpus.js';
import type { SourceDocument } from '../src/ingest/types.js';

/** Fictional outlets of the scale corpus (facets need more than one). */
export const SCALE_OUTLETS = ['Meridian Wire', 'Patriot Beacon', 'Harbor Ledger', 'Northgate Times', 'Civic Courier', 'Valley Sentinel', 'Eastline Post', 'Granite Herald', 'Lowland Daily', 'Summit Observer', 'Riverside Record', 'Coastal Chronicle'];
/** Sections of the scale corpus. */
export const SCALE_SECTIONS = ['World', 'Politics', 'Business', 'Opinion', 'Science', 'Local'];
/** First day of the scale corpus; article i is published on day ⌊i / perDay⌋ after it. */
export const SCALE_START = Date.UTC(2024, 0, 1);

/**
 * The scale corpus, lazily: article i is `mixedArticles`' article i (a PTC or generated title with
 * body lines drawn from three other articles, same seeded sequence), with an outlet, a section and a
 * publication date so that facets, date ranges and per-outlet statistics have something to count.
 * `perDay` articles a day (default 150: 100,000 articles span about 22 months).
 */
export function* scaleDocuments(n: number, from = 0, perDay = 150): Generator<SourceDocument> {
  const { texts } = benchArticles();
  const lines = texts.map((t) => t.split('\n').filter((l) => l.trim()));
  let s = 7;
  const rnd = (k: number) => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % k;
  for (let i = 0; i < n; i++) {
    const base = lines[i % lines.length];
    const donors = [rnd(lines.length), rnd(lines.length), rnd(lines.length)].map((d) => lines[d].slice(1));
    const body = Array.from({ length: Math.max(8, base.length - 1) }, () => { const d = donors[rnd(3)]; return d.length ? d[rnd(d.length)] : ''; });
    if (i < from) continue;
    const text = `${base[0]} (${i})\n\n${body.join('\n')}\n`;
    const published = new Date(SCALE_START + Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
    yield {
      text,
      meta: { format: 'text', outlet: SCALE_OUTLETS[(i * 7 + (i >> 5)) % SCALE_OUTLETS.length], section: SCALE_SECTIONS[(i * 5 + (i >> 3)) % SCALE_SECTIONS.length], published, origin: `scale/${i}` },
      notices: [],
    };
  }
}
