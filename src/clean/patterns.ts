/**
 * Named patterns and thresholds for plain-text cleanup. Line patterns match one whole line
 * (trimmed, no-break spaces folded to spaces). They are written for crawled news text in
 * general — agency captions, wire datelines, the footers of many outlets — not for one site.
 */

// ---------------------------------------------------------------------------------------------
// Thresholds
// ---------------------------------------------------------------------------------------------

/** Lines longer than this are prose: no whole-line boilerplate rule looks at them (also keeps
 * the rules linear on pathological one-line files). Mirror notices and newsletter prompts fit. */
export const MAX_BOILERPLATE_LINE = 260;

/** A title is one line of at most this many characters, followed by more text. */
export const MAX_TITLE_CHARS = 300;

/** A breadcrumb line is short: at most this many characters and words. */
export const MAX_BREADCRUMB_CHARS = 60;
export const MAX_BREADCRUMB_WORDS = 6;

/** Captions are single lines of at most this many characters. */
export const MAX_CAPTION_CHARS = 500;

/** A byline ("By Jane Doe") is only looked for in the first lines after the title. */
export const BYLINE_WINDOW_LINES = 3;
export const MAX_BYLINE_CHARS = 80;

/** Datelines ("DALLAS (AP) — ") open one of the first paragraphs after the title. */
export const DATELINE_WINDOW_LINES = 3;

/** Items of a "Related" list are short headline lines. */
export const MAX_RELATED_ITEM_CHARS = 140;

/** Trailing credit lines ("Story by …", "Follow X on Twitter") are searched in the last lines. */
export const CREDIT_WINDOW_LINES = 4;

// ---------------------------------------------------------------------------------------------
// Head of the article: breadcrumb, byline, dateline
// ---------------------------------------------------------------------------------------------

/** A breadcrumb: two to four short capitalised segments joined by / > » › | (e.g. "News / Interviews"). */
export const BREADCRUMB = /^[\p{Lu}][\p{L}&'’ -]{0,30}?(?:\s+[\/>»›|]\s+[\p{Lu}][\p{L}&'’ -]{0,30}?){1,3}$/u;

/** A byline line: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE | Staff writer". */
export const BYLINE = /^(?:By|BY)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin|and|&))*)(?:\s*[,|]\s*[^,|]{1,40})?$/u;

/**
 * A wire dateline opening a paragraph: "DALLAS (AP) — ", "NEW YORK, Nov. 19 (UPI) — ",
 * "BEIRUT, Lebanon — ", "LONDON (Reuters) - ". Capture 1: place; 2: agency.
 */
export const DATELINE = /^(\p{Lu}[\p{Lu}.'’ -]{1,30}(?:,\s*[\p{L}.]+(?:\s[\p{L}.]+){0,2}(?:\s\d{1,2})?)?)\s*(?:\(([\p{L} .&-]{1,30})\))?\s*[—–-]{1,2}\s+/u;

// ---------------------------------------------------------------------------------------------
// Captions and photo credits
// ---------------------------------------------------------------------------------------------

/**
 * A photo credit closing a caption line: "(Photo by AFP)", "(Photo: Reuters)", "(AP Photo/Evan
 * Vucci)", "(AFP photo)", "Photo: John Doe/Getty Images", "(File photo)". Capture 1..3: credit.
 */
export const PHOTO_CREDIT_TAIL =
  /\s*(?:\((?:photos?|image|picture|file photo)(?:\s+by|:)\s*([^()]{1,60})\)|\(([^()]{1,40}?)\s+(?:photo|file photo|images?)(?:\s*\/\s*[^()]{1,40})?\)|(?:^|\s)(?:photo|image|credit)s?:\s*([^()]{1,60}))\.?$/i;

/** A word every photo-credit tail contains (a cheap filter run before the tail patterns). */
export const PICTURE_WORD = /photo|image|picture/i;

/** "(File photo)" / "(Illustrative image)" with no named credit. */
export const PHOTO_NOTE_TAIL = /\s*\((?:file|archive|illustrative|representational)\s+(?:photo|image|picture)\)\.?$/i;

/**
 * A caption opened by a copyright mark and a picture agency: "© AFP Cardinal X (centre) ...".
 * Capture 1: the agency (see PICTURE_AGENCIES); the rest of the line is the caption.
 */
export const COPYRIGHT_CAPTION =
  /^©\s*(AFP|AP(?: Photo(?:\s*\/\s*[\p{L}. ]{1,30}?)?)?|Reuters|EPA|Getty(?: Images)?|PA|Xinhua|Sputnik|TASS|Anadolu|Press Release|Provided by [\p{L}. ]{1,30}?|[\p{L}. ]{1,30}\/(?:AFP|AP|Getty Images|Reuters)(?:\/Getty Images)?)\s+(?=\p{Lu})/u;

// ---------------------------------------------------------------------------------------------
// Site boilerplate (whole lines)
// ---------------------------------------------------------------------------------------------

/** Lines that only invite sharing, printing or e-mailing. */
export const SHARE_LINE =
  /^(?:share(?: this)?(?: article| story| page| post| video)?(?: on (?:facebook|twitter|whatsapp|linkedin|x|social media))?|share on \w+|tweet(?: this)?|e-?mail(?: this)?(?: article| story)?|print(?: this)?(?: article| story| page)?|pin it|whatsapp|click to share.*)[:!.]?$/i;

/** Invitations to follow the outlet ("Follow us on Twitter", "Like us on Facebook", "Join our Telegram channel"). */
export const FOLLOW_LINE =
  /^(?:follow us(?: on .{1,60})?|like us on facebook.{0,40}|.{0,80}\blike (?:the|our) page|join (?:us|our (?:telegram |whatsapp )?(?:channel|community|group))(?: on .{1,40})?|find us on .{1,40}|subscribe to (?:our|the) (?:youtube |telegram )?channel.{0,40})[:!.]?$/i;

/** Mirror notices ("X's website can also be accessed at these alternate addresses:") and the like. */
export const MIRROR_NOTICE = /\b(?:can also be accessed (?:at|via|through)|alternate (?:addresses|domains|web ?sites)|mirror (?:sites?|addresses|domains))\b/i;

/** The outlet named by a mirror notice: "Press TV’s website can also be accessed ...". Capture 1. */
export const MIRROR_OUTLET = /^(.{2,40}?)['’]s?\s+(?:web\s?site|site|portal)\b/i;

/** A bare web address on its own line. */
export const BARE_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i;

/** App, store and channel promotion lines ("Press TV News Roku", "Download our app"). */
export const APP_PROMO =
  /\b(?:roku|app store|google play|download (?:our|the) (?:free )?app|get (?:our|the) app|apple tv|android tv|android app|ios app|available on (?:ios|android)|amazon fire tv|smart tv app)\b/i;

/** Newsletter and e-mail prompts. */
export const NEWSLETTER =
  /\b(?:sign up (?:for|to) (?:our|the)\b.{0,60}\b(?:newsletter|briefing|e-?mails?)|subscribe to .{1,40}\bpodcast\b|subscribe to (?:our|the)\b.{0,60}\bnewsletter|newsletter sign[- ]?up|get (?:our|the) .{0,40}newsletter|delivered (?:straight )?to your inbox)\b/i;

/** Headers of related-link lists; the short headline lines after them belong to the list. */
export const RELATED_HEADER =
  /^(?:related(?: articles?| stories| news| content| coverage| posts| links| reading)?|read more|read also|also read|more on this(?: story| topic)?|more from .{1,30}|see also|recommended(?: for you| stories)?|you may also like|you might also like|most read|trending(?: now)?|latest news)[:]?$/i;

/** An inline related link: "READ MORE: Headline of another story", "Related: ...". */
export const RELATED_INLINE = /^(?:read more|related|also read|read also|see also)\s*[:»>|–—-]\s*\S.{0,150}$/i;

/** Copyright lines ("© 2018 Los Angeles Times", "Copyright 2016 Reuters. All rights reserved."). */
export const COPYRIGHT = /^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,160}$|\ball rights reserved\.?$/i;

/** The owner named in a copyright line: "©2018 Los Angeles Times, Distributed by …" → capture 1. */
export const COPYRIGHT_OWNER = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?([^,.;(|]{2,60}?)\s*(?:[,.;(|]|all rights|$)/i;

/**
 * Lone page furniture: "Advertisement", "Comments", "Tags: …", archive section labels
 * ("ABSTRACT.", "FULL TEXT.", "CORRECTION APPENDED."), separator rules ("___", "* * *"),
 * stray markup left by a crawler ("</tweet>"), video-player errors.
 */
export const PAGE_FURNITURE =
  /^(?:advertisement|advertising|sponsored(?: content)?|comments?(?: \(\d+\))?|leave a (?:comment|reply)|tags?:.{0,200}|topics?:.{0,200}|filed under:?.{0,200}|(?:abstract|full text|correction appended)(?:\.\s*(?:full text|correction appended))*\.?|as published in (?:the )?[\p{L} .]{3,60}\.?|[_=*~#\s-]{3,}\.?|<\/?[a-z][^<>]{0,200}>\.?|we are sorry,\s?this video is restricted.{0,100})$/iu;

/** A line that is only a photo credit: "Getty.", "John Moore/Getty Images.", "Getty/Instagram", "(AP Photo/Jane Doe)". */
export const PHOTO_CREDIT_LINE =
  /^\(?((?:[\p{L}. '’-]{1,40}\/\s?)?(?:Getty(?: Images)?|AFP|AP Photo|Reuters|EPA|Shutterstock|Xinhua|Anadolu Agency)(?:\s?\/\s?[\p{L} .'’-]{1,40})*)\)?\.?$/u;

// ---------------------------------------------------------------------------------------------
// Trailing credits (kept in `structure`: they name people, they are not site furniture)
// ---------------------------------------------------------------------------------------------

/**
 * Credit lines at the end of an article: "Story by …", "Reporting by …; Editing by …",
 * "Follow Jane Doe on Twitter @jdoe.", "Watch the video above …", "Video produced by …",
 * "(Reporting by …)", "Additional reporting by …".
 */
export const TRAILING_CREDIT =
  /^(?:\(?(?:story|reporting|additional reporting|writing|editing|video|photos?|graphics?) (?:produced |shot |edited )?by\b.{1,200}|follow (?!us\b)\p{Lu}.{1,120}\bon (?:twitter|facebook|instagram|x)\b.{0,120}|watch the video (?:above|below)\b.{0,160}|this (?:story|article|post|report) (?:has been|was) updated\b.{0,200}|h\/t:?\s.{1,60}|\p{Lu}[\p{L}.'’ -]{2,40} contributed (?:reporting|to this report)\.?)$/iu;

/** The person in "Follow Jane Doe on Twitter": capture 1 (last two or three capitalised words). */
export const FOLLOW_AUTHOR = /^[Ff]ollow\s+(?:.*?\s)?(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){1,2})\s+on\s/u;
