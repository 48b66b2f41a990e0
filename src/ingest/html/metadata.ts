import * as K from './constants.js';
import { dateFromUrl, findTextDates, parseDate, parseTextDate } from './dates.js';
import { bylineName, decodeReferences } from './byline.js';
import { isJunk } from './content.js';
import { metaValue, textOf, walkElements, type El, type Node, type ParsedPage } from './dom.js';

/** Metadata found in a page, and which source produced each field. */
export interface PageMeta {
  title?: string;
  /** The heading displayed as the headline when the title is worded otherwise (the page's h1 lost to its URL slug). */
  heading?: string;
  author?: string;
  published?: string;
  section?: string;
  language?: string;
  canonicalUrl?: string;
  outlet?: string;
  sources: Record<string, string>;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /article|posting|report|news|blog|review|webpage|creativework/i;
/** class/id/itemprop words of elements holding a visible date. */
const DATE_CLASS = /(?:^|[\s_-])(?:date|dated|time|timestamp|published|posted|pubdate|post-date|entry-date|publish|updated-date|meta-date|byline|article-date|story-date)(?=$|[\s_-])/i;
/** Visible-text date search stops after this many characters (keeps pathological pages fast). */
const VISIBLE_TEXT_LIMIT = 20000;

/** All JSON-LD objects of the page, @graph flattened; bad JSON is ignored. */
export function jsonLdObjects(page: ParsedPage): Json[] {
  const out: Json[] = [];
  const add = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      const graph = (v as Json)['@graph'];
      if (graph) add(graph);
    }
  };
  for (const src of page.jsonLd) {
    try {
      add(JSON.parse(src.trim().replace(/^<!--|-->$/g, '')));
    } catch {
      /* malformed JSON-LD is common; skip it */
    }
  }
  return out;
}

/**
 * A JSON-LD value with its {"@id": …} references replaced by the objects of the page that carry
 * those ids (SEO plugins write "author": {"@id": "…#/schema/person/1"} and the Person elsewhere).
 */
function resolveIds(v: unknown, objects: readonly Json[]): unknown {
  if (Array.isArray(v)) return v.map((x) => resolveIds(x, objects));
  if (v && typeof v === 'object') {
    const o = v as Json;
    if (typeof o['@id'] === 'string' && o.name === undefined) return objects.find((x) => x !== o && x['@id'] === o['@id'] && x.name !== undefined) ?? v;
  }
  return v;
}

/** A name without the quotes around it ('"Maren Holt"'). */
const unquote = (s: string) => s.replace(/^["“”'](.+)["“”']$/u, '$1').trim();

/** An author field without a ", Site Name" after the names (newspapers append their title). */
function withoutSiteSuffix(author: string, site: SiteNames): string | undefined {
  const at = author.lastIndexOf(',');
  if (at < 0 || !isSitePart(author.slice(at + 1), site)) return author;
  return author.slice(0, at).trim() || undefined;
}

/** Texts of the innermost elements and text nodes under an element, in order. */
function leafTexts(el: El, out: string[] = []): string[] {
  for (const c of el.children) {
    if (typeof c === 'string') {
      const t = c.replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
    } else if (c.children.some((x) => typeof x !== 'string')) leafTexts(c, out);
    else {
      const t = textOf(c);
      if (t) out.push(t);
    }
  }
  return out;
}

/**
 * The name in a byline element written as separate pieces ("<span>By</span> <a>Maren Holt</a>
 * <span>Harbour Correspondent</span>"): the first piece after a label, when it is a short name
 * and no piece joins several names ("and", "&", ",").
 */
function firstPieceName(el: El): string | undefined {
  const pieces = leafTexts(el);
  // The label may span pieces ("<span>Guide</span> <span>by</span>"): drop what it covers.
  const whole = pieces.join(' ');
  let cut = whole.length - whole.replace(K.BYLINE_LABEL, '').length;
  while (pieces.length && cut >= pieces[0].length) {
    cut -= pieces[0].length + 1;
    pieces.shift();
  }
  if (pieces.length && cut > 0) pieces[0] = pieces[0].slice(cut).trim();
  if (pieces.length < 2 || pieces.some((p) => K.NAME_JOINER.test(p))) return undefined;
  const name = bylineName(pieces[0]);
  return name && words(name).length <= K.BYLINE_NAME_MAX_WORDS ? name : undefined;
}

/**
 * Several author names as the page's text joins them ("Ana Ruiz, Ivo Lind, and Maren Holt",
 * "Ana Ruiz and Ivo Lind"), found in the first K.VISIBLE_JOIN_CHARS characters of the page text.
 */
function printedJoin(list: readonly unknown[], root: El): string | undefined {
  const names = list.map((x) => nameOf(x)).filter((x): x is string => !!x).map((x) => decodeReferences(x).replace(/\s+/g, ' ').trim());
  if (names.length < 2) return undefined;
  const esc = (x: string) => escapeRegExp(x).replace(/ /g, '\\s+');
  const re = new RegExp(names.map(esc).join(K.NAME_JOIN_PATTERN));
  const m = re.exec(textOf(root, K.VISIBLE_JOIN_CHARS));
  return m ? m[0].replace(/\s+/g, ' ').replace(/ ,/g, ',') : undefined;
}

/** A string as a regular expression matching it literally. */
const escapeRegExp = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True for a JSON-LD author that is an organisation (every object of it typed Organization or a kind of one). */
function isOrganisation(v: unknown): boolean {
  const list = Array.isArray(v) ? v : [v];
  return list.length > 0 && list.every((o) => o && typeof o === 'object' && K.ORGANISATION_TYPES.test(typeOf(o as Json)));
}

/** A visible byline unless it, too, names the site. */
function personOnly(found: [string, string] | undefined, site: SiteNames): [string, string] | undefined {
  return found && !isSitePart(found[0], site) ? found : undefined;
}

/** The first non-blank text node under an element (empty when there is none). */
function firstText(el: El): string {
  for (const c of el.children) {
    if (typeof c === 'string') {
      if (c.trim()) return c;
    } else if (c.chars > 0) {
      const t = firstText(c);
      if (t) return t;
    }
  }
  return '';
}

/** The next element sibling of an element. */
function nextElement(el: El): El | undefined {
  const sibs = el.parent?.children ?? [];
  for (let i = sibs.indexOf(el) + 1; i < sibs.length; i++) {
    const c = sibs[i];
    if (typeof c !== 'string') return c;
    if (c.trim()) return undefined;
  }
  return undefined;
}

/**
 * The name in the first visible byline text after the headline (else the first before it): an
 * element reading "By Ana Ruiz" / "Posted by Ana at …", or a label element ("Written by") whose next
 * sibling holds the name. Texts inside navigation, sidebars and footers do not count.
 */
function bylineFromText(root: El, headline: El | undefined, order: ReadonlyMap<El, number>): string | undefined {
  // Short text elements written as a byline ("By Ana Ruiz", "Posted by Ana at …") or a byline label alone ("Written by").
  const found: { el: El; text: string }[] = [];
  for (const el of walkElements(root)) {
    // Raw characters include the template's indentation: the limit applies to the collapsed text.
    if (el.chars > 0 && el.chars <= K.BYLINE_TEXT_RAW_MAX_CHARS && K.BYLINE_TEXT_TAGS.has(el.tag) && K.BYLINE_TEXT_SCREEN.test(firstText(el))) {
      const t = textOf(el);
      if (t.length <= K.BYLINE_TEXT_MAX_CHARS && (K.BYLINE_TEXT.test(t) || K.BYLINE_LABEL_ALONE.test(t))) found.push({ el, text: t });
    }
  }
  const at = headline ? order.get(headline)! : -1;
  const sorted = [...found.filter((f) => order.get(f.el)! > at), ...found.filter((f) => order.get(f.el)! <= at)];
  for (const { el, text } of sorted) {
    let raw = text;
    if (K.BYLINE_LABEL_ALONE.test(text)) {
      const next = nextElement(el);
      const t = next && next.chars <= K.BYLINE_MAX_CHARS ? textOf(next) : '';
      if (!t) continue;
      raw = t;
    }
    if (insideJunkTag(el)) continue;
    const name = bylineName(raw);
    if (name && words(name).length <= K.BYLINE_NAME_MAX_WORDS) return name;
  }
  return undefined;
}

/** True when an element is or sits inside a comment thread (class/id word "comment"/"comments"): its "comment-author" is a reader. */
function inComments(el: El): boolean {
  for (let e: El | null = el; e; e = e.parent) if (K.COMMENT_CLASS.test(`${e.attrs.class ?? ''} ${e.attrs.id ?? ''}`)) return true;
  return false;
}

/** True when an element sits inside navigation, a sidebar, a footer or a form (by tag or ARIA role). */
function insideJunkTag(el: El): boolean {
  for (let e: El | null = el; e; e = e.parent) if (K.JUNK_TAGS.has(e.tag) || K.JUNK_ROLES.has((e.attrs.role ?? '').toLowerCase())) return true;
  return false;
}

/** The value of a twitter:dataN meta whose twitter:labelN says it is the author ("Written by"). */
function labelledTwitterData(page: ParsedPage): string | undefined {
  for (const m of page.metas) {
    const n = /^twitter:label(\d)$/.exec(m.key);
    if (n && K.AUTHOR_LABEL.test(m.content.trim())) return clean(metaValue(page, `twitter:data${n[1]}`));
  }
  return undefined;
}

function typeOf(o: Json): string {
  const t = o['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') return nameOf((v as Json).name);
  return undefined;
}

/**
 * True when the element or an ancestor is page furniture. Class-word components (JUNK_CLASS_PARTS)
 * are not used here: headlines sit in "hero-banner"s and dates in "post-author-meta" rows.
 */
function insideJunk(el: El, heading = false): boolean {
  for (let e: El | null = el; e; e = e.parent) if (isJunk(e, false, Infinity, false) && !(heading && holdsHeadline(e))) return true;
  return false;
}

/** True for a furniture element that is furniture only by its hero-banner class tokens (K.HEADLINE_HOLDER_CLASS). */
function holdsHeadline(e: El): boolean {
  const { class: cls, id } = e.attrs;
  if (!(cls && BANNER_SCREEN.test(cls)) && !(id && BANNER_SCREEN.test(id))) return false;
  const keep = (v: string | undefined) => v?.split(/\s+/).filter((t) => !K.HEADLINE_HOLDER_CLASS.test(t)).join(' ');
  return !isJunk({ ...e, attrs: { ...e.attrs, class: keep(cls) ?? '', id: keep(id) ?? '' } }, false, Infinity, false);
}
const BANNER_SCREEN = /banner/i;

/**
 * True for a heading the page marks as its headline (schema.org itemprop="headline"): templates put
 * it inside rows whose class names are furniture words ("post-meta", "entry-meta").
 */
function markedHeadline(el: El): boolean {
  return K.HEADLINE_ITEMPROP.test(el.attrs.itemprop ?? '');
}

/** The earliest of several ISO dates (a page showing "published" and "updated" dates). */
function earliest(dates: string[]): string {
  return dates.reduce((a, b) => (b.slice(0, 10) < a.slice(0, 10) ? b : a));
}

const clean = (s: string | undefined) => s?.replace(K.INVISIBLE_CHARS, '').replace(/\s+/g, ' ').trim() || undefined;

/** Normalised words of a title, for comparing candidates. */
function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What names the site: the outlet's words and the labels of the page's host name. */
export interface SiteNames {
  outlet: string;
  /** Host without "www." ("davidbau.com") and its labels before the top-level domain ("ers", "usda"). */
  hosts: string[];
}

/** Site names from the outlet and the page URL (or its canonical URL). */
export function siteNames(outlet: string | undefined, url: string | undefined): SiteNames {
  let hosts: string[] = [];
  if (url) {
    try {
      const host = new URL(url, 'https://x.invalid').hostname.replace(/^www\./, '');
      if (host !== 'x.invalid') hosts = [host.replace(/[^a-z0-9]/g, ''), ...host.split('.').slice(0, -1).filter((l) => l.length >= K.HOST_LABEL_MIN_CHARS)];
    } catch {
      hosts = [];
    }
  }
  return { outlet: outlet ? words(outlet).join(' ') : '', hosts };
}

/**
 * True when a title part names the site: the outlet, the host ("davidbau.com"), a host label
 * ("Slashdot" on slashdot.org) or, for a name of several words, its initials ("Economic Research
 * Service" on ers.usda.gov).
 */
function isSitePart(part: string, site: SiteNames): boolean {
  const w = words(part);
  if (!w.length) return false;
  if (site.outlet && w.join(' ') === site.outlet) return true;
  if (!site.hosts.length) return false;
  const compact = w.join('');
  const initials = w.length >= 2 ? w.map((x) => x[0]).join('') : '';
  return site.hosts.some((h) => h === compact || h === initials);
}

/** Removes a site-name suffix/prefix from a <title>-like string. */
export function stripSiteName(title: string, site: SiteNames): string {
  // A separator with nothing after it ("Ten boxes |": the template's site name left empty) goes.
  title = title.replace(K.DANGLING_SEPARATOR, '');
  const parts = title.split(K.TITLE_SEPARATOR);
  if (parts.length < 2) return stripHostWord(title, site);
  const kept = parts.filter((p) => !isSitePart(p, site));
  if (kept.length === 1) return kept[0];
  if (kept.length === 0) return title;
  // Keep the longest part (headlines are longer than site names and section names).
  return kept.reduce((a, b) => (words(b).length > words(a).length ? b : a));
}

/**
 * Removes the page's host name written as the first or last word of a title without a separator
 * ("example.org Notes on caching"): a domain name is never part of the headline's wording there.
 */
function stripHostWord(title: string, site: SiteNames): string {
  const tokens = title.trim().split(/\s+/);
  if (tokens.length < 2) return title;
  const isHost = (t: string) => t.includes('.') && site.hosts.length > 0 && t.toLowerCase().replace(/^www\./, '').replace(/[^a-z0-9]/g, '') === site.hosts[0];
  if (isHost(tokens[0])) return tokens.slice(1).join(' ');
  if (isHost(tokens[tokens.length - 1])) return tokens.slice(0, -1).join(' ');
  return title;
}

/**
 * Removes a site name written before or after a heading's text ("Best exhibitions – Artlyst"):
 * the page template appends it as it does to <title>. Inner parts stay, and so does a heading
 * that is nothing but the site name.
 */
export function trimSiteParts(heading: string, site: SiteNames): string {
  const sep = new RegExp(K.TITLE_SEPARATOR.source, 'g');
  const cuts = [...heading.matchAll(sep)];
  if (!cuts.length) return heading;
  let start = 0;
  let end = heading.length;
  const last = cuts[cuts.length - 1];
  if (isSitePart(heading.slice(last.index! + last[0].length), site)) end = last.index!;
  const first = cuts[0];
  if (first.index! < end && isSitePart(heading.slice(0, first.index), site)) start = first.index! + first[0].length;
  const out = heading.slice(start, end).trim();
  return words(out).length ? out : heading;
}

/** Share of the h1's words found in the reference title. */
function overlap(candidate: string, reference: string): number {
  const ref = new Set(words(reference));
  const w = words(candidate);
  return w.length ? w.filter((x) => ref.has(x)).length / w.length : 0;
}

/** Share of a word list found in a word set (0 for no words). */
function shareIn(list: readonly string[], set: ReadonlySet<string>): number {
  return list.length ? list.filter((x) => set.has(x)).length / list.length : 0;
}

/** Headlines longer than this many words are not headlines (a whole paragraph in an h1). */
const MAX_HEADLINE_WORDS = 40;
/** An h1 must share this share of its words with the head titles to win among several h1s. */
const H1_AGREEMENT = 0.5;

/**
 * The title and its source (see chooseHeadline), then one check against the URL slug: an h1 with
 * at most K.SLUG_H1_MAX_COVER of the slug's words, worded like no head title, gives way to the
 * first head title (og:title, JSON-LD headline, <title>, twitter:title; site name removed) having
 * all of them. The third value is then the h1 as displayed (it still marks the headline zone and
 * is kept out of the body).
 */
function chooseTitle(page: ParsedPage, ld: Json | undefined, siteName: SiteNames, h1s: string[], h2s: string[], headingEl: ReadonlyMap<string, El>, url?: string): [string | undefined, string, string?] {
  const [title, source] = chooseHeadline(page, ld, siteName, h1s, h2s, headingEl);
  if (!title || !source.startsWith('h1')) return [title, source];
  const slug = slugWords(url);
  if (slug.length < K.SLUG_MIN_WORDS || slugCover(title, slug) > K.SLUG_H1_MAX_COVER) return [title, source];
  const named = [metaValue(page, 'og:title'), nameOf(ld?.headline), page.title, metaValue(page, 'twitter:title')];
  const heads = named.map(clean).filter((x): x is string => !!x).map((t) => stripSiteName(t, siteName));
  // A head title with the h1's wording confirms the h1.
  if (sameWordsAsHead(title, heads)) return [title, source];
  const chosen = heads.find((h) => slugCover(h, slug) >= 1);
  return chosen ? [normaliseTitle(chosen), 'slug-head', title] : [title, source];
}

/**
 * Words of a URL's slug, its last path segment when written as words joined by hyphens or
 * underscores (file extension and apostrophes dropped); none for ids and single words.
 *
 * @example
 * slugWords('https://lorn.example/blog/how-to-book-a-cabin/'); // ['how', 'to', 'book', 'a', 'cabin']
 */
export function slugWords(url: string | undefined): string[] {
  if (!url) return [];
  let path: string;
  try {
    path = new URL(url, 'https://x.invalid').pathname;
  } catch {
    return [];
  }
  const seg = path.split('/').filter((x) => x).pop() ?? '';
  let text = seg.replace(/\.[a-z0-9]{2,5}$/i, '');
  try {
    text = decodeURIComponent(text);
  } catch {
    /* keep the raw segment */
  }
  // A slug is words joined by hyphens or underscores; a segment without them is an id or a single word.
  if (!/[-_]/.test(text)) return [];
  return slugKey(text.replace(/[-_]+/g, ' '));
}

/** Lower-case words with apostrophes removed ("What's" → "whats", as slugs write it). */
const slugKey = (s: string) => words(s.replace(/['\u2019]/g, ''));

/** Share of the slug's words that a title has. */
function slugCover(title: string, slug: readonly string[]): number {
  const set = new Set(slugKey(title));
  return slug.length ? slug.filter((w) => set.has(w)).length / slug.length : 0;
}

/**
 * Chooses the headline as displayed: the page's h1 when there is one clear h1 (or one that
 * agrees with og:title/JSON-LD/<title>), else og:title, JSON-LD headline, <title> minus site name.
 */
function chooseHeadline(page: ParsedPage, ld: Json | undefined, siteName: SiteNames, h1s: string[], h2s: string[], headingEl: ReadonlyMap<string, El>): [string | undefined, string] {
  const og = clean(metaValue(page, 'og:title') ?? metaValue(page, 'twitter:title'));
  const headline = clean(nameOf(ld?.headline));
  const head = clean(page.title);
  // Compare headings with the head titles minus the site name, so a site-name h1 cannot win.
  const heads = [og, headline, head].filter((x): x is string => !!x).map((t) => stripSiteName(t, siteName));
  const reference = heads.join(' ');
  // The head titles with only a site name before or after them removed ("A | B — Site" is "A | B").
  const wholeHeads = [og, headline, head].filter((x): x is string => !!x).map((t) => trimSiteParts(t, siteName));
  // Each separator part of the head titles too: "History of coffee | Origin, Spread, Facts | Britannica"
  // has its headline in the first part, not in the longest.
  const parts = [og, headline, head].flatMap((t) => (t ? t.split(K.TITLE_SEPARATOR) : [])).filter((p) => words(p).length >= K.TITLE_PART_MIN_WORDS && !isSitePart(p, siteName));
  // Word lists and sets of the references, computed once (pages can have hundreds of h2s).
  const refs = [reference, ...parts].map((r) => ({ list: words(r), set: new Set(words(r)) }));
  const usable = (hs: string[]) => hs.filter((h) => words(h).length > 0 && words(h).length <= MAX_HEADLINE_WORDS && !isSitePart(h, siteName));
  const best = (hs: string[], min: number) => {
    let bestH: string | undefined;
    let bestScore = 0;
    for (const h of usable(hs)) {
      const list = words(h);
      const set = new Set(list);
      let o = 0;
      for (const r of refs) o = Math.max(o, Math.min(shareIn(list, r.set), shareIn(r.list, set) + K.TITLE_COVER_SLACK));
      if (o > bestScore) [bestH, bestScore] = [h, o];
    }
    return bestScore >= min ? bestH : undefined;
  };
  // Share of the best-matching head title (or head-title part) that a heading's words cover.
  const covers = (h: string) => {
    const set = new Set(words(h));
    return Math.max(0, ...heads.map((r) => shareIn(words(r), set)));
  };
  // A heading holding a head title in its own element plus a date, kicker or comment count beside
  // it is that head title.
  // The first separator part of each head title too ("Klatch Coffee | Shopify App Store" when the
  // longer part was kept as the headline).
  const firsts = [og, headline, head].map((t) => t?.split(K.TITLE_SEPARATOR)[0]).filter((p): p is string => !!p && words(p).length >= 2 && !isSitePart(p, siteName));
  const own = (h: string) => {
    const el = headingEl.get(h);
    return (el && headingPart(el, [...heads, ...firsts])) ?? h;
  };
  if (reference) {
    const h1 = best(h1s, H1_AGREEMENT);
    if (h1) return [normaliseTitle(lossyRepaired(trimSiteParts(dropHeadingSuffix(headCasing(own(h1), [og, headline, head], heads), heads, K.H1_SUFFIX_SEPARATOR, wholeHeads), siteName), [...heads, ...parts])), 'h1'];
  }
  // A lone short h1 sharing little with the head titles is a section label ("Our Blog", "Webcams").
  const single = usable(h1s).filter((h) => !reference || words(h).length > K.SHORT_H1_WORDS || (overlap(h, reference) >= K.SHORT_H1_AGREEMENT && covers(h) >= K.SHORT_H1_COVER));
  if (single.length === 1 && (!reference || K.TRUST_SINGLE_H1)) return [normaliseTitle(trimSiteParts(own(single[0]), siteName)), 'h1-single'];
  if (reference) {
    const h2 = best(h2s, K.H2_AGREEMENT);
    const t = h2 && trimSiteParts(dropHeadingSuffix(own(h2), heads, K.H2_SUFFIX_SEPARATOR, wholeHeads), siteName);
    if (t && (!K.H2_SAME_WORDS || sameWordsAsHead(t, [...heads, ...parts]))) return [normaliseTitle(t), 'h2'];
  }
  if (og) return [normaliseTitle(stripSiteName(og, siteName)), 'og:title'];
  // The site name comes off every head title alike (JSON-LD headlines carry " - Site" too).
  if (headline) return [normaliseTitle(stripSiteName(headline, siteName)), 'json-ld'];
  if (head) return [normaliseTitle(stripSiteName(head, siteName)), 'title'];
  if (single.length) return [normaliseTitle(trimSiteParts(single[0], siteName)), 'h1-first'];
  return [undefined, 'none'];
}

/**
 * A heading whose characters a lossy encoding turned into "?" or U+FFFD ("Planning? Beginner?
 * Guide") is the head title it matches with each such mark standing for one or two characters
 * ("Planning: Beginner's Guide").
 */
export function lossyRepaired(heading: string, heads: readonly string[]): string {
  if (!K.LOSSY_MARK.test(heading)) return heading;
  const pattern = new RegExp(`^${heading.split(K.LOSSY_MARK).map(escapeRegExp).join('[^\\s]{1,2}')}$`, 'u');
  return heads.find((h) => h !== heading && pattern.test(h.trim())) ?? heading;
}

/** True when a heading has the words of one of the head titles (or head-title parts), in order. */
function sameWordsAsHead(heading: string, heads: readonly string[]): boolean {
  const key = words(heading).join(' ');
  return heads.some((h) => words(h).join(' ') === key);
}

/**
 * A heading that is a head title (site name removed) plus a separator and more words ("X | Opinion",
 * "X / Dec 2025") is that head title: the rest is a label added by the page template.
 */
function dropHeadingSuffix(heading: string, heads: readonly string[], separator: RegExp, whole: readonly string[] = []): string {
  // A long suffix the head title holds too (only a site name trimmed off its ends) is the headline's own subtitle.
  const inHead = sameWordsAsHead(heading, whole);
  const key = (x: string) => words(x).join(' ');
  for (const h of heads) {
    const k = key(h);
    if (!k || heading.length <= h.length) continue;
    // Every separator position: the head title may itself hold one ("Day 15: Porting … / Dec 2025").
    const all = new RegExp(separator.source, `${separator.flags.replace('g', '')}g`);
    for (const m of heading.matchAll(all)) {
      if (key(heading.slice(0, m.index)) !== k) continue;
      if (inHead && words(heading.slice(m.index + m[0].length)).length > K.HEADING_LABEL_MAX_WORDS) return heading;
      return heading.slice(0, m.index).trim();
    }
  }
  return heading;
}

/** Text of a node, whitespace collapsed. */
const nodeText = (n: Node) => (typeof n === 'string' ? n.replace(/\s+/g, ' ').trim() : textOf(n));

/**
 * The part of a heading that is one of the head titles when the heading also holds other text in
 * separate nodes: "<h1><time>Dec 18 2025</time> Preparing a transition</h1>", "<h1><strong>Blog:
 * </strong> Ten trends</h1>", "<h1><span><a>Title</a> <span>(example.com)</span></span> 87</h1>".
 * Looks at runs of consecutive child nodes, then inside each child element (a few levels down).
 */
export function headingPart(heading: El, heads: readonly string[], depth = K.HEADING_PART_DEPTH, total = words(textOf(heading)).length): string | undefined {
  const keys = new Set(heads.map((h) => words(h).join(' ')).filter((k) => k));
  if (!keys.size) return undefined;
  const parts = heading.children.map(nodeText).filter((t) => t);
  const nodes = heading.children.filter((n) => nodeText(n));
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j <= parts.length; j++) {
      if (i === 0 && j === parts.length) continue;
      const text = parts.slice(i, j).join(' ');
      const w = words(text);
      // The rest must be short (a date, a label, a count), not a second line of the headline.
      if (total - w.length <= K.HEADING_PART_MAX_REST_WORDS && keys.has(w.join(' '))) return text;
    }
  }
  if (depth <= 0) return undefined;
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    const inner = headingPart(n, heads, depth - 1, total);
    if (inner) return inner;
  }
  return undefined;
}

/** Share of a title's words after the first that start with a capital (words starting with a letter). */
export function capitalisedShare(title: string): number {
  const w = (title.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).slice(1);
  return w.length ? w.filter((x) => x[0] !== x[0].toLowerCase()).length / w.length : 0;
}

/**
 * An h1 written in one case (CSS-styled "WEEKEND CODING AGENT", "history of coffee") takes the
 * casing of a head title part with the same words; an upper-case h1 with nearly the same words
 * as a head title is that head title. An h1 in sentence case ("How to install solar panels")
 * takes the casing of a head title part in title case with the same letters.
 */
function headCasing(h1: string, heads: (string | undefined)[], stripped: readonly string[] = []): string {
  if (h1 !== h1.toUpperCase() && h1 !== h1.toLowerCase()) return sentenceCaseHeading(h1, heads);
  const key = h1.toLowerCase();
  for (const h of heads) {
    if (!h) continue;
    for (const part of h.split(K.TITLE_SEPARATOR)) if (part.toLowerCase() === key) return part;
  }
  // No part with the same letters: a head title (site name removed) with nearly the same words.
  if (h1 !== h1.toUpperCase()) return h1;
  const list = words(h1);
  const set = new Set(list);
  for (const h of stripped) {
    const hw = words(h);
    if (Math.min(shareIn(list, new Set(hw)), shareIn(hw, set)) >= K.ONE_CASE_AGREEMENT) return h;
  }
  return h1;
}

/** A sentence-case h1 written in title case by a head title part with the same letters. */
function sentenceCaseHeading(h1: string, heads: (string | undefined)[]): string {
  if (capitalisedShare(h1) > K.SENTENCE_CASE_MAX_SHARE) return h1;
  const key = h1.toLowerCase();
  for (const h of heads) {
    if (!h) continue;
    for (const part of h.split(K.TITLE_SEPARATOR)) if (part.toLowerCase() === key && capitalisedShare(part) >= K.TITLE_CASE_MIN_SHARE) return part;
  }
  return h1;
}

/** Optionally writes typographic apostrophes as ASCII ones (on: most wcxb titles are written so). */
function normaliseTitle(t: string): string {
  const a = K.ASCII_APOSTROPHES ? t.replace(/[\u2018\u2019]/g, "'") : t;
  // Full-width punctuation and the ellipsis character as plain ASCII (compatibility forms).
  return a.replace(K.TITLE_COMPAT_PUNCT, (c) => c.normalize('NFKC'));
}

/**
 * The label written next to a displayed date: the element's own text, else the text of its
 * parent up to the date ("Published Aug 13, 2025" split over a <span> and a <time>).
 */
function dateLabel(el: El, text: string): 'published' | 'updated' | undefined {
  let label = text;
  if (!K.DATE_LABEL_PUBLISHED.test(label) && !K.DATE_LABEL_UPDATED.test(label) && el.parent) {
    const around = textOf(el.parent, 400);
    const at = text ? around.indexOf(text) : -1;
    label = at > 0 ? around.slice(Math.max(0, at - K.DATE_LABEL_CHARS), at) : around.length <= 200 ? around : '';
  } else label = text.slice(0, K.DATE_LABEL_CHARS + 40);
  if (K.DATE_LABEL_UPDATED.test(label)) return 'updated';
  if (K.DATE_LABEL_PUBLISHED.test(label)) return 'published';
  return undefined;
}

/**
 * The text around a headline element: up to `before` characters before it and `after` characters
 * from its start (whitespace collapsed), where bylines, kickers and date lines sit.
 */
export function headlineZone(root: El, headline: El, before: number, after: number): string {
  // Raw text nodes (whitespace is collapsed once at the end: this walk covers most of the page).
  const head: string[] = [];
  let headChars = 0;
  let first = 0;
  const tail: string[] = [];
  let tailChars = 0;
  let reached = false;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      const t = node.trim();
      if (!t) continue;
      if (reached) {
        tail.push(t);
        tailChars += t.length + 1;
        if (tailChars >= after) break;
      } else {
        head.push(t);
        headChars += t.length + 1;
        while (headChars - head[first].length - 1 > before) headChars -= head[first++].length + 1;
      }
      continue;
    }
    if (node === headline) reached = true;
    if (node.tag === 'head') continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  const norm = (parts: string[]) => parts.join(' ').replace(/\s+/g, ' ').trim();
  return `${norm(head.slice(first)).slice(-before)} ${norm(tail).slice(0, after)}`;
}

/**
 * The date shown next to the headline (byline and date lines just above or below it): the first
 * one labelled as the publication date, else the first one that is not labelled as an update.
 */
function headlineZoneDate(root: El, headline: El): string | undefined {
  const zone = headlineZone(root, headline, K.ZONE_BEFORE_CHARS, K.ZONE_AFTER_CHARS);
  const dates = findTextDates(zone);
  if (!dates.length) return undefined;
  const label = (d: { index: number }) => zone.slice(Math.max(0, d.index - K.ZONE_LABEL_CHARS), d.index);
  const published = dates.find((d) => K.DATE_LABEL_PUBLISHED.test(label(d)) && !K.DATE_LABEL_UPDATED.test(label(d)));
  return (published ?? dates[0]).value;
}

/** The elements of a page the metadata rules read, gathered in one walk. */
interface PageScan {
  h1s: string[];
  h2s: string[];
  /** h1 and h2 elements with their words as a space-padded key (for finding the headline). */
  headings: { el: El; key: string }[];
  headingEl: Map<string, El>;
  times: El[];
  dateEls: El[];
  authorEls: El[];
  /** Links to an author's page ("/author/maren-holt/"): their text is the name as printed. */
  authorLinks: El[];
  /** Document order of every element. */
  order: Map<El, number>;
}

function scanPage(page: ParsedPage): PageScan {
  const scan: PageScan = { h1s: [], h2s: [], headings: [], headingEl: new Map(), times: [], dateEls: [], authorEls: [], authorLinks: [], order: new Map() };
  for (const el of walkElements(page.root)) {
    scan.order.set(el, scan.order.size);
    if (el.tag === 'h1' || el.tag === 'h2') {
      const t = textOf(el, 2000, K.INVISIBLE_CHARS);
      if (t && (markedHeadline(el) || !insideJunk(el, true))) {
        (el.tag === 'h1' ? scan.h1s : scan.h2s).push(t);
        scan.headings.push({ el, key: ` ${words(t).join(' ')} ` });
        if (!scan.headingEl.has(t)) scan.headingEl.set(t, el);
      }
    } else if (el.tag === 'time') scan.times.push(el);
    const cls = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''} ${el.attrs.itemprop ?? ''}`;
    if (cls.trim()) {
      if (DATE_CLASS.test(cls)) scan.dateEls.push(el);
      // camelCase humps split ("authorName", "dateAndAuthorContainer").
      if (K.AUTHOR_CLASS.test(cls) || (K.AUTHOR_CLASS_CAMEL && K.AUTHOR_CLASS_HUMP.test(cls) && K.AUTHOR_CLASS.test(cls.replace(/([a-z])([A-Z])/g, '$1-$2'))) || el.attrs.rel === 'author') scan.authorEls.push(el);
    }
    if (el.tag === 'a' && K.AUTHOR_PAGE_PATH.test(el.attrs.href ?? '')) scan.authorLinks.push(el);
  }
  return scan;
}

/** The outlet's name and where it was read: og:site_name, the JSON-LD publisher, then K.OUTLET_META. */
function chooseOutlet(page: ParsedPage, ld: Json | undefined): [string | undefined, string?] {
  const og = clean(metaValue(page, 'og:site_name'));
  if (og) return [og, 'og:site_name'];
  const pub = nameOf(ld?.publisher);
  if (pub) return [clean(pub), 'json-ld'];
  for (const k of K.OUTLET_META.slice(1)) {
    const v = clean(metaValue(page, k));
    if (v) return [v.replace(/^@/, ''), k];
  }
  return [undefined];
}

/** The element of the displayed headline (an h1 first), found by its words. */
function headlineElement(scan: PageScan, shown: string | undefined): El | undefined {
  const titleKey = shown ? ` ${words(shown).join(' ')} ` : '';
  if (!titleKey.trim()) return undefined;
  return (scan.headings.find((h) => h.el.tag === 'h1' && h.key.includes(titleKey)) ?? scan.headings.find((h) => h.key.includes(titleKey)))?.el;
}

/** The publication date in metadata (time[pubdate], JSON-LD, K.DATE_META, then any published-date-like meta key) and its source. */
function metadataPublished(page: ParsedPage, ld: Json | undefined, times: readonly El[]): [string, string] | undefined {
  for (const t of times) if (t.attrs.itemprop === 'datePublished' || t.attrs.pubdate !== undefined) {
    const d = parseDate(t.attrs.datetime ?? textOf(t));
    if (d) return [d, 'time[pubdate]'];
  }
  const v = parseDate(nameOf(ld?.datePublished) ?? nameOf(ld?.dateCreated));
  if (v) return [v, 'json-ld'];
  for (const key of K.DATE_META) {
    const d = parseDate(metaValue(page, key));
    if (d) return [d, `meta:${key}`];
  }
  // Publishing systems invent their own names ("w-published-date", "article.publishedDate").
  for (const m of page.metas) {
    if (!K.DATE_META_KEY.test(m.key) || K.DATE_META_NOT.test(m.key)) continue;
    const d = parseDate(m.content);
    if (d) return [d, `meta:${m.key}`];
  }
  return undefined;
}

/**
 * The publication date and its source: the first candidate present in K.DATE_ORDER (see the
 * constant for why this order). With SPINSCOPE_DEBUG_DATES, every candidate goes into `sources`.
 */
function choosePublished(page: ParsedPage, ld: Json | undefined, scan: PageScan, headlineEl: El | undefined, urls: (string | undefined)[], sources: Record<string, string>): [string, string] | undefined {
  const metaPub = metadataPublished(page, ld, scan.times);
  const metaMod = parseDate(nameOf(ld?.dateModified)) ?? parseDate(metaValue(page, 'article:modified_time')) ?? parseDate(metaValue(page, 'og:updated_time'));
  // Dates displayed on the page (outside furniture), in document order.
  const visible: string[] = [];
  // Displayed dates labelled as the publication date ("Published August 13, 2025", "Posted on …").
  const labelled: string[] = [];
  const visLabels: string[] = [];
  for (const el of [...scan.times, ...scan.dateEls].sort((a, b) => scan.order.get(a)! - scan.order.get(b)!)) {
    if (insideJunk(el)) continue;
    const text = textOf(el, 1000);
    const d = (text.length < 200 ? parseTextDate(text) : undefined) ?? parseDate(el.attrs.datetime ?? el.attrs.content);
    if (!d) continue;
    visible.push(d);
    const lab = dateLabel(el, text);
    visLabels.push(lab ?? '');
    if (lab === 'published') labelled.push(d);
  }
  const day = (d: string | undefined) => d?.slice(0, 10);
  const ogPublished = parseDate(metaValue(page, 'article:published_time') ?? metaValue(page, 'og:article:published_time'));
  const zoneDate = headlineEl ? headlineZoneDate(page.root, headlineEl) : undefined;
  let urlDate: string | undefined;
  for (const u of urls) urlDate ??= dateFromUrl(u);
  if (process.env.SPINSCOPE_DEBUG_DATES) sources.dateCandidates = JSON.stringify({ metaPub: metaPub?.[0], metaPubSrc: metaPub?.[1], metaMod, visible, labels: visLabels, url: urlDate, ldPub: nameOf(ld?.datePublished), ldMod: nameOf(ld?.dateModified) });
  const candidate = (kind: K.DateSource): [string, string] | undefined => {
    switch (kind) {
      case 'url':
        if (!urlDate) return undefined;
        // Metadata of the same day carries the time of day too.
        return metaPub && day(metaPub[0]) === urlDate ? metaPub : [urlDate, 'url'];
      case 'meta-published': {
        if (!metaPub) return undefined;
        // The date the reader sees wins when the metadata confirms it, as published or as modified.
        const agreeing = visible.find((v) => day(v) === day(metaPub[0]) || day(v) === day(metaMod));
        return agreeing ? [agreeing, 'visible+meta'] : metaPub;
      }
      case 'visible-published':
        return labelled.length ? [labelled[0], 'visible-published'] : undefined;
      case 'meta-og-published':
        return ogPublished ? [ogPublished, 'meta:article:published_time'] : undefined;
      case 'headline-zone':
        return zoneDate ? [zoneDate, 'headline-zone'] : undefined;
      case 'visible':
        return visible.length ? [K.DATE_VISIBLE_EARLIEST ? earliest(visible) : visible[0], 'visible-element'] : undefined;
      case 'meta-modified':
        return metaMod ? [metaMod, 'meta-modified'] : undefined;
      case 'visible-text': {
        const v = parseTextDate(textOf(page.root, VISIBLE_TEXT_LIMIT * 3).slice(0, VISIBLE_TEXT_LIMIT));
        return v ? [v, 'visible-text'] : undefined;
      }
    }
  };
  for (const kind of K.DATE_ORDER) {
    const c = candidate(kind);
    if (c) return c;
  }
  return undefined;
}

/**
 * The author and its source: names from metadata, most trusted first (values that are no name
 * passed over), else the byline as printed; a person in the printed byline wins over metadata
 * naming the site or an organisation.
 */
function chooseAuthor(page: ParsedPage, ld: Json | undefined, objects: readonly Json[], scan: PageScan, site: SiteNames, headlineEl: El | undefined): [string, string] | undefined {
  // The article object's author, else that of another article-typed object (a WebPage chosen for its date has none; its NewsArticle has).
  const ldAuthorValue = resolveIds(ld?.author ?? objects.find((o) => o.author && ARTICLE_TYPES.test(typeOf(o)))?.author, objects);
  const ldAuthor = clean(nameOf(ldAuthorValue));
  const metaNames: [string, string][] = [];
  // JSON-LD is script text: the parser left its character references alone.
  let ldName = ldAuthor && withoutSiteSuffix(unquote(decodeReferences(ldAuthor)), site);
  // Several names: joined as the page prints them ("A, B, and C", "A and B") when it does.
  if (ldName && Array.isArray(ldAuthorValue) && ldAuthorValue.length > 1) ldName = printedJoin(ldAuthorValue, page.root) ?? ldName;
  if (ldName) metaNames.push([ldName, 'json-ld']);
  for (const key of K.AUTHOR_META) {
    const v = clean(metaValue(page, key));
    if (v && !/^https?:/i.test(v)) metaNames.push([v.replace(/^@/, ''), `meta:${key}`]);
  }
  const twitterData = labelledTwitterData(page);
  if (twitterData) metaNames.push([twitterData, 'meta:twitter:data']);
  const metaAuthor = metaNames.find(([v]) => !K.AUTHOR_NOT_A_NAME.test(v));
  if (!metaAuthor) return visibleAuthor(page, scan, headlineEl);
  const corporate = K.PERSON_OVER_ORGANISATION && (isSitePart(metaAuthor[0], site) || (metaAuthor[1] === 'json-ld' && isOrganisation(ldAuthorValue)));
  return corporate ? (personOnly(visibleAuthor(page, scan, headlineEl), site) ?? metaAuthor) : metaAuthor;
}

/** The byline as printed on the page: an author-classed element, a link to an author page, or a "By …" line near the headline. */
function visibleAuthor(page: ParsedPage, scan: PageScan, headlineEl: El | undefined): [string, string] | undefined {
  for (const el of scan.authorEls) {
    if (inComments(el)) continue;
    const t = textOf(el);
    const name = t.length <= K.BYLINE_MAX_CHARS ? (firstPieceName(el) ?? bylineName(t)) : undefined;
    // An avatar's initials ("NB") sit in author-classed elements before the name.
    if (name && !K.AVATAR_INITIALS.test(name)) return [name, 'byline-element'];
  }
  for (const el of scan.authorLinks) {
    const t = textOf(el);
    const name = t.length <= K.BYLINE_MAX_CHARS ? bylineName(t) : undefined;
    if (name) return [name, 'author-link'];
  }
  const name = bylineFromText(page.root, headlineEl, scan.order);
  return name ? [name, 'byline-text'] : undefined;
}

/** Reads title, author, date, section, language, canonical URL and outlet from a parsed page. */
export function extractMeta(page: ParsedPage, url: string | undefined): PageMeta {
  const sources: Record<string, string> = {};
  const objects = jsonLdObjects(page);
  const ld = objects.find((o) => ARTICLE_TYPES.test(typeOf(o)) && (o.headline || o.datePublished)) ?? objects.find((o) => o.datePublished);
  const scan = scanPage(page);

  const [outlet, outletSource] = chooseOutlet(page, ld);
  if (outletSource) sources.outlet = outletSource;

  const canonical = page.links.find((l) => l.rel.split(/\s+/).includes('canonical'))?.href ?? metaValue(page, 'og:url');
  const site = siteNames(outlet, url ?? canonical);
  const [title, titleSource, heading] = chooseTitle(page, ld, site, scan.h1s, scan.h2s, scan.headingEl, url ?? canonical);
  sources.title = titleSource;
  const headlineEl = headlineElement(scan, heading ?? title);

  let published: string | undefined;
  const date = choosePublished(page, ld, scan, headlineEl, [url, canonical], sources);
  if (date) [published, sources.published] = date;

  let author: string | undefined;
  const byline = chooseAuthor(page, ld, objects, scan, site, headlineEl);
  if (byline) [author, sources.author] = byline;

  let section = clean(nameOf(ld?.articleSection));
  for (const key of K.SECTION_META) if (!section) section = clean(metaValue(page, key));

  let canonicalUrl: string | undefined;
  if (canonical) {
    try {
      canonicalUrl = new URL(canonical, url).href;
    } catch {
      canonicalUrl = undefined;
    }
  }
  const language = clean(page.lang ?? metaValue(page, 'content-language') ?? metaValue(page, 'og:locale'))?.replace('_', '-');

  return { title, heading, author, published, section, language, canonicalUrl, outlet, sources };
}
