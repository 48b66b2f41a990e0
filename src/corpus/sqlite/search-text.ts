import { parseFrontMatter } from '../../clean/front-matter.js';

/**
 * Where the text a reader sees begins, for the full-text index: just after a front-matter header
 * (`Key: value` lines closed by `---`, as crawlers export them; the reader shows it as metadata,
 * not as article text), else 0. Stored as `articles.body_start` (schema 8), which the view
 * `articles_search` — the index's content — cuts the text at.
 *
 * The offset is in UTF-16 units here and in characters in SQLite's `substr`; they agree unless the
 * header holds an astral character or a NUL, and then the whole text is indexed (0), as before.
 *
 * @example
 * searchBodyStart('Outlet: Example Wire\n---\nBody.'); // 25
 */
export function searchBodyStart(text: string): number {
  const front = parseFrontMatter(text);
  if (!front) return 0;
  return /[\uD800-\uDFFF\0]/.test(text.slice(0, front.end)) ? 0 : front.end;
}
