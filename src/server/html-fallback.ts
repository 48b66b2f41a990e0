import { Parser } from 'htmlparser2';
import type { SourceDocument } from '../ingest/types.js';

/*
 * A minimal HTML-to-text reader used by the server until the ingest issue's extractor is wired
 * in: visible text only (script, style and friends dropped), block elements become paragraph
 * breaks, the <title> becomes meta.title. Nothing from the page is ever executed or kept as markup.
 */

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head']);
const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'tr', 'figcaption', 'header', 'footer']);

/** Extracts the readable text of an HTML page (paragraphs separated by blank lines). */
export function htmlToDocument(html: string, url?: string): SourceDocument {
  let skipping = 0;
  let inTitle = false;
  let title = '';
  const parts: string[] = [];
  const parser = new Parser({
    onopentag(name) {
      if (name === 'title') inTitle = true;
      else if (SKIP.has(name)) skipping++;
      if (BLOCK.has(name)) parts.push('\n\n');
    },
    onclosetag(name) {
      if (name === 'title') inTitle = false;
      else if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
      if (BLOCK.has(name)) parts.push('\n\n');
    },
    ontext(data) {
      if (inTitle) title += data;
      else if (!skipping) parts.push(data);
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  const text = parts.join('').split(/\n{2,}/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
  return { text, meta: { format: 'html', ...(title.trim() ? { title: title.trim() } : {}), ...(url ? { url } : {}) }, notices: [] };
}
