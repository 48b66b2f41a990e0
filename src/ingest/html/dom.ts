import { Parser } from 'htmlparser2';
import { KEEP_DISCLOSURE_BUTTONS, MAX_DEPTH, MAX_PARSE_DEPTH, SKIP_CONTENT_TAGS, VOID_TAGS } from './constants.js';

/** An element of the light tree the extractor works on. */
export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
  /** Depth from the root (root = 0). */
  depth: number;
  /** Document-order numbers at open and close: `a` contains `b` iff a.pre <= b.pre <= a.post. */
  pre: number;
  post: number;
  /** Characters of text inside (scripts and styles excluded), whitespace included. */
  chars: number;
}
export type Node = El | string;

/** What the parse collects besides the tree: head metadata and JSON-LD scripts. */
export interface ParsedPage {
  root: El;
  title: string;
  metas: { key: string; content: string }[];
  links: { rel: string; href: string }[];
  jsonLd: string[];
  lang?: string;
}

/**
 * Parses HTML into a light tree with htmlparser2 (tolerant of truncation and bad nesting).
 * Script/style content is skipped; elements nested deeper than MAX_DEPTH are flattened into their
 * ancestor so later walks stay shallow on hostile input.
 *
 * @example
 * const page = parsePage('<p>Hello <b>world</b></p>');
 */
export function parsePage(input: string): ParsedPage {
  const html = capNesting(input);
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null, depth: 0, pre: 0, post: Number.MAX_SAFE_INTEGER, chars: 0 };
  let order = 1;
  const page: ParsedPage = { root, title: '', metas: [], links: [], jsonLd: [] };
  let current = root;
  // One entry per element the parser opened: the El pushed, or null when flattened/skipped.
  const opened: (El | null)[] = [];
  let skipDepth = 0;
  let inTitle = false;
  let jsonLd: string[] | null = null;
  let inSvgOrHead = 0;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'meta') {
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? attribs['http-equiv'] ?? '').toLowerCase();
          if (key && attribs.content !== undefined) page.metas.push({ key, content: attribs.content });
          if (attribs.charset) page.metas.push({ key: 'charset', content: attribs.charset });
        } else if (name === 'link' && attribs.rel && attribs.href) {
          page.links.push({ rel: attribs.rel.toLowerCase(), href: attribs.href });
        } else if (name === 'html' && attribs.lang && !page.lang) {
          page.lang = attribs.lang;
        } else if (name === 'title' && !page.title && inSvgOrHead === 0) {
          inTitle = true;
        } else if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) {
          jsonLd = [];
        }
        if (name === 'svg') inSvgOrHead++;
        if (skipDepth > 0 || (SKIP_CONTENT_TAGS.has(name) && !(name === 'button' && disclosureButton(attribs)))) {
          if (!VOID_TAGS.has(name)) skipDepth++;
          opened.push(null);
          return;
        }
        if (current.depth >= MAX_DEPTH) {
          opened.push(null);
          return;
        }
        const el: El = { tag: name, attrs: attribs, children: [], parent: current, depth: current.depth + 1, pre: order++, post: Number.MAX_SAFE_INTEGER, chars: 0 };
        current.children.push(el);
        opened.push(el);
        current = el;
      },
      ontext(text) {
        if (inTitle) page.title += text;
        if (jsonLd) jsonLd.push(text);
        if (skipDepth > 0) return;
        current.chars += text.length;
        const last = current.children[current.children.length - 1];
        if (typeof last === 'string') current.children[current.children.length - 1] = last + text;
        else current.children.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'svg' && inSvgOrHead > 0) inSvgOrHead--;
        if (name === 'script' && jsonLd) {
          page.jsonLd.push(jsonLd.join(''));
          jsonLd = null;
        }
        const el = opened.pop();
        if (el === undefined) return;
        if (el === null) {
          if (skipDepth > 0 && !VOID_TAGS.has(name)) skipDepth--;
          return;
        }
        el.post = order++;
        if (el.parent) el.parent.chars += el.chars;
        current = el.parent ?? root;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  page.title = page.title.replace(/\s+/g, ' ').trim();
  return page;
}

/**
 * A button that opens a disclosure panel (an FAQ question above its answer: aria-expanded or
 * aria-controls): its label is text of the page (KEEP_DISCLOSURE_BUTTONS); other buttons are controls.
 */
function disclosureButton(attribs: Record<string, string>): boolean {
  return KEEP_DISCLOSURE_BUTTONS && (attribs['aria-expanded'] !== undefined || attribs['aria-controls'] !== undefined);
}

/** Tags browsers close implicitly: not counted as nesting by capNesting. */
const IMPLIED_CLOSE = new Set(['p', 'li', 'option', 'optgroup', 'dt', 'dd', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'rb', 'rt', 'rp']);

/**
 * Drops tags nested deeper than MAX_PARSE_DEPTH (and their matching closes) before parsing:
 * htmlparser2's open-element stack costs O(depth) per tag, so 100,000-deep nesting would take
 * minutes. Real pages never come close; the text of dropped levels is kept.
 */
export function capNesting(input: string): string {
  // Every tag ends at a '>': past the last one no tag can match, and a tag opening there ("<a<a<a…"
  // with no '>' after) made the pattern scan to the end of the text each time (quadratic).
  const cut = input.lastIndexOf('>') + 1;
  const html = cut === input.length ? input : input.slice(0, cut);
  const tail = cut === input.length ? '' : input.slice(cut);
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let deepest = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2].toLowerCase();
    if (VOID_TAGS.has(name) || IMPLIED_CLOSE.has(name) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_PARSE_DEPTH) break;
  }
  if (deepest <= MAX_PARSE_DEPTH) return input;
  depth = 0;
  let dropped = 0;
  return html.replace(tag, (whole, close: string, rawName: string, selfClose: string) => {
    const name = rawName.toLowerCase();
    if (VOID_TAGS.has(name) || selfClose) return whole;
    if (IMPLIED_CLOSE.has(name)) return depth >= MAX_PARSE_DEPTH ? '' : whole;
    if (close) {
      if (dropped > 0) {
        dropped--;
        return '';
      }
      depth = Math.max(0, depth - 1);
      return whole;
    }
    if (depth >= MAX_PARSE_DEPTH) {
      dropped++;
      return '';
    }
    depth++;
    return whole;
  }) + tail;
}

/** The value of a meta key (lower-case), or undefined. */
export function metaValue(page: ParsedPage, key: string): string | undefined {
  for (const m of page.metas) if (m.key === key && m.content.trim()) return m.content.trim();
  return undefined;
}

/** Depth-first walk over elements (iterative, document order). */
export function* walkElements(root: El): Generator<El> {
  const stack: El[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (typeof child !== 'string') stack.push(child);
    }
  }
}

/**
 * The text content of an element, whitespace collapsed (stops after about `limit` characters).
 * `strip` removes characters from each text node before the nodes are joined, so that an
 * invisible character between two words cannot glue or split them.
 */
export function textOf(el: El, limit = Infinity, strip?: RegExp): string {
  const parts: string[] = [];
  const stack: Node[] = [el];
  let size = 0;
  while (stack.length && size < limit) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(strip ? node.replace(strip, '') : node);
      size += node.length;
    }
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
