import * as K from './constants.js';
import { textOf, type El, type Node } from './dom.js';
import { parseTextDate } from './dates.js';

/** A run of text between block boundaries, with the block element that holds it. */
export interface Block {
  text: string;
  el: El;
  /** Characters of the block inside links. */
  linkChars: number;
  heading: boolean;
  caption: boolean;
}

/** Which fallback stage produced the body. */
export type BodyStage = 'selector' | 'score' | 'score-lenient' | 'all-blocks' | 'raw-text';

export interface BodyResult {
  blocks: Block[];
  stage: BodyStage;
  /** Stages tried, in order, with the characters each produced. */
  tries: string[];
}

/**
 * Whole class/id tokens of an element. A heading's id is left out when K.HEADING_ID_IS_ANCHOR:
 * it is an anchor slug made from the heading's words ("toc-heading-3", "related-research"), not
 * a furniture marker.
 */
function classTokens(el: El): string[] {
  const id = K.HEADING_ID_IS_ANCHOR && K.HEADING_TAGS.has(el.tag) ? '' : el.attrs.id ?? '';
  const cls = `${el.attrs.class ?? ''} ${id}`.trim();
  return cls ? cls.split(/\s+/) : [];
}

/** True when a hyphen/underscore/camelCase component of a class token is a strong furniture word. */
function junkPart(token: string): boolean {
  // Cheap substring screen first: almost no class token contains any of the words.
  if (!JUNK_PART_SCREEN.test(token)) return false;
  for (const p of token.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[-_]+/)) if (K.JUNK_CLASS_PARTS.has(p)) return true;
  return false;
}
const JUNK_PART_SCREEN = new RegExp([...K.JUNK_CLASS_PARTS].join('|'), 'i');

/** Class weight: +1 content, -1 junk, 0 neither (content wins). */
export function classSignal(el: El, parts = true): number {
  const tokens = classTokens(el);
  if (tokens.length === 0) return 0;
  let junk = false;
  for (const t of tokens) {
    if (K.CONTENT_CLASS.test(t)) return 1;
    // BEM names: "elementor-post__excerpt" is judged by its element part too.
    const bem = t.indexOf('__');
    if (!junk && (K.JUNK_CLASS.test(t) || (parts && junkPart(t)) || (K.JUDGE_BEM && bem > 0 && K.JUNK_CLASS.test(t.slice(bem + 2))))) junk = true;
  }
  return junk ? -1 : 0;
}

/** True for hidden elements. */
function isHidden(el: El, byClass: boolean): boolean {
  const a = el.attrs;
  // Streaming renderers (React/Next.js) park the real page in <div hidden id="S:0"> until scripts move it.
  if (a.hidden !== undefined && /^S:\d+$/.test(a.id ?? '')) return false;
  const hidden = a.hidden !== undefined || a['aria-hidden'] === 'true' || (a.style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) || (byClass && hiddenByClass(a.class));
  return hidden && !collapsedPanel(el);
}

/**
 * True for CSS-framework classes that hide an element at every screen size ("d-none", "hidden",
 * "tw:hidden"), unless another class shows it from some width up ("d-none d-md-block",
 * "hidden lg:flex"): then it is visible on desktops. Body only: a hidden h1 often carries the
 * page's plain headline for screen readers, which metadata still reads. Not for layout wrappers
 * holding most of the page ("root hide" until a script reveals the page).
 */
function hiddenByClass(cls: string | undefined): boolean {
  if (!cls || !K.HIDDEN_CLASS_SCREEN.test(cls)) return false;
  const tokens = cls.split(/\s+/);
  return tokens.some((t) => K.HIDDEN_CLASS.test(t)) && !tokens.some((t) => K.SHOWN_FROM_WIDTH_CLASS.test(t));
}

/**
 * A collapsed disclosure panel (accordion answer, "read more" section): hidden until the reader
 * opens it, so it is content, not furniture. Known by a collapse/accordion name, by the button
 * that labels it (aria-labelledby) or by a zero height.
 */
function collapsedPanel(el: El): boolean {
  const a = el.attrs;
  if (a['aria-labelledby'] !== undefined || (a.style !== undefined && K.COLLAPSED_STYLE.test(a.style))) return true;
  return K.COLLAPSED_PANEL.test(`${a.class ?? ''} ${a.id ?? ''} ${a['data-theme-key'] ?? ''}`);
}

/** Page furniture: by tag, role, hidden state, and (unless lenient) class/id words. */
export function isJunk(el: El, lenient: boolean, pageChars = Infinity, parts = true): boolean {
  if (el.tag === 'head' || el.tag === 'title') return true;
  // A "furniture" element holding most of the page's text is a layout wrapper (a page-wide
  // <form>, "sidebar-container", "newsletter-wrapper"), not furniture.
  const wrapper = el.chars >= K.WRAPPER_TEXT_SHARE * pageChars;
  if (K.JUNK_TAGS.has(el.tag)) return !wrapper;
  const role = el.attrs.role;
  // A dialog is never the page's layout wrapper, however much text it holds (cookie settings with their tables).
  if (role && K.JUNK_ROLES.has(role.toLowerCase())) return !wrapper || K.ALWAYS_JUNK_ROLES.has(role.toLowerCase());
  if (lenient) return false;
  return isHidden(el, parts && !wrapper) || (!wrapper && !K.NEVER_JUNK_BY_CLASS.has(el.tag) && classSignal(el, parts) < 0 && !(parts && proseUnderLinkListClass(el)));
}

/**
 * True when every furniture word of the element's class/id names a link list (table of contents,
 * menu, tags) but the element holds prose: few of its characters are in links. Content plugins
 * mark article sections "toc-section" / "toc-para" for the contents box they build.
 */
function proseUnderLinkListClass(el: El): boolean {
  if (el.chars < K.LINK_LIST_CLASS_MIN_CHARS) return false;
  for (const t of classTokens(el)) if (K.JUNK_CLASS.test(t) && !K.LINK_LIST_CLASS.test(t)) return false;
  if (JUNK_PART_SCREEN.test(`${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`) && classTokens(el).some(junkPart)) return false;
  return linkChars(el) < K.LINK_LIST_CLASS_MAX_LINK_SHARE * el.chars;
}

/** Number of words of an element's text. */
function words(el: El): number {
  return textOf(el, 400).split(' ').filter(Boolean).length;
}

/** Characters of text inside links under an element. */
function linkChars(el: El): number {
  let n = 0;
  for (const c of el.children) if (typeof c !== 'string') n += c.tag === 'a' ? c.chars : linkChars(c);
  return n;
}

/** Splits the tree into text blocks (document order), skipping furniture. */
export function collectBlocks(root: El, lenient: boolean): { blocks: Block[]; rules: number[] } {
  const blocks: Block[] = [];
  /** Document-order numbers of the horizontal rules (<hr>) outside furniture. */
  const rules: number[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let owner: El = root;
  let inLink = 0;
  let inCaption = 0;
  // The number of an ordered list's item, written before its first text (K.ORDERED_LIST_NUMBERS).
  let marker = '';
  const nextNumber = new Map<El, number>();
  // Set when an inline element opened or closed since the last text: words on either side of
  // such an edge may be separate words the page lays out apart (K.INLINE_EDGE_SPACE).
  let edge = false;

  const flush = () => {
    if (parts.length === 0) return;
    let text = parts.join('');
    text = text.includes('\n') ? text.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n+/g, '\n').trim() : text.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, el: owner, linkChars, heading: K.HEADING_TAGS.has(owner.tag), caption: inCaption > 0 });
    parts = [];
    linkChars = 0;
  };

  const visit = (el: El) => {
    const block = K.BLOCK_TAGS.has(el.tag);
    const saved = owner;
    if (block) {
      flush();
      owner = el;
    }
    if (el.tag === 'a') inLink++;
    if (el.tag === 'figcaption') inCaption++;
    if (K.ORDERED_LIST_NUMBERS && el.tag === 'li') marker = listMarker(el, nextNumber);
    if (!block && !K.ATTACHED_INLINE_TAGS.has(el.tag)) edge = true;
    for (const child of el.children) visitNode(child);
    if (!block && !K.ATTACHED_INLINE_TAGS.has(el.tag)) edge = true;
    if (el.tag === 'li') marker = '';
    if (el.tag === 'a') inLink--;
    if (block) {
      flush();
      owner = saved;
    }
    if (el.tag === 'figcaption') inCaption--;
  };
  const visitNode = (node: Node) => {
    if (typeof node === 'string') {
      const t = node.replace(/\s+/g, ' ');
      if (t === ' ' && parts.length === 0) return;
      if (marker && t.trim()) {
        if (!K.LIST_NUMBER_WRITTEN.test(t)) parts.push(marker);
        marker = '';
      }
      if (edge && K.INLINE_EDGE_SPACE && parts.length && gluedAtEdge(parts[parts.length - 1], t)) parts.push(' ');
      edge = false;
      parts.push(t);
      if (inLink > 0) linkChars += t.trim().length;
      return;
    }
    if (node.tag === 'br') {
      parts.push('\n');
      return;
    }
    if (node.tag === 'img' || isJunk(node, lenient, root.chars)) return;
    // A disclosure button kept by the parser (dom.ts) counts when it is a question or title, not a short control label.
    if (node.tag === 'button' && words(node) < K.DISCLOSURE_BUTTON_MIN_WORDS) return;
    if (node.tag === 'hr') rules.push(node.pre);
    visit(node);
  };
  visit(root);
  flush();
  return { blocks, rules };
}

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
/**
 * True when two texts meeting at an inline element's edge would glue two words into one with a
 * capital inside ("Total Time" + "12 hrs" stays; "Williams" + "Shipwreck" gets a space): such
 * spans are laid out apart by the page's style (labels and values, artist and album).
 */
function gluedAtEdge(before: string, after: string): boolean {
  const a = before.charAt(before.length - 1);
  const b = after.charAt(0);
  return LOWER.test(a) && UPPER.test(b);
}

/**
 * The number a browser shows before an item of an ordered list ("3. "), counting from the list's
 * start attribute or the item's value; '' for items of unordered lists and of lists whose
 * markers are switched off inline (list-style: none).
 */
function listMarker(li: El, next: Map<El, number>): string {
  const list = li.parent;
  if (!list || list.tag !== 'ol' || K.NO_LIST_MARKER_STYLE.test(list.attrs.style ?? '') || K.NO_LIST_MARKER_STYLE.test(li.attrs.style ?? '')) return '';
  const value = Number.parseInt(li.attrs.value ?? '', 10);
  const start = Number.parseInt(list.attrs.start ?? '', 10);
  const n = Number.isFinite(value) ? value : next.get(list) ?? (Number.isFinite(start) ? start : 1);
  next.set(list, n + 1);
  return `${n}. `;
}

function contains(outer: El, inner: El): boolean {
  return outer.pre <= inner.pre && inner.pre <= outer.post;
}

function linkDensity(b: Block): number {
  return b.text.length ? b.linkChars / b.text.length : 0;
}

/** The content value of one block: prose counts its length, link lists and crumbs count against. */
function blockValue(b: Block): number {
  const len = b.text.length;
  const ld = linkDensity(b);
  if (b.heading) return K.HEADING_VALUE;
  if (ld > K.MAX_LINK_DENSITY) return -len * K.LINK_TEXT_PENALTY;
  if (len >= K.PROSE_CHARS && ld < K.SHORT_LINK_DENSITY) return len;
  if (len >= K.MIN_SCORING_CHARS) return len * K.MEDIUM_BLOCK_WEIGHT * (1 - ld);
  return -K.SHORT_BLOCK_PENALTY;
}

/**
 * Chooses the container whose subtree holds the most net content: the sum of block values,
 * plus a bonus for article-ish tags and classes. Link lists and crumbs make a subtree that
 * reaches into sidebars and footers lose to the tighter article container.
 */
export function scoreContainers(blocks: readonly Block[]): { selected: El[]; top: El | null } {
  const net = new Map<El, number>();
  for (const b of blocks) {
    const v = blockValue(b);
    for (let el: El | null = b.el; el; el = el.parent) net.set(el, (net.get(el) ?? 0) + v);
  }
  let top: El | null = null;
  let best = -Infinity;
  for (const [el, v] of net) {
    if (el.tag === '#root') continue;
    const bonus = 1 + (K.TAG_BONUS[el.tag] ?? 0) + classSignal(el) * K.CLASS_BONUS;
    const f = v > 0 ? v * bonus : v;
    if (f > best) {
      best = f;
      top = el;
    }
  }
  // Prefer the most specific container that keeps nearly all the net content (drops edges of wrappers).
  if (top) {
    const floor = best * (1 - K.DEEPER_SLACK);
    const outer: El = top;
    for (const [el, v] of net) {
      if (el.depth <= top.depth || !K.CONTAINER_TAGS.has(el.tag) || !contains(outer, el)) continue;
      const bonus = 1 + (K.TAG_BONUS[el.tag] ?? 0) + classSignal(el) * K.CLASS_BONUS;
      if ((v > 0 ? v * bonus : v) >= floor) top = el;
    }
  }
  if (process.env.SPINSCOPE_DEBUG_EXTRACT) {
    for (const [el, f] of [...net].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.error('cand', f.toFixed(1), el.tag, el.attrs.class?.slice(0, 60));
  }
  if (!top) return { selected: [], top };
  const chosen = withSiblings(top, net);
  return K.ARTICLE_PROSE_GAIN > 0 ? widenToArticle(chosen, blocks) : chosen;
}

/** The container with its siblings that carry substantial net content (split article bodies). */
function withSiblings(top: El, net: ReadonlyMap<El, number>): { selected: El[]; top: El } {
  const selected = [top];
  const topNet = net.get(top) ?? 0;
  if (top.parent && topNet > 0) {
    for (const sib of top.parent.children) {
      if (typeof sib === 'string' || sib === top) continue;
      if ((net.get(sib) ?? 0) >= K.SIBLING_NET_SHARE * topNet) selected.push(sib);
    }
    // Joining siblings that outweigh the container: the parent is the article (K.PARENT_WHEN_SIBLINGS).
    const joined = selected.slice(1).reduce((n, el) => n + (net.get(el) ?? 0), 0);
    if (K.PARENT_WHEN_SIBLINGS > 0 && joined >= K.PARENT_WHEN_SIBLINGS * topNet && top.parent.tag !== 'body' && top.parent.tag !== 'html') return { selected: [top.parent], top: top.parent };
  }
  return { selected, top };
}

/**
 * The nearest article-like ancestor of the chosen container (an <article> or <main>, or named as
 * content: K.CONTENT_CLASS) replaces it when it holds K.ARTICLE_PROSE_GAIN times the prose of the
 * selection: link lists inside the article (lists of linked items, sources, sponsors) pulled its
 * net score below one of its paragraphs or sections.
 */
function widenToArticle(chosen: { selected: El[]; top: El }, blocks: readonly Block[]): { selected: El[]; top: El } {
  let article: El | null = chosen.top.parent;
  while (article && article.tag !== 'body' && article.tag !== 'html' && !(article.tag === 'article' || article.tag === 'main' || classSignal(article) > 0)) article = article.parent;
  if (!article || article.tag === 'body' || article.tag === 'html') return chosen;
  let own = 0;
  let wide = 0;
  for (const b of blocks) {
    const v = blockValue(b);
    if (v <= 0) continue;
    if (chosen.selected.some((el) => contains(el, b.el))) own += v;
    if (contains(article, b.el)) wide += v;
  }
  return wide >= K.ARTICLE_PROSE_GAIN * own ? { selected: [article], top: article } : chosen;
}

/** For each position, the length of the run of consecutive true values it belongs to (0 for false). */
function linkRuns(dense: readonly boolean[]): number[] {
  const run = new Array<number>(dense.length).fill(0);
  for (let i = 0; i < dense.length; ) {
    let j = i;
    while (j < dense.length && dense[j]) j++;
    for (let k = i; k < j; k++) run[k] = j - i;
    i = j === i ? i + 1 : j;
  }
  return run;
}

/** Furniture lines (pattern, longest block it applies to): see each constant for why. */
const FURNITURE_LINES: readonly (readonly [RegExp, number])[] = [
  [K.JUNK_LINE, K.JUNK_LINE_MAX_CHARS],
  [K.BOILERPLATE_LINE, K.BOILERPLATE_LINE_MAX_CHARS],
  [K.PLACEHOLDER_TEXT, Infinity],
  [K.CROSS_LINK_LINE, K.CROSS_LINK_MAX_CHARS],
  [K.SIGNUP_CTA, K.SIGNUP_CTA_MAX_CHARS],
  [K.SHOP_BUTTON, K.SHOP_BUTTON_MAX_CHARS],
  [K.LEGAL_LINE, K.LEGAL_LINE_MAX_CHARS],
  [K.UI_MESSAGE, K.UI_MESSAGE_MAX_CHARS],
  [K.PHOTO_CREDIT, K.PHOTO_CREDIT_MAX_CHARS],
  [K.AFFILIATE_DISCLOSURE, K.AFFILIATE_DISCLOSURE_MAX_CHARS],
  [K.BYLINE_LINE, K.BYLINE_LINE_MAX_CHARS],
  [K.CITATION_LINE, K.CITATION_LINE_MAX_CHARS],
];

/** Drops blocks that are link lists or furniture lines even inside the article. */
export function filterBlocks(blocks: readonly Block[], title: string | undefined, author?: string): Block[] {
  const key = (x: string) => x.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
  const t = title ? key(title) : undefined;
  // Link-dense blocks between the first and the last prose block of the body, in runs of at most
  // K.MAX_INLINE_LINK_RUN, are part of the article (a linked line, a short list of sources; labelled cross-link lines go by K.CROSS_LINK_LINE);
  // before the first prose or after the last they are navigation and related-links furniture.
  let first = -1;
  let last = -1;
  blocks.forEach((b, i) => {
    if (!b.heading && b.text.length >= K.PROSE_CHARS && linkDensity(b) < K.SHORT_LINK_DENSITY) {
      if (first < 0) first = i;
      last = i;
    }
  });
  const dense = blocks.map((b) => {
    const ld = linkDensity(b);
    return ld > K.MAX_LINK_DENSITY || (b.text.length < K.SHORT_BLOCK_CHARS && ld > K.SHORT_LINK_DENSITY);
  });
  const run = linkRuns(dense);
  const kept = blocks.filter((b, i) => {
    if (dense[i] && !(i > first && i < last && (run[i] <= K.MAX_INLINE_LINK_RUN || linkedListItem(b)))) return false;
    if (FURNITURE_LINES.some(([pattern, max]) => b.text.length <= max && pattern.test(b.text))) return false;
    if (t && b.heading && key(b.text) === t) return false;
    return true;
  });
  return dropTrailingHeadings(dropAboutAuthor(dropAuthorLine(dropAuthorBio(dropTeaserCards(kept), author), author)));
}

/**
 * Tag and first class words of an element, numbered words left out ("post-4185"): how repeated
 * cards of one list are recognised (later words name each card's categories).
 */
const signature = (el: El) => `${el.tag}.${(el.attrs.class ?? '').split(/\s+/).filter((t) => !/\d/.test(t)).slice(0, K.TEASER_SIGNATURE_CLASSES).join(' ')}`;

/**
 * Drops teaser cards: lists of at least K.TEASER_MIN_CARDS sibling elements of one tag and class
 * ("Latest news", "Read this next", archive rows), each holding a linked title and a date line.
 * They point to other articles; an article's own list items carry no publication dates.
 */
function dropTeaserCards(blocks: Block[]): Block[] {
  if (!K.DROP_TEASER_CARDS) return blocks;
  const cards = new Map<El, Set<El>>();
  for (const b of blocks) {
    if (b.text.length > K.TEASER_DATE_MAX_CHARS || !parseTextDate(b.text)) continue;
    let el: El | null = b.el;
    for (let up = 0; el?.parent && up <= K.TEASER_CARD_MAX_UP; up++, el = el.parent) {
      const sig = signature(el);
      let same = 0;
      for (const c of el.parent.children) if (typeof c !== 'string' && signature(c) === sig) same++;
      if (same < K.TEASER_MIN_CARDS) continue;
      const card = el;
      if (!blocks.some((x) => x !== b && contains(card, x.el) && linkDensity(x) > K.MAX_LINK_DENSITY)) break;
      const set = cards.get(el.parent) ?? new Set<El>();
      set.add(el);
      cards.set(el.parent, set);
      break;
    }
  }
  const drop: El[] = [];
  for (const [parent, set] of cards) {
    if (set.size < K.TEASER_MIN_CARDS) continue;
    const sig = signature([...set][0]);
    for (const c of parent.children) if (typeof c !== 'string' && signature(c) === sig) drop.push(c);
  }
  if (!drop.length) return blocks;
  const kept = blocks.filter((b) => !drop.some((c) => contains(c, b.el)));
  // A page that is such a list (an events calendar, an archive) keeps it: it is the content.
  return bodyChars(kept) >= (1 - K.TEASER_MAX_BODY_SHARE) * bodyChars(blocks) ? kept : blocks;
}

/**
 * True for a linked list item of the article (a patch title, a source, a course name): inside an
 * <li> and at least K.LINKED_ITEM_MIN_CHARS long. Between the body's first and last prose such
 * items stay in runs of any length; short ones (menus, tag rows) go by K.MAX_INLINE_LINK_RUN.
 */
function linkedListItem(b: Block): boolean {
  return b.text.length >= K.LINKED_ITEM_MIN_CHARS && inListItem(b.el);
}

/** True for an element inside a <header>. */
function inHeader(el: El): boolean {
  for (let e: El | null = el; e && e.depth > 0; e = e.parent) if (e.tag === 'header') return true;
  return false;
}

/** True for an element inside an <li>. */
function inListItem(el: El): boolean {
  for (let e: El | null = el; e && e.depth > 0; e = e.parent) if (e.tag === 'li') return true;
  return false;
}

/** Headings at the very end of the body introduce nothing: what they headed was furniture ("Related posts", "Share this"). */
function dropTrailingHeadings(blocks: Block[]): Block[] {
  let end = blocks.length;
  while (end > 1 && blocks[end - 1].heading) end--;
  return end === blocks.length ? blocks : blocks.slice(0, end);
}

/** Full names (at least two words) in an author field ("A. Writer and B. Critic", "A, B"). */
function authorNames(author: string | undefined): string[] {
  if (!author) return [];
  return author.split(K.AUTHOR_NAME_SPLIT).map((n) => n.trim()).filter((n) => n.split(/\s+/).length >= 2);
}

/**
 * Drops the author's bio or signature after the article: from a short block among the last
 * K.AUTHOR_BIO_TAIL_BLOCKS that starts with an author's full name ("Ann Lee is a reporter who…",
 * "Ann Lee") to the end (the bio's further lines: "Ann holds a degree…"). It describes the writer,
 * not the story.
 */
function dropAuthorBio(blocks: Block[], author: string | undefined): Block[] {
  const names = authorNames(author);
  if (!names.length) return blocks;
  const from = Math.max(0, blocks.length - K.AUTHOR_BIO_TAIL_BLOCKS);
  // Never empty the body: the first block stays. The bio runs to the end of the body.
  const bio = (b: Block) => b.text.length <= K.AUTHOR_BIO_MAX_CHARS && names.some((n) => startsWithName(b.text, n));
  for (let i = Math.max(1, from); i < blocks.length; i++) if (bio(blocks[i])) return blocks.slice(0, i);
  return blocks;
}

/**
 * Drops an author box at the end of the body: from a short block among the last
 * K.AUTHOR_LINE_TAIL_BLOCKS that is the author's name alone, or their first name alone, or one of
 * them after a box label ("Follow Ann", "Latest posts by Ann Lee", "By Ann Lee": K.AUTHOR_LINE_LABEL),
 * to the end (the bio and links under it). Single-word names count here (a site or a first name).
 */
function dropAuthorLine(blocks: Block[], author: string | undefined): Block[] {
  if (!author || K.AUTHOR_LINE_TAIL_BLOCKS <= 0) return blocks;
  const key = (x: string) => x.toLowerCase().replace(/\s+/g, ' ').trim();
  const names = new Set<string>();
  for (const n of author.split(K.AUTHOR_NAME_SPLIT)) {
    const k = key(n);
    if (k.length < K.AUTHOR_LINE_MIN_NAME_CHARS) continue;
    names.add(k);
    const first = k.split(' ')[0];
    if (first.length >= K.AUTHOR_LINE_MIN_NAME_CHARS) names.add(first);
  }
  if (!names.size) return blocks;
  for (let i = Math.max(1, blocks.length - K.AUTHOR_LINE_TAIL_BLOCKS); i < blocks.length; i++) {
    const b = blocks[i];
    if (b.text.length > K.AUTHOR_LINE_MAX_CHARS) continue;
    const rest = key(b.text.replace(K.AUTHOR_LINE_LABEL, '').replace(K.AUTHOR_LINE_SUFFIX, ''));
    if (names.has(rest)) return blocks.slice(0, i);
  }
  return blocks;
}

/**
 * Drops an "About the author" section at the end of the body: from a short label block among the
 * last K.ABOUT_AUTHOR_TAIL_BLOCKS that names it (K.ABOUT_AUTHOR_LABEL) to the end. The bio
 * under it describes the writer, not the story, whether or not the author field names them.
 */
function dropAboutAuthor(blocks: Block[]): Block[] {
  if (K.ABOUT_AUTHOR_TAIL_BLOCKS <= 0) return blocks;
  for (let i = Math.max(1, blocks.length - K.ABOUT_AUTHOR_TAIL_BLOCKS); i < blocks.length; i++) {
    const b = blocks[i];
    if (b.text.length <= K.ABOUT_AUTHOR_LABEL_MAX_CHARS && K.ABOUT_AUTHOR_LABEL.test(b.text)) return blocks.slice(0, i);
  }
  return blocks;
}

/** True when the text starts with the name as whole words. */
function startsWithName(text: string, name: string): boolean {
  return text.startsWith(name) && !/[\p{L}\p{N}]/u.test(text.charAt(name.length));
}

function bodyChars(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) if (!b.caption) n += b.text.length;
  return n;
}

/**
 * The body under the publishing-system selectors: the matched element with the most text, widened
 * to its matching siblings.
 */
function selectorBody(blocks: readonly Block[]): Block[] {
  let best: El | undefined;
  let bestChars = 0;
  const matched: El[] = [];
  const seen = new Set<El>();
  for (const b of blocks) {
    for (let el: El | null = b.el; el; el = el.parent) {
      if (seen.has(el)) continue;
      seen.add(el);
      const match = K.BODY_SELECTORS.some((s) => {
        const v = el!.attrs[s.attr];
        return v !== undefined && s.pattern.test(v);
      });
      if (!match) continue;
      matched.push(el);
      const n = bodyChars(blocks.filter((x) => contains(el!, x.el)));
      if (n > bestChars) [best, bestChars] = [el, n];
    }
  }
  if (!best) return [];
  // Articles split over several sibling body containers (with tables, embeds and figures between
  // them) are taken whole: from the first matching sibling to the last.
  const sibs = best.parent ? matched.filter((el) => el.parent === best!.parent) : [best];
  const lo = Math.min(...sibs.map((e) => e.pre));
  const hi = Math.max(...sibs.map((e) => e.post));
  const scope = best.parent ?? best;
  return blocks.filter((x) => x.el.pre >= lo && x.el.pre <= hi && contains(scope, x.el));
}

/**
 * The body with its lede: the intro paragraphs between the headline (the last h1 before the body)
 * and the body's first block, when the container rules left them out (page builders put the
 * headline and the intro in a "hero" section apart from the rest of the text). Bylines, dates
 * and other crumbs in between are skipped; a heading or a link list in between means the gap is
 * not the article's start, and nothing is taken. Only <p> paragraphs, and not a standfirst (dek):
 * those are in the reference as often as not.
 */
function withLede(all: readonly Block[], body: Block[]): Block[] {
  if (!K.LEDE_BEFORE_BODY || body.length === 0) return body;
  const start = all.indexOf(body[0]);
  let h1 = -1;
  for (let i = start - 1; i >= 0 && start - i <= K.LEDE_MAX_GAP_BLOCKS; i--) if (all[i].el.tag === 'h1') {
    h1 = i;
    break;
  }
  if (h1 < 0) return body;
  const lede: Block[] = [];
  for (let i = h1 + 1; i < start; i++) {
    const b = all[i];
    const ld = linkDensity(b);
    if (b.heading || (ld > K.SHORT_LINK_DENSITY && b.text.length >= K.SHORT_BLOCK_CHARS)) return body;
    if (ld > K.SHORT_LINK_DENSITY || b.el.tag !== 'p' || standfirst(b.el)) continue;
    // The first paragraph must be prose; after it, shorter lines of the intro come along.
    if (b.text.length >= (lede.length ? K.MIN_SCORING_CHARS : K.PROSE_CHARS)) lede.push(b);
  }
  return lede.length ? [...lede, ...body] : body;
}

/**
 * The body with the prose paragraphs written directly before it in the same part of the page
 * (under the container's ancestor K.ADJACENT_PROSE_LEVELS levels up): an intro the container
 * rules left out because the page wraps it apart from the rest of the text. Only an unbroken run
 * of prose blocks (at least K.PROSE_CHARS, few links, not headings) right before the body's
 * first block, at most K.ADJACENT_PROSE_MAX_BLOCKS of them.
 */
function withAdjacentProse(all: readonly Block[], body: Block[], top: El | null): Block[] {
  if (K.ADJACENT_PROSE_LEVELS <= 0 || body.length === 0 || !top) return body;
  let scope: El | null = top;
  for (let up = 0; up < K.ADJACENT_PROSE_LEVELS && scope?.parent; up++) scope = scope.parent;
  if (!scope || scope.tag === 'body' || scope.tag === 'html' || scope.tag === '#root') return body;
  const start = all.indexOf(body[0]);
  let from = start;
  while (from > 0 && start - from < K.ADJACENT_PROSE_MAX_BLOCKS) {
    const b = all[from - 1];
    if (b.heading || b.caption || b.text.length < K.PROSE_CHARS || linkDensity(b) >= K.SHORT_LINK_DENSITY || !contains(scope, b.el)) break;
    // Not a list item (breadcrumbs), nor inside a <header> (byline and date lines, deks), nor itself named a standfirst or label.
    if (inListItem(b.el) || inHeader(b.el) || K.STANDFIRST_CLASS.test(`${b.el.attrs.class ?? ''} ${b.el.attrs.id ?? ''}`)) break;
    from--;
  }
  return from < start ? [...all.slice(from, start), ...body] : body;
}

/** True for a standfirst (dek, summary under the headline): named so (on it or its two parents), or in a <header>. */
function standfirst(el: El): boolean {
  let up = 0;
  for (let e: El | null = el; e && e.tag !== 'body'; e = e.parent, up++) {
    if (e.tag === 'header' || (up <= 2 && K.STANDFIRST_CLASS.test(`${e.attrs.class ?? ''} ${e.attrs.id ?? ''}`))) return true;
  }
  return false;
}

/**
 * Drops the tail after the body's last horizontal rule when it holds no prose and at most
 * K.RULED_TAIL_MAX_CHARS characters: what a template puts under the closing rule ("Featured
 * posts", "Pin for later", "Credits:", "Related content:", follow-me lines) is furniture; a ruled-off
 * closing paragraph or a list of references has prose or length and stays.
 */
function dropRuledTail(blocks: Block[], rules: readonly number[]): Block[] {
  if (!K.DROP_RULED_TAIL || blocks.length < 2) return blocks;
  const lo = blocks[0].el.pre;
  const hi = blocks[blocks.length - 1].el.pre;
  let rule = -1;
  for (const r of rules) if (r > lo && r < hi && r > rule) rule = r;
  if (rule < 0) return blocks;
  const cut = blocks.findIndex((b) => b.el.pre > rule);
  if (cut <= 0) return blocks;
  const tail = blocks.slice(cut);
  if (bodyChars(tail) > K.RULED_TAIL_MAX_CHARS || tail.some((b) => !b.heading && b.text.length >= K.PROSE_CHARS && linkDensity(b) < K.SHORT_LINK_DENSITY)) return blocks;
  return blocks.slice(0, cut);
}

/**
 * Finds the article body in explicit fallback stages: publishing-system selector, scored
 * container (strict furniture removal), scored container (lenient), all prose blocks, raw text.
 */
export function extractBody(root: El, title: string | undefined, author?: string): BodyResult {
  const tries: string[] = [];
  const strict = collectBlocks(root, false);
  const scored = scoreContainers(strict.blocks);
  const inContainer = strict.blocks.filter((b) => scored.selected.some((el) => contains(el, b.el)));
  const scoredBlocks = dropRuledTail(filterBlocks(withAdjacentProse(strict.blocks, withLede(strict.blocks, inContainer), scored.top), title, author), strict.rules);
  const selectorBlocks = dropRuledTail(filterBlocks(selectorBody(strict.blocks), title, author), strict.rules);
  const sChars = bodyChars(selectorBlocks);
  tries.push(`selector:${sChars}`);
  if (sChars >= K.MIN_BODY_CHARS && sChars >= K.SELECTOR_MIN_SHARE * bodyChars(scoredBlocks)) {
    return { blocks: selectorBlocks, stage: 'selector', tries };
  }
  const cChars = bodyChars(scoredBlocks);
  tries.push(`score:${cChars}`);
  if (cChars >= K.SHORT_BODY_CHARS) return { blocks: scoredBlocks, stage: 'score', tries };

  const lenient = collectBlocks(root, true);
  const lscored = scoreContainers(lenient.blocks);
  const lBlocks = dropRuledTail(filterBlocks(
    lenient.blocks.filter((b) => lscored.selected.some((el) => contains(el, b.el))),
    title,
    author,
  ), lenient.rules);
  const lChars = bodyChars(lBlocks);
  tries.push(`score-lenient:${lChars}`);
  // A short strict body stands unless the lenient pass finds many times more: then class words
  // removed the article itself (page builders wrap every section in a "widget" or "panel").
  if (cChars >= K.MIN_BODY_CHARS && lChars < K.LENIENT_GAIN * cChars) return { blocks: scoredBlocks, stage: 'score', tries };
  if (lChars >= K.MIN_BODY_CHARS) return { blocks: lBlocks, stage: 'score-lenient', tries };

  const all = filterBlocks(lenient.blocks, title, author);
  const aChars = bodyChars(all);
  tries.push(`all-blocks:${aChars}`);
  if (aChars > 0) return { blocks: all, stage: 'all-blocks', tries };
  tries.push('raw-text');
  return { blocks: lenient.blocks, stage: 'raw-text', tries };
}
