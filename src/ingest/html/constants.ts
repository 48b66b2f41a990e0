/**
 * Every threshold, weight and pattern of the HTML extractor, in one place, each with the reason
 * it exists. Tuned on a subset of wcxb-dev (see scripts/eval-extract.ts); change them here only.
 */

/** Elements whose content is never text: skipped while parsing (JSON-LD is kept apart). */
export const SKIP_CONTENT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'select', 'textarea', 'button',
]);

/** Void elements: never have children (htmlparser2 closes them itself). */
export const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'area', 'base', 'col', 'param', 'track']);

/** Deeper elements are flattened into their ancestor at this depth: bounds recursion on hostile nesting. */
export const MAX_DEPTH = 200;
/** Tags nested deeper than this are dropped before parsing (the parser's stack is O(depth) per tag). */
export const MAX_PARSE_DEPTH = 1000;

/** Block-level elements: each starts a new text block. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'figure',
  'figcaption', 'header', 'footer', 'nav', 'aside', 'hr', 'address', 'details', 'summary', 'form',
  'fieldset', 'center', 'caption', 'body', 'html', 'picture', 'menu', 'legend',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Elements that are page furniture wherever they are (navigation, sidebars, site footers).
 * (Tried and dropped: keeping an <aside> holding prose inside an <article>/content-named
 * ancestor — tune F1 +0.0003, check -0.0001: author and contact boxes come along.)
 */
export const JUNK_TAGS = new Set(['nav', 'aside', 'footer', 'menu', 'dialog', 'form', 'input', 'label']);

/** ARIA roles that are page furniture. */
export const JUNK_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'menu', 'menubar', 'dialog', 'alert', 'search', 'tablist']);
/**
 * Furniture roles that stay furniture even when they hold most of the page's text (WRAPPER_TEXT_SHARE):
 * a dialog (cookie settings with their tables, a consent form) is never the page's layout wrapper.
 */
export const ALWAYS_JUNK_ROLES = new Set(['dialog', 'alertdialog']);

/**
 * class/id words that mark furniture: comments, share bars, related links, cookie banners, ads,
 * newsletters, bylines/meta rows (their data goes to metadata, not body). Matched at the start
 * of a class token only ("share-bar", "sidebar"), never inside one: wrappers such as
 * "elementor-widget-container" or "content-sidebar-wrap" hold articles.
 */
/** Tags never dropped for their class words (sites put page-type classes on them). */
export const NEVER_JUNK_BY_CLASS = new Set(['html', 'body', 'main', 'article']);
export const JUNK_CLASS = /^(?:comment(?:s|-list|-form|-respond)?|respond|disqus|share|sharing|social|sociable|related|recommend(?:ed|ations)?|more-stories|read-?more|read-next|up-?next|cookie|consent|gdpr|banner|ad|ads|advert|advertisement|adslot|ad-slot|dfp|sponsor(?:ed)?|promo|newsletter|subscribe|subscription|signup|sign-up|popup|modal|overlay|breadcrumbs?|sidebar|widget|menu|navbar|nav|navigation|footer|masthead|site-header|skip-link|screen-reader-text|sr-only|visually-hidden|tags?|tag-list|taglist|post-tags|entry-tags|categories|cat-links|post-meta|entry-meta|article-meta|byline|author-bio|author-box|about-author|authorbox|post-author|dateline|pagination|pager|post-navigation|nav-links|toc|table-of-contents|print|toolbar|rating|reactions|login|search|jp-relatedposts|yarpp|outbrain|taboola|tooltip|disclaimer|trending|most-popular|popular|carousel|slider|teaser|newsletter-signup|card|cards|excerpt|post-card)(?:$|[-_])/i;

/**
 * class/id words so specific to furniture that they mark it as any component of a token (split at
 * "-", "_" and camelCase humps), not only at its start: "wp-block-footnotes", "replay-signup",
 * "cta-banner__title", "CallToActionLarge", "post__author", "c-references", "restricted-content".
 * Footnote and reference lists are apparatus, not running text; calls to action, newsletter and
 * paywall boxes, testimonials and author boxes are furniture placed inside article containers;
 * pull quotes repeat sentences of the text; buttons ("wp-block-buttons", "btn-primary") are calls
 * to action (tune half +0.0005 F1, check +0.0010).
 * Not used for metadata (headlines sit in "hero-banner"s, dates in "post-author-meta" rows).
 */
export const JUNK_CLASS_PARTS = new Set([
  'footnotes', 'references', 'bibliography', 'newsletter', 'signup', 'subscribe', 'subscription',
  'cta', 'calltoaction', 'banner', 'advertising', 'author', 'testimonials', 'restricted', 'paywall',
  'pullquote', 'button', 'buttons', 'btn',
]);

/** Also judge the element part of BEM class names ("x__excerpt"). */
export const JUDGE_BEM = false;

/** An element holding at least this share of the page's text is never furniture (layout wrapper). */
export const WRAPPER_TEXT_SHARE = 0.4;

/** Whole class/id tokens that mark the article itself: these outweigh JUNK_CLASS on the same element. */
export const CONTENT_CLASS = /^(?:article|articlebody|article-body|article__body|article-content|article__content|story|story-body|entry|entry-content|post|post-content|post-body|post__content|content|main|main-content|body|blog|blog-post|prose|rich-text|richtext|single-post|hentry)$/i;

/** Direct selectors of the article body used by publishing systems (first fallback stage). */
export const BODY_SELECTORS: readonly { attr: string; pattern: RegExp }[] = [
  { attr: 'itemprop', pattern: /^articleBody$/i },
  { attr: 'class', pattern: /(?:^|\s)(?:entry-content|post-content|article-body|article__body|article-content|articleBody|story-body|story-content|post-body|c-entry-content|single-content|blog-content|post__content|article__content|content-body|td-post-content|rich-text)(?:$|\s)/i },
];

/** A selector-stage body must hold at least this share of the scored body's text, else we score. */
export const SELECTOR_MIN_SHARE = 0.5;

/** Container choice by net content mass (see content.ts scoreContainers). */
/** Blocks at least this long with few links count their full length. */
export const PROSE_CHARS = 80;
/** Blocks shorter than this count as crumbs (a fixed penalty). */
export const MIN_SCORING_CHARS = 25;
/** Medium blocks (between the two) count this share of their length. */
export const MEDIUM_BLOCK_WEIGHT = 0.5;
/** Penalty per crumb block (menu items, labels, dates). */
export const SHORT_BLOCK_PENALTY = 20;
/** Link-list blocks count minus this share of their length. */
export const LINK_TEXT_PENALTY = 2;
/** Headings are neutral. */
export const HEADING_VALUE = 0;
/** Multiplicative bonus for article-ish tags (added to 1). */
export const TAG_BONUS: Readonly<Record<string, number>> = { article: 0.1, main: 0.05 };
/** Multiplicative bonus/penalty for content/junk class words (added to 1). */
export const CLASS_BONUS = 0.3;

/** A nested container keeping at least (1 - this) of the best net content is preferred (more specific). */
export const DEEPER_SLACK = 0.3;
/** Elements that can be that more specific container (not a single paragraph or list). */
export const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'td', 'center', 'font', 'span']);

/** Siblings of the chosen container with at least this share of its net content join the body. */
export const SIBLING_NET_SHARE = 0.2;

/** Blocks whose share of characters inside links exceeds this are link lists, not prose. */
export const MAX_LINK_DENSITY = 0.5;
/** Short blocks (under this many chars) with any link share above SHORT_LINK_DENSITY are dropped. */
export const SHORT_BLOCK_CHARS = 80;
export const SHORT_LINK_DENSITY = 0.3;

/**
 * Link-dense blocks inside the article body (between its first and last prose paragraphs) are
 * kept when they come in runs of at most this many: inline links and short source lists
 * belong to the text, while longer runs are related-links menus placed mid-article.
 */
export const MAX_INLINE_LINK_RUN = 5;
/**
 * Linked list items at least this long (inside an <li>) between the body's first and last prose are
 * kept in runs of any length: lists of linked sources, patches or courses the article walks through
 * (tune half +0.0002 F1, check +0.0003; 30 the same, 60 and 80 half as much).
 */
export const LINKED_ITEM_MIN_CHARS = 40;

/**
 * Short lines that are furniture even inside the article container. Review buttons ("Read Full
 * Review", "Jump to review") and stock-agency image credits ("Getty Images / A. Name", "Courtesy
 * of brand") were added last (tune half +0.0000 F1, 3 pages up; check +0.0001, 3 pages up; "Learn
 * more about …" and "Read our full review" were tried too: as often in the reference as not).
 */
export const JUNK_LINE = /^(?:advertisement|advertisements|sponsored|ad|share(?: this| on .*)?|tweet|email|print|read more|continue reading|related(?: articles| posts| stories)?|you may also like|more from .*|sign up.*|subscribe.*|follow us.*|click here.*|loading\.*|photo:.*|image:.*|credit:.*|source:.*|tags?:.*|filed under.*|posted in.*|leave a (?:comment|reply).*|comments?|\d+ comments?|skip to .*|back to top|previous(?: post| article)?|next(?: post| article)?|table of contents|like this|share this|share|related|article continues (?:below|after (?:this )?(?:ad|advertisement))|story continues below|pin (?:this|it) for later|you (?:might|may) (?:also )?(?:like|enjoy)|sign up|join (?:our|the) newsletter|deal of the day|see (?:the )?price (?:at|on) .*|check price (?:at|on) .*|read full review|jump to review|courtesy of (?:the )?brand|(?:getty images|shutterstock|istock)(?: \/.*)?)[\s:!.…]*$/i;
/** JUNK_LINE applies only to blocks at most this long. */
export const JUNK_LINE_MAX_CHARS = 60;

/**
 * Boilerplate sentences placed inside article containers by publishing templates: affiliate and
 * sponsorship disclosures, "Last updated …" / "Published on …" stamps, reading-time notes. They
 * describe the page, not the story; dates are read by the metadata stage.
 */
export const BOILERPLATE_LINE = /^(?:(?:this|the) (?:post|article|page|guide|review|content|story)s? (?:may )?(?:contains?|includes?) affiliate links?|(?:some of )?the (?:links|products) (?:in|on) this (?:post|article|page)\b.*(?:affiliate|commission)|as an amazon associate|we may (?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)|(?:affiliate )?disclosure:|(?:this (?:post|article) was |post )?(?:last )?updated(?: on)?:? [^.]{0,40}\d{4}\b[^.]{0,25}$|(?:originally )?published(?: on)?:? [^.]{0,40}\d{4}\b[^.]{0,25}$|(?:reading time|read time):? \d+ min(?:ute)?s?\.?$|\d+ min(?:ute)?s? read$)/i;
/**
 * Placeholder text of page templates ("Lorem ipsum dolor sit amet…" in unfilled cards and
 * banners, "Lorem ipsum 1" or "Head Line 2" as the titles of unfilled tabs or slides (the two: tune
 * half +0.0003 F1, one page up; check unchanged), unrendered "{{template-token}}"s, "Loading prices…" shown until a script fills the
 * element) and embed code shown as text ("<iframe src=…>" pasted into a text field): never
 * content, whatever the container.
 */
export const PLACEHOLDER_TEXT = /^(?:lorem ipsum\b|(?:head ?line|heading|tab|slide) \d{1,2}$|<(?:iframe|script|div|embed|object|blockquote class)\b[^>]*>?|\{\{[^{}]*\}\}$|loading\b[^.!?]{0,60}(?:\.\.\.|…)$)/i;
/**
 * Image credits and captions that carry one ("Photo courtesy of the harbour office", "Crowds at
 * the pier. | Photo by A. Name") written as paragraphs instead of <figcaption>: they describe
 * pictures, not the story. Applies to blocks up to PHOTO_CREDIT_MAX_CHARS.
 */
export const PHOTO_CREDIT = /(?:^|[|•]\s*)(?:photo|image|picture)s? (?:by|courtesy(?: of)?)\s+[^.!?]{1,60}$/i;
export const PHOTO_CREDIT_MAX_CHARS = 250;
/**
 * Cross-links to other articles written as a labelled line ("Related: …", "Read more: …", "See
 * also: …", "Don't miss: …", also after a bullet, arrow or bracket: "» Related: …", "[Read more: …]"):
 * they point away from the story. Up to CROSS_LINK_MAX_CHARS.
 */
export const CROSS_LINK_LINE = /^[^\p{L}\p{N}]{0,4}(?:related(?: articles?| posts?| stories| reading)?|read more|see also|also read|read also|recommended(?: reading)?|don.t miss|suggested read(?:ing)?|further reading)\s*:\s*\S/iu;
export const CROSS_LINK_MAX_CHARS = 200;
/**
 * Sign-up calls to action placed inside articles ("Sign up for our newsletter…", "Thanks for
 * signing up!", "…delivered to your inbox"): promotion of the site, not the story. The verb
 * forms only: "the subscription costs $5" is prose. Up to SIGNUP_CTA_MAX_CHARS.
 */
export const SIGNUP_CTA = /\b(?:sign up (?:now|today|below|here|for (?:our|the|my)|to (?:get|receive))|subscribe (?:to (?:our|the|my)|now|today)|(?:delivered|straight) to your inbox|thanks for signing up|join (?:our|the|my) (?:newsletter|mailing list))/i;
export const SIGNUP_CTA_MAX_CHARS = 160;
/**
 * Shopping and quote buttons ("$250 at Example Store", "Check Amazon Price", "Buy on …",
 * "Shop now", "Get a Quote (555) 010-0000"): links to a shop, not text of the article. Up to
 * SHOP_BUTTON_MAX_CHARS.
 */
export const SHOP_BUTTON = /^(?:(?:now )?\$[\d,.]+ (?:at|on|from) \S.{0,40}|check (?:\w+ )?price\b.{0,40}|shop (?:at|on|now)\b.{0,40}|buy (?:at|on|now|from)\b.{0,40}|view (?:deal|on amazon|at \S+).{0,30}|get (?:it|the deal) (?:at|on) .{0,40}|get a quote\b.{0,30})$/i;
export const SHOP_BUTTON_MAX_CHARS = 80;
/**
 * Copyright notices placed in article containers ("Copyright © 2026 …", "© Name …"). Up to
 * LEGAL_LINE_MAX_CHARS. (Consent notices, "By clicking …, you agree …", were tried too: on one
 * tune page dropping one made the strict body short enough to switch to the lenient stage.)
 */
export const LEGAL_LINE = /^(?:copyright\s*(?:©|\(c\))?\s*\d{4}|©\s*\S)/i;
export const LEGAL_LINE_MAX_CHARS = 300;
/**
 * Messages of page widgets shown as text (error and status lines of search boxes, maps and forms,
 * "JavaScript is required" notices): the interface speaking, not the article. Up to
 * UI_MESSAGE_MAX_CHARS.
 */
export const UI_MESSAGE = /^(?:(?:sorry|we.re sorry|oops|something went wrong|an error (?:has )?occurred|error:)\b.{0,200}(?:try again|not available|could ?n.t|unable|went wrong|refresh)|please enable javascript|javascript is (?:disabled|required)|you (?:need|must) (?:to )?enable javascript|your browser (?:does not|doesn.t) support)/i;
export const UI_MESSAGE_MAX_CHARS = 300;
/** Author bio: how many final body blocks are searched for one starting with the author's name, and its longest length. */
export const AUTHOR_BIO_TAIL_BLOCKS = 3;
export const AUTHOR_BIO_MAX_CHARS = 500;
// (Tried and dropped: a tail block starting with the author's first name and a bio verb, "Ann
// has written for…": tune -0.0001, two pages down, none up.)
/** Separators between the names of an author field. */
export const AUTHOR_NAME_SPLIT = /\s*(?:,|;|&|\band\b)\s*/;
/** BOILERPLATE_LINE applies only to blocks at most this long (longer ones are prose that happens to start so). */
export const BOILERPLATE_LINE_MAX_CHARS = 250;

/** A body shorter than this after a stage means the stage failed; try the next. */
export const MIN_BODY_CHARS = 200;

/** Title: separators between a headline and the site name in <title>. */
export const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+/;
/** Title: a separator at the very start or end of a head title (an empty site name). */
export const DANGLING_SEPARATOR = /^\s*[|\-–—:·•»](?:\s+|$)|\s+[|\-–—:·•»]\s*$/g;

/** Title: an h2 must agree this closely with the head titles to be the headline (blogs with a site-name h1). */
export const H2_AGREEMENT = 0.8;
/**
 * Title: an h2 is the headline only when it has the words of a head title or head-title part
 * (site name removed); an h2 with other wording is a section heading ("… FAQs") or a restyled
 * copy, and og:title/<title> win.
 */
export const H2_SAME_WORDS = true;
/** Title: how much of the head title a heading may leave out (the head title often adds a tagline). */
export const TITLE_COVER_SLACK = 0.3;
/**
 * Title: separators after which a heading's tail is a template label when the part before them is
 * the head title. For h1s only the pipe and slash: a dash or colon in an h1 usually introduces a
 * subtitle the headline keeps ("Best Bread Machines – My Favorites!"), a pipe never does
 * ("… | Opinion"). An h2 chosen as the title is weaker evidence: any separator ends it.
 */
export const H1_SUFFIX_SEPARATOR = /\s+[|/]\s+/;
/**
 * Title: a heading's tail after such a separator is a template label ("Opinion", "Top 19
 * Companies") when it has at most this many words; a longer tail that the head title carries too
 * ("A | The Best Mirrorless Cameras on the Market — Site") is the headline's subtitle and stays.
 */
export const HEADING_LABEL_MAX_WORDS = 4;
export const H2_SUFFIX_SEPARATOR = /\s+[|/\-–—:]\s+|:\s+/;
/** Title: a page's only h1 (outside furniture, not the site name) is the headline even when it disagrees with og:title. */
export const TRUST_SINGLE_H1 = true;
/** Title: a lone h1 of at most this many words must share SHORT_H1_AGREEMENT of its words with the head titles (else it is a section label). */
export const SHORT_H1_WORDS = 3;
export const SHORT_H1_AGREEMENT = 0.6;
/** Title: a lone short h1 must also cover this share of a head title ("Discord" in a 16-word head title is a tag, not the headline). */
export const SHORT_H1_COVER = 0.5;
/** Title: an upper-case h1 and a head title sharing this share of their words (both ways) are the same headline; the head title gives the casing. */
export const ONE_CASE_AGREEMENT = 0.8;
/**
 * Title: an h1 with at most this share of its words (after the first) capitalised is in sentence
 * case; a head title part with the same letters and at least TITLE_CASE_MIN_SHARE capitalised
 * gives the casing. Of the 8 wcxb-dev pages whose h1 and head title differ only in casing, the
 * reference took the head title's casing on the 2 with a sentence-case h1 and a title-case head
 * title, and the h1's on the other 6 (which this rule leaves alone).
 */
export const SENTENCE_CASE_MAX_SHARE = 0.4;
export const TITLE_CASE_MIN_SHARE = 0.5;
/** Title: compatibility punctuation written as ASCII (full-width ？！：; the … stays: ground truth keeps it as often as not). */
export const TITLE_COMPAT_PUNCT = /[\uff01\uff1a\uff1f\uff08\uff09\uff0c]/g;
/**
 * Title and metadata: invisible format characters removed from headings and meta values before
 * whitespace is collapsed (soft hyphen, zero-width space, word joiner, zero-width no-break space):
 * a U+FEFF inside a word must not split it (JavaScript's \s matches U+FEFF).
 */
export const INVISIBLE_CHARS = /[\u00ad\u200b\u2060\ufeff]/g;
/** Title: marks a lossy encoding leaves for characters it cannot write ("Beginner?s"): see lossyRepaired. */
export const LOSSY_MARK = /[?\ufffd]/;
/** Title: write typographic apostrophes as ASCII ones. */
export const ASCII_APOSTROPHES = true;

/** Meta names that carry a publication date, most trusted first. */
export const DATE_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'publishdate', 'publish-date', 'published-date', 'publish_date', 'pubdate',
  'publication_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date',
  'parsely-pub-date', 'article.published', 'published_time', 'original-publish-date', 'citation_publication_date',
  'cxenseparse:recs:publishtime', 'rnews:datepublished', 'article_date_original', 'og:published_time', 'release_date',
];
/** Other meta names that look like a publication date, and words that rule a name out. */
export const DATE_META_KEY = /publish|pubdate|created|issued/;
export const DATE_META_NOT = /modif|updat|expir|revis/;
/**
 * Meta names for the author, most trusted first. Not twitter:creator: it holds a social handle
 * ("@lorngazette", often the site's), never the byline as printed (0 of 21 wcxb-dev tune pages).
 * Tried and dropped: citation_author "Surname, First" written in reading order (wcxb-dev tune +1,
 * check -1: the reference keeps the inverted form as often as it reorders it).
 */
export const AUTHOR_META = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl', 'citation_author', 'cxenseparse:author'];
/** Byline: labels written before the name ("By", "Written by:", "Recipe by", "Author", an author box's "Read more about"). */
export const BYLINE_LABEL = /^(?:(?:read\s+)?more\s+(?:about|from)\b|(?:\p{L}+\s+)?by|author(?:ed\s+by)?|contributors?(?=\s*:))\b\s*:?\s*/iu;
/** Byline: where the name ends (a separator, an update, publication or review line, "on behalf of" a team, a reading time); at the start, the element is a date line. */
export const AUTHOR_STOP = /(?:^|\s)(?:[|•·●–—-]\s|(?:last\s+)?updated\b|(?:medically\s+)?reviewed\b|fact[- ]checked\b|edited\b|published\b|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|on\s+behalf\s+of\b|\d+\s+min(?:ute)?s?(?:\s+read)?\b)/i;
/**
 * Author: class/id/itemprop words of elements holding a byline ("post-author", "byline",
 * "content-hub-hero__content-authors"); with AUTHOR_CLASS_CAMEL, camelCase humps count as
 * separators too ("authorName", "dateAndAuthorContainer").
 */
export const AUTHOR_CLASS = /(?:^|[\s_-])(?:author|authors|byline|author-name|by-author|writer|contributor)(?=$|[\s_-])/i;
export const AUTHOR_CLASS_CAMEL = true;
/** Cheap test for a camelCase hump next to an AUTHOR_CLASS word, before the class is split. */
export const AUTHOR_CLASS_HUMP = /[a-z](?:Authors?|Byline|Writer|Contributor)|(?:author|byline|writer|contributor)s?[A-Z]/;
/**
 * Author, last fallback: short elements (at most BYLINE_TEXT_MAX_CHARS characters) of these tags
 * whose text is a byline ("By Ana Ruiz", "by: Ana Ruiz, Dec 17, 2025", "Posted by Ana at …") or a
 * byline label alone ("Written by", "Article by") followed by an element with the name. Only
 * labels that name the writer: not "Photo by", "Reviewed by", "Edited by", "Powered by". A "Contributors:"
 * line is one too; a name may start with digits run into letters ("By 3i Global"), not with a
 * number ("By 2030 the fleet …").
 */
export const BYLINE_TEXT = /^(?:(?:(?:written|posted|words|story|text|article|reported|authored)\s+)?by\s*:?|contributors?\s*:)\s+\p{N}*\p{L}/iu;
export const BYLINE_LABEL_ALONE = /^(?:(?:written|posted|words|story|text|article|reported|authored)\s+by|by|author)\s*:?$/i;
export const BYLINE_TEXT_TAGS = new Set(['p', 'span', 'div', 'li', 'small', 'em', 'i', 'b', 'strong', 'address', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'td', 'font']);
export const BYLINE_TEXT_MAX_CHARS = 120;
/** Byline text elements: raw characters (indentation included) read at most before the collapsed text is measured. */
export const BYLINE_TEXT_RAW_MAX_CHARS = 480;
/** Cheap test of an element's first text node before its whole text is read for BYLINE_TEXT. */
export const BYLINE_TEXT_SCREEN = /^\s*(?:by|written|posted|words|story|text|article|reported|authored|author|contributors?)\b/i;
/**
 * Author: metadata values that are no name: numeric ids ("262588213843476") and unfilled template
 * keys ("page.head.extra.author", "{{ author }}"); the next source is read instead. (E-mail
 * addresses and dotted user names stay: references print them as the byline.)
 */
export const AUTHOR_NOT_A_NAME = /^(?:\d{5,}|[\w.]*\.(?:author|name)|\{\{.*\}\})$/i;
/**
 * Author: when metadata names the site ("Cleveland Clinic" on its own pages) or a JSON-LD
 * Organization as the author, a person's name in the printed byline is taken instead.
 */
export const PERSON_OVER_ORGANISATION = true;
export const ORGANISATION_TYPES = /organi[sz]ation|corporation|newsmediaorganization|educationalorganization|ngo|governmentorganization|localbusiness/i;
/** Author: how a page joins several names in its byline (", ", " and ", ", and ", " & "), and how much page text is searched for them. */
export const NAME_JOIN_PATTERN = '(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*)';
export const VISIBLE_JOIN_CHARS = 60000;
/** Author: labels of a twitter:labelN meta whose twitter:dataN is the author (WordPress SEO plugins). */
export const AUTHOR_LABEL = /^(?:written by|author|by)$/i;
/** Author: link paths of author pages ("/author/maren-holt", "/authors/ivo-lind/"). */
export const AUTHOR_PAGE_PATH = /\/(?:author|authors|writers?|contributors?|people|staff)\/[^/?#]+\/?(?:[?#]|$)/i;
/** Byline: pieces that join several names, and the most words a name piece has. */
export const NAME_JOINER = /^(?:and|&|,)$/i;
export const BYLINE_NAME_MAX_WORDS = 5;
/** Byline: elements with more text than this are author boxes or bios, not bylines. */
export const BYLINE_MAX_CHARS = 80;
/** Byline: a date without a year written before the name ("May 28 Written By Ana Ruiz"): it goes with the label. */
export const YEARLESS_DATE_START = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b[\s,;:|•·–—-]*/iu;
/** Author: class/id words of a comment thread; author-classed elements inside are commenters. */
export const COMMENT_CLASS = /(?:^|[\s_-])comments?(?=$|[\s_-])/i;
/** Author: an author-classed element's text that is an avatar's initials, not the name. */
export const AVATAR_INITIALS = /^\p{Lu}{1,3}$/u;
/** Byline: texts that are a label, not a name. */
export const BYLINE_NOT_A_NAME = /^(?:by|authors?|the author|written by|posted by|name|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)$/i;
/** Meta names for the section. */
export const SECTION_META = ['article:section', 'section', 'parsely-section', 'og:article:section'];
/** Meta names for the outlet. */
export const OUTLET_META = ['og:site_name', 'application-name', 'publisher', 'twitter:site'];

/** Dates: among visible dates without metadata support, take the earliest (updated dates come later). */
export const DATE_VISIBLE_EARLIEST = false;

/** Dates: words labelling a displayed date as the publication date, and as an update date (checked first). */
export const DATE_LABEL_PUBLISHED = /\b(?:published|posted|publish date|date published|first published|released)\b/i;
export const DATE_LABEL_UPDATED = /\b(?:updated|modified|last reviewed|reviewed|revised|edited)\b/i;
/** Dates: how many characters before a displayed date are read for its label. */
export const DATE_LABEL_CHARS = 40;

// ---- Body extraction (extract-body branch): container choice and block filtering ----

/** A heading's id is an anchor slug of its words ("toc-heading-2", "share-your-story"), never judged as a furniture class. */
export const HEADING_ID_IS_ANCHOR = true;
/**
 * A scored body shorter than this is checked against the lenient pass (class words ignored): when
 * that finds LENIENT_GAIN times more text, class-word furniture removal took the article itself
 * (page builders wrap every section in a "widget" or "panel"). Above about 1,000 characters the
 * lenient body is as often a page of sidebars (wcxb-dev tune pages).
 */
export const SHORT_BODY_CHARS = 500;
export const LENIENT_GAIN = 4;
/**
 * Class words naming link lists (contents boxes, menus, tag rows): an element so named is kept
 * when it holds at least LINK_LIST_CLASS_MIN_CHARS characters of which under
 * LINK_LIST_CLASS_MAX_LINK_SHARE are in links (prose, not a list of links).
 */
export const LINK_LIST_CLASS = /^(?:toc|table-of-contents|menu|nav|navigation|breadcrumbs?|pagination|pager|nav-links|tags?|tag-list|taglist|categories|cat-links)(?:$|[-_])/i;
export const LINK_LIST_CLASS_MIN_CHARS = 300;
export const LINK_LIST_CLASS_MAX_LINK_SHARE = 0.2;
/**
 * Teaser cards (see content.ts dropTeaserCards): at least TEASER_MIN_CARDS sibling elements of one
 * tag and class, each with a date line (a block of at most TEASER_DATE_MAX_CHARS holding a date)
 * and a linked title, found at most TEASER_CARD_MAX_UP levels above the date line.
 */
export const DROP_TEASER_CARDS = true;
export const TEASER_MIN_CARDS = 3;
export const TEASER_DATE_MAX_CHARS = 40;
export const TEASER_CARD_MAX_UP = 4;
/**
 * Body: where an inline element opens or closes between a lower-case letter and a capital
 * ("<span>Steve Davis</span><span>Shipwreck</span>"), the block text gets a space: the page lays
 * such spans out apart (artist and album, label and value) and a reader sees two words, not
 * "DavisShipwreck". Not at the edges of ATTACHED_INLINE_TAGS (footnote markers: "<sup>a</sup>Adjusted").
 * wcxb-dev: tune F1 +0.0002 (8 pages up, 2 down by < 0.001), check +0.0001 (3 up, 6 down).
 */
export const INLINE_EDGE_SPACE = true;
export const ATTACHED_INLINE_TAGS = new Set(['sup', 'sub']);
/** Teaser cards: how many leading class words (numbered ones left out) cards of one list share. */
export const TEASER_SIGNATURE_CLASSES = 2;
/** Teaser cards holding more than this share of the body are the page's content (an events list, an archive). */
export const TEASER_MAX_BODY_SHARE = 0.8;

/**
 * Body: items of ordered lists start with the number a browser shows ("1. ", "2. "), as the
 * article reads; not when the item's text already starts with one (LIST_NUMBER_WRITTEN) or the
 * list switches its markers off inline (NO_LIST_MARKER_STYLE). The reference writes them on
 * most sites (tune half F1 +0.0000: P -0.0003, R +0.0005; check +0.0011).
 */
export const ORDERED_LIST_NUMBERS = true;
export const LIST_NUMBER_WRITTEN = /^\s*(?:\d+|[a-z]|[ivx]+)[.):]/i;
export const NO_LIST_MARKER_STYLE = /list-style(?:-type)?\s*:\s*none/i;

/**
 * Body: the tail after the body's last <hr> is dropped when it has no prose block and at most
 * RULED_TAIL_MAX_CHARS characters (see content.ts dropRuledTail). wcxb-dev: 13 pages change,
 * 12 up (tune F1 +0.00002, check +0.00006); the one longer ruled tail without prose on the tune
 * half (327 characters, a closing section) is in the reference, hence the cap.
 */
export const DROP_RULED_TAIL = true;
export const RULED_TAIL_MAX_CHARS = 300;

/**
 * Body: prose paragraphs right before the scored body, under the container's ancestor this many
 * levels up, join it (see content.ts withAdjacentProse); 0 = off. At most ADJACENT_PROSE_MAX_BLOCKS,
 * not list items (breadcrumbs), not inside a <header> (bylines, deks), not named a standfirst or
 * label on the block itself (STANDFIRST_CLASS). wcxb-dev: tune F1 +0.0004 (4 pages up, none
 * down), check +0.0006 (4 up, 4 down); 1 level: tune +0.0002, 2: +0.0003, 3: +0.0004.
 */
export const ADJACENT_PROSE_LEVELS = 3;
export const ADJACENT_PROSE_MAX_BLOCKS = 3;
// (Tried and dropped: the same after the body's last block — tune -0.0001, check -0.0000: author
// bios, calls to action and product boxes follow articles. Dropping the class words "card" or
// "teaser" from JUNK_CLASS: "card" tune -0.0004, check +0.0026; "teaser" tune +0.0006 from two
// pages, check +0.0000; keeping link-less cards: tune +0.0000, check +0.0000. Code blocks
// (<pre>) and reference lists: the reference keeps them on some sites and not others, with no
// markup telling which — no rule.)

/**
 * Body: the labels of buttons that open disclosure panels (aria-expanded / aria-controls: FAQ
 * questions above their answers) are kept as text when they have at least
 * DISCLOSURE_BUTTON_MIN_WORDS words; other buttons (menu toggles, "Share") stay skipped.
 * wcxb-dev: tune F1 +0.0002 (4 pages up, 1 down: an FAQ the reference leaves out), check +0.0001
 * (2 up, 1 down). Title, date and author results unchanged.
 */
export const KEEP_DISCLOSURE_BUTTONS = true;
export const DISCLOSURE_BUTTON_MIN_WORDS = 4;

// ---------------------------------------------------------------------------------------------
// Metadata: title and publication-date choice (kept apart from the body constants above).
// ---------------------------------------------------------------------------------------------

/** Kinds of publication-date evidence (see DATE_ORDER). */
export type DateSource = 'url' | 'visible-published' | 'meta-og-published' | 'headline-zone' | 'meta-published' | 'visible' | 'meta-modified' | 'visible-text';
/**
 * Dates: the order in which evidence is trusted; the first kind present wins.
 * - A date in the URL path is fixed when the article is first published and never rewritten by
 *   later edits, so it beats everything (it agreed with the ground truth on every wcxb tune page
 *   that had one).
 * - A displayed date the page labels "Published"/"Posted" (in a date element) is what the reader
 *   is told; metadata that disagrees is often a re-indexing or migration date of the publishing
 *   system.
 * - Open Graph article:published_time comes next: publishing systems write it from the post's own
 *   publication field (on wcxb-dev tune pages it agreed with the reference 23 times where the
 *   date beside the headline disagreed, 7 times the other way).
 * - Then the date displayed beside the headline (byline/date line): JSON-LD and other metadata
 *   are often written by SEO plugins and site migrations (it beat JSON-LD datePublished 13 to 9).
 * - Then other published-date metadata (time[pubdate], JSON-LD, meta tags), except that a
 *   displayed date which the metadata confirms (as the published or the modified day) wins:
 *   the reference dates follow what the reader is shown. (Preferring published metadata over a
 *   displayed, confirmed "Updated" date was tried: one page worse on the tune half.)
 *   Reference dates are local days: "2025-12-18T21:46-05:00" stays on the 18th (the reference
 *   kept the local day 6 times, took the UTC day 3 times on wcxb-dev).
 * - Then the displayed date, the modified metadata (a page saying only when it was updated) and
 *   the first date written anywhere in the page's text.
 */
export const DATE_ORDER: readonly DateSource[] = ['url', 'visible-published', 'meta-og-published', 'headline-zone', 'meta-published', 'visible', 'meta-modified', 'visible-text'];
/** Dates: characters of text read before the headline and from its start for the headline zone. */
export const ZONE_BEFORE_CHARS = 100;
export const ZONE_AFTER_CHARS = 400;
/** Dates: characters before a date in the headline zone read for its "Published"/"Updated" label. */
export const ZONE_LABEL_CHARS = 25;
/**
 * Title: the URL slug is written from the headline when the article is first published. An h1
 * with at most SLUG_H1_MAX_COVER of the slug's words (a promotion, a pull quote, a restyled
 * heading) loses to a head title having all of them, unless some head title has the h1's
 * wording. Slugs of fewer than SLUG_MIN_WORDS words (ids, single words) say nothing. On the
 * wcxb-dev tune half the h1 share 0.4-0.6 and a head-title share of 0.9-1 each gave +1 page and
 * no loss; a head-title share down to 0.6 (with 0.5) cost 2 tune pages.
 * Tried and dropped (wcxb-dev, pages where h1 and every head title disagree): a majority vote of
 * og:title/twitter:title/JSON-LD/<title> against the h1 (the reference follows the h1 about 70%
 * of the time even when 3-4 sources agree with each other), an h1 outside article/main, the
 * longer or the more complete wording, the head title's year, cutting a heading at " - "/" – "
 * (tune +2 -5), taking a title-case head title for a sentence-case h1 with nearly its words
 * (tune +1 -1), keeping typographic apostrophes when every source has them (the reference writes
 * ASCII ones on as many such pages; it even gives one page two titles under two ids).
 * A learned ranker over the rule's title and the head titles kept the rule's choice in every
 * fold: no gain out of fold (models/title.md; its code is in git history).
 */
export const SLUG_MIN_WORDS = 3;
export const SLUG_H1_MAX_COVER = 0.5;
/** Title: how many element levels inside a heading are searched for a part that is a head title. */
export const HEADING_PART_DEPTH = 3;
/** Title: a heading part is the title only when the rest of the heading has at most this many words. */
export const HEADING_PART_MAX_REST_WORDS = 4;
/** Title: separator parts of the head titles with at least this many words are matched against headings on their own. */
export const TITLE_PART_MIN_WORDS = 3;
/**
 * Dates: month names of other languages pages are written in (French, German, Spanish, Italian,
 * Portuguese, Dutch), lower-case; abbreviations only where they are not English words ("set",
 * "out", "ago" are left out). English names are in dates.ts.
 */
export const OTHER_MONTH_NAMES: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, février: 2, fevrier: 2, févr: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12, déc: 12,
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, okt: 10, dezember: 12, dez: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, abr: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12,
  janeiro: 1, fevereiro: 2, março: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, dezembro: 12,
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8,
};
/** Title: host-name labels shorter than this are not matched as site names ("co", "uk"). */
export const HOST_LABEL_MIN_CHARS = 3;
/** Title: itemprop value marking the headline element (kept even inside furniture-named rows). */
export const HEADLINE_ITEMPROP = /(?:^|\s)headline(?:$|\s)/i;
/**
 * Title: class/id tokens of wrappers that are furniture for the body but hold the headline
 * ("banner__wrapper", "blog-banner", "banner-wrap": page-top hero banners). A heading inside one
 * is still read as a headline (the ARIA role "banner", the site header, stays furniture).
 */
export const HEADLINE_HOLDER_CLASS = /^banner(?:$|[-_])/i;
/** Body: class/id/data names and inline styles of collapsed disclosure panels (hidden content the reader opens). */
export const COLLAPSED_PANEL = /collaps|accordion/i;
export const COLLAPSED_STYLE = /(?:^|;)\s*(?:max-)?height\s*:\s*0(?:px)?\s*(?:;|$)/i;
/**
 * Body: when the siblings joining the chosen container (SIBLING_NET_SHARE) together carry at least
 * this many times its net content, the container is one paragraph of the article and the parent
 * is the article, its score pulled down by link lists inside it (a listicle of linked courses):
 * the parent is taken whole. 1 = "the siblings outweigh the container" (tune half: same F1 for 1 to 5).
 */
export const PARENT_WHEN_SIBLINGS = 1;
/**
 * Body: the nearest <article>/<main>/content-named ancestor of the chosen container is taken
 * instead when it holds at least this many times the selection's prose (positive block values):
 * link lists inside the article pulled its score down (see content.ts widenToArticle). 0 = off.
 * (Check half +0.0018 F1 from two pages, tune half unchanged; the same for 2 to 5.)
 */
export const ARTICLE_PROSE_GAIN = 3;
/** Body: utility classes that hide an element (Bootstrap, Tailwind, common names), a cheap screen, and classes showing it from some width up. */
export const HIDDEN_CLASS = /^(?:[a-z]+:)?(?:d-none|hidden|is-hidden|hide)$/;
export const HIDDEN_CLASS_SCREEN = /\b(?:d-none|hidden|hide)\b/;
export const SHOWN_FROM_WIDTH_CLASS = /^(?:d-(?:sm|md|lg|xl|xxl)-(?!none)|(?:[a-z]+:)?(?:sm|md|lg|xl|2xl):(?:block|flex|grid|inline|inline-block|inline-flex|table|contents))/;
/**
 * Dates: month abbreviations that are English words ("ago", "set", "out") or otherwise too short to
 * trust in running text, read only in the dashed day-month-year form ("04-ago-2021"), where they
 * cannot be words.
 */
export const DASHED_MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  ene: 1, gen: 1, fev: 2, fév: 2, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, out: 10, ott: 10, dic: 12,
};
/**
 * Body: take the intro paragraphs between the headline (h1) and the chosen container (see
 * content.ts withLede), the h1 at most this many blocks back (tune half +0.0003 F1, check +0.0004;
 * for the selector stage it was -0.0001 on tune, so not there).
 */
export const LEDE_BEFORE_BODY = true;
export const LEDE_MAX_GAP_BLOCKS = 12;
/** Body: class/id words of a standfirst (dek) under the headline, which the lede rule leaves out. */
export const STANDFIRST_CLASS = /(?:^|[\s_-])(?:intro|dek|lead|lede|sub-?title|subhead|standfirst|excerpt|summary|descr|caption|label|credit)/i;
/**
 * Affiliate disclosures worded in ways BOILERPLATE_LINE (which reads only a block's start) misses:
 * after another sentence ("Our editors test everything. When you buy through links on this page,
 * we earn a commission"), or as "We may be compensated when you click…". A notice about the
 * site's income, not the story. Up to AFFILIATE_DISCLOSURE_MAX_CHARS. (The reference keeps such
 * notices on some sites: tune half +0.0002 F1, check +0.0001.)
 */
export const AFFILIATE_DISCLOSURE = /\b(?:we|i|site|page|post|article)\b[^.]{0,40}\b(?:earn|receive|get)\b[^.]{0,80}\b(?:commissions?|compensation|affiliate)|\b(?:we|i) (?:(?:may|might|could|will) )?be compensated\b|\b(?:contains?|includes?|uses?) (?:commissionable|affiliate) links?|\bwhen you (?:buy|click|shop|purchase|sign up)\b[^.]{0,40}\b(?:through|via|from|on) (?:links|our|the links)/i;
export const AFFILIATE_DISCLOSURE_MAX_CHARS = 400;
/**
 * Byline lines left in the article container ("By Ann Lee", "Written by Ann Lee", "By Ann Lee –
 * Updated May 2, 2025 | Fact-checked by …", "By Ann Lee • May 2, 2025"): "by" and two to four
 * capitalised name words, then the end or a separator. The metadata stage reads the author; the
 * line is not the story. Case-sensitive: "By the 17th century…" and "By knowing your users…" are
 * prose. Up to BYLINE_LINE_MAX_CHARS. (wcxb-dev: 10 such blocks in bodies, none in the reference;
 * tune half unchanged, check 9 pages slightly up: P +0.0001, F1 +0.0000.)
 */
export const BYLINE_LINE = /^(?:[Bb]y|[Ww]ritten by|[Pp]osted by|[Ww]ords by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}(?:,? (?:CFP|PhD|MD|Jr\.?))?\s*(?:$|[–—|•,·-]|\s(?:at|on|and|[Uu]pdated|[Pp]ublished)\b)/u;
export const BYLINE_LINE_MAX_CHARS = 160;
/**
 * Bibliography entries written as plain list items or paragraphs (no "references" class to mark
 * them): a numbered or bare citation in Vancouver style ("1. Lee AB, Moss CD, …"), or a numbered
 * one with a parenthesised year after the authors ("2. Harbour Board (2019). Ferry safety.",
 * "(n.d.)"; unnumbered, "Sales grew (2019). Then…" would be prose). Reference lists are
 * apparatus, as under JUNK_CLASS_PARTS 'references'. Up to CITATION_LINE_MAX_CHARS. wcxb-dev:
 * tune F1 +0.0003 (2 pages up, 1 slightly down: a reference that keeps its list), check
 * unchanged (no such lines).
 */
export const CITATION_LINE = /^(?:(?:\[?\d{1,3}[.\])]\s+)?(?:\p{Lu}[\p{L}'’-]+ \p{Lu}{1,3}, ){2,}|\[?\d{1,3}[.\])]\s+\p{Lu}[^.()]{2,120}\((?:\d{4}[a-z]?|n\.d\.)\)\.\s+\S)/u;
export const CITATION_LINE_MAX_CHARS = 400;
/**
 * Body: an "About the author" label among the body's last ABOUT_AUTHOR_TAIL_BLOCKS blocks starts
 * the author's bio, dropped to the end (content.ts dropAboutAuthor). 0 = off. wcxb-dev: tune F1
 * +0.0001 (one page up: a bio under a label whose author field is one word), check unchanged.
 */
export const ABOUT_AUTHOR_TAIL_BLOCKS = 4;
export const ABOUT_AUTHOR_LABEL = /^(?:about the (?:author|writer)s?|about (?:our|this) (?:author|writer)|meet the (?:author|writer)|author bio(?:graphy)?)[\s:.!]*$/i;
export const ABOUT_AUTHOR_LABEL_MAX_CHARS = 40;
/**
 * Body: an author-box line among the body's last AUTHOR_LINE_TAIL_BLOCKS blocks — the author's name
 * or first name alone, or after a box label ("Follow …", "Latest posts by …", "By …") — starts
 * the box, dropped to the end with the bio under it (content.ts dropAuthorLine). 0 = off. Names
 * (and first names) shorter than AUTHOR_LINE_MIN_NAME_CHARS are not matched. wcxb-dev: tune F1
 * +0.0001 (4 pages up, none down), check +0.0000 (1 page up, none down).
 */
export const AUTHOR_LINE_TAIL_BLOCKS = 3;
export const AUTHOR_LINE_MAX_CHARS = 60;
export const AUTHOR_LINE_MIN_NAME_CHARS = 3;
export const AUTHOR_LINE_LABEL = /^\s*(?:by|written by|posted by|follow|latest posts by|more (?:posts |articles |stories )?(?:from|by)|posts by|articles by|about)\s*:?\s+/i;
export const AUTHOR_LINE_SUFFIX = /\s*\(see all\)\s*$/i;
// (Tried and dropped in container scoring: sentence punctuation — a prose-length block without
// any of . ! ? ; : counting as a medium block: no page changes on either half; such a block
// without , either counting as a crumb: tune F1 -0.0015, check -0.0020 (tables, lists and
// unpunctuated intros lose their container). The tune pages losing most precision to a "wrong
// container" (a pet insurance page, a photography listicle, an essay, a fund page) are references
// holding only part of the article — its intro, its first half, an abridged text — not scorer
// choices another container would fix.)
// (Tried and dropped: a closing call to action — the body's last one or two blocks inviting the
// reader to request a quote, call, "check out our …", "visit our …", "talk to an expert" — and a
// question line leading into it: tune F1 -0.0003 (6 pages up, 17 down), check -0.0004 (4 up, 12
// down). The reference keeps such closing lines inside the article's last paragraph as often as
// not, and they sit in the same element and class as the prose before them.)
