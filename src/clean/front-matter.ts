import type { ArticleMeta } from '../model/index.js';

/** The header keys read from a front-matter block, and the metadata field each fills. */
export const FRONT_MATTER_FIELDS: Record<string, keyof ArticleMeta> = {
  title: 'title', outlet: 'outlet', source: 'outlet', published: 'published', date: 'published',
  author: 'author', byline: 'author', section: 'section', url: 'url', language: 'language',
};

/** A header line: `Key: value`. */
const HEADER_LINE = /^([A-Za-z][\w-]{0,30}):[ \t]*(.*?)[ \t]*$/;
/** The line closing the header. */
const HEADER_END = /^-{3,}[ \t]*$/;
/** A front-matter block has at most this many lines before its `---`. */
const MAX_HEADER_LINES = 20;

export interface FrontMatter {
  meta: Partial<ArticleMeta>;
  /** Offset just after the closing `---` line (where the article proper begins). */
  end: number;
}

/**
 * Reads a front-matter header at the very top of a plain-text article: `Key: value` lines (at
 * least one with a known key: Title, Outlet, Published, Author, Section, Url, ...) closed by a
 * `---` line, as exported by many crawlers and note tools. The text itself is not changed.
 *
 * @example
 * parseFrontMatter('Outlet: Example Wire\nTitle: Port reopens\n---\nBody.')?.meta; // { outlet: 'Example Wire', title: 'Port reopens' }
 */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const meta: Partial<ArticleMeta> = {};
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let n = 0; n <= MAX_HEADER_LINES && offset < text.length; n++) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    offset = newline < 0 ? text.length : newline + 1;
    if (HEADER_END.test(line)) return Object.keys(meta).length && n > 0 ? { meta, end: offset } : undefined;
    const m = HEADER_LINE.exec(line);
    if (!m) return undefined;
    const field = FRONT_MATTER_FIELDS[m[1].toLowerCase()];
    if (field && m[2]) meta[field] = m[2];
  }
  return undefined;
}
