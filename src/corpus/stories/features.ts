/**
 * Story features of an article: weighted terms from the title, the lead and the entities. Titles
 * carry the event; the lead adds its who/where; entities tie spelling variants together.
 */
export const STORY_FEATURES = {
  titleWeight: 2,
  leadWeight: 1,
  /** Words of the body read as the lead (the first paragraph or two). */
  leadWords: 60,
  /** Capitalised words inside a title (names, places) count this much more. */
  nameBoost: 1,
  entityWeight: 2,
  minLength: 2,
  /** Words are cut to this many letters after stemming (joins taper/tapering, bankrupt/bankruptcy). */
  prefix: 5,
} as const;

const STOPWORDS = new Set(
  ('a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its just more most new no not of on or our out over says said say she so than that the their them then there these they this to up us was we were what when where which who why will with would you your after about amid before could may might should than via vs per new news report reports update updates live video photos watch says').split(' '),
);

/** A light stemmer: possessives and regular plurals (enough to join "talks" and "talk"). */
export function stem(word: string): string {
  if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/**
 * Adds weighted terms of a text to the bag. Words are split at hyphens, so wire prefixes and
 * compounds ("UPDATE 2-Oil", "Pizza-maker") share the word with plain headlines.
 */
function addText(bag: Map<string, number>, text: string, weight: number, boostNames: boolean): void {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.]*/gu) ?? [];
  words.forEach((raw, i) => {
    const clean = raw.replace(/[.'’-]+$/, '');
    const lower = clean.toLowerCase();
    if (lower.length < STORY_FEATURES.minLength || STOPWORDS.has(lower)) return;
    const isName = boostNames && i > 0 && /^\p{Lu}/u.test(clean);

    const term = stem(lower).slice(0, STORY_FEATURES.prefix);
    bag.set(term, (bag.get(term) ?? 0) + weight * (isName ? STORY_FEATURES.nameBoost : 1));
  });
}

/** Most frequent names kept when names stand in for entities. */
const NAME_LIMIT = 12;
/** Capitalised words that start sentences or are common words, not names. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Their', 'Our', 'As', 'If', 'When', 'While', 'After', 'Before', 'For', 'With', 'By', 'From', 'To', 'Of', 'Mr', 'Ms', 'Mrs', 'Dr', 'News', 'Photo', 'Image', 'Read', 'More']);

/**
 * Names in a text (runs of capitalised words), most frequent first: a stand-in for canonical
 * entities when the entities stage has not run, so threads can still follow who and where.
 *
 * @example
 * textNames('Kerry met Lavrov in Geneva. Kerry left.'); // ['Kerry', 'Lavrov', 'Geneva']
 */
export function textNames(text: string): string[] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*/gu)) {
    const words = m[0].split(/\s+/).filter((w) => !NOT_NAMES.has(w));
    if (!words.length || (words.length === 1 && words[0].length < 3)) continue;
    const name = words.join(' ');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, NAME_LIMIT).map(([n]) => n);
}

/** What the clusterer needs to know about an article. */
export interface StoryItem {
  id: string;
  title?: string;
  text?: string;
  /** ISO date or date-time. */
  published?: string;
  outlet?: string;
  /** Canonical entity names (from `findings.entities`). */
  entities?: readonly string[];
}

/** Whitespace-separated pieces of a text (`\S+`; global, so `leadOf` reads on from `lastIndex`). */
const PIECE = /\S+/g;

/**
 * The first `words` whitespace-separated pieces of a text joined by single spaces: what
 * `text.split(/\s+/).filter(Boolean).slice(0, words).join(' ')` gives, without splitting the
 * whole text (an article has ~15 times more words than the lead reads).
 */
export function leadOf(text: string, words: number): string {
  PIECE.lastIndex = 0;
  let lead = '';
  for (let k = 0; k < words; k++) {
    const m = PIECE.exec(text);
    if (!m) break;
    lead = k ? `${lead} ${m[0]}` : m[0];
  }
  PIECE.lastIndex = 0;
  return lead;
}

/** The weighted terms of an item (raw weights, before idf). */
export function storyTerms(item: StoryItem): Map<string, number> {
  const bag = new Map<string, number>();
  if (item.title) addText(bag, item.title, STORY_FEATURES.titleWeight, true);
  if (item.text) {
    let body = item.text;
    if (item.title && body.includes(item.title)) body = body.slice(body.indexOf(item.title) + item.title.length);
    addText(bag, leadOf(body, STORY_FEATURES.leadWords), STORY_FEATURES.leadWeight, true);
  }
  for (const e of item.entities ?? []) {
    const key = 'e:' + e.toLowerCase();
    bag.set(key, (bag.get(key) ?? 0) + STORY_FEATURES.entityWeight);
  }
  return bag;
}
