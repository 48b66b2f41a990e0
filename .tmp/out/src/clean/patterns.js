/**
 * Named patterns for plain-text cleanup. Each matches one whole line (trimmed). They are
 * written for crawled news text in general, not for one outlet.
 */
/** A breadcrumb: two to four short capitalised segments joined by / > » | (e.g. "News / Interviews"). */
export const BREADCRUMB = /^(?:[\p{Lu}][\p{L}&' -]{0,30}?)(?:\s*[\/>»|›]\s*[\p{Lu}][\p{L}&' -]{0,30}?){1,3}$/u;
/** Lines that only invite sharing or following. */
export const SHARE_LINE = /^(?:share(?: this)?(?: article| story| page)?|share on \w+|tweet|email|print|follow us(?: on .+)?|like us on facebook)[:!.]?$/i;
/** "X's website can also be accessed at the following alternate addresses:" and similar mirror notices. */
export const MIRROR_NOTICE = /\b(?:can also be accessed at|alternate (?:addresses|domains)|mirror (?:sites?|addresses))\b/i;
/** A bare web address on its own line. */
export const BARE_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i;
/** App, store and channel promotion lines ("Press TV News Roku", "Download our app"). */
export const APP_PROMO = /\b(?:roku|app store|google play|download (?:our|the) app|apple tv|android app|ios app)\b/i;
/** Newsletter prompts. */
export const NEWSLETTER = /\b(?:sign up for (?:our|the) .*newsletter|subscribe to (?:our|the) .*newsletter|newsletter sign[- ]?up)\b/i;
/** Related-links headers. */
export const RELATED_HEADER = /^(?:related(?: articles| stories| news| content| coverage)?|read more|more on this(?: story)?|see also|recommended)[:]?$/i;
/** Copyright lines. */
export const COPYRIGHT = /^(?:©|\(c\)|copyright\b).{0,120}$/i;
