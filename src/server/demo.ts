import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument } from '../ingest/types.js';

/** The demo corpus written for the project: fictional outlets, fictional events. */
export const DEMO_DIR = join(import.meta.dirname, '..', '..', 'demo', 'articles');

const HEADER_END = '---';
const HEADER_FIELDS: Record<string, 'outlet' | 'published' | 'title' | 'author' | 'section' | 'url'> = {
  outlet: 'outlet', published: 'published', title: 'title', author: 'author', section: 'section', url: 'url',
};

/**
 * Parses one demo file: `Key: value` header lines (Outlet, Published, Title, Author, Section,
 * Url), a `---` line, then the body. The article text is the title, a blank line and the body,
 * as crawled articles are.
 */
export function parseDemoArticle(source: string, origin: string): SourceDocument {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const end = lines.indexOf(HEADER_END);
  if (end < 0) throw new Error(`${origin}: no '---' line after the header`);
  const meta: SourceDocument['meta'] = { origin, format: 'text' };
  for (const line of lines.slice(0, end)) {
    const m = /^(\w+):\s*(.+)$/.exec(line.trim());
    const field = m && HEADER_FIELDS[m[1].toLowerCase()];
    if (field) meta[field] = m[2].trim();
  }
  const body = lines.slice(end + 1).join('\n').trim();
  const text = meta.title ? `${meta.title}\n\n${body}\n` : `${body}\n`;
  return { text, meta, notices: [] };
}

/** Reads every `*.txt` demo article in `dir`, in file-name order. */
export function readDemoCorpus(dir = DEMO_DIR): SourceDocument[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => parseDemoArticle(readFileSync(join(dir, f), 'utf8'), `demo/articles/${f}`));
}
