// Rules and lexicons of the facts stage (dates, figures, statement types), written by hand for
// the project. Every pattern, list and threshold the stage uses lives here.

/** Month names and their abbreviations (abbreviations need a period, except "Sept"). */
export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  'jan.': 1, 'feb.': 2, 'mar.': 3, 'apr.': 4, 'jun.': 6, 'jul.': 7, 'aug.': 8,
  sept: 9, 'sept.': 9, 'sep.': 9, 'oct.': 10, 'nov.': 11, 'dec.': 12,
  // without a period only before a day or year ("Feb 9")
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Month names that are also common words ("may" the modal, "march" the verb) need context. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march']);

/** Verbs after a bare "March"/"May" that make it the month as a subject ("March was cold"). */
export const MONTH_SUBJECT_VERBS = new Set(['is', 'was', 'has', 'had', 'will', 'saw', 'brought', 'marked', 'began', 'ended', 'remains']);

/** Words before a bare month or year that make it a date ("in May", "since 2011"). */
export const DATE_PREPOSITIONS = new Set([
  'in', 'since', 'by', 'until', 'till', 'from', 'to', 'before', 'after', 'during', 'of', 'early',
  'late', 'mid', 'last', 'next', 'this', 'between', 'and', 'through', 'throughout', 'around', 'circa',
  'on', 'year', 'summer', 'winter', 'spring', 'autumn', 'fall', 'end', 'beginning', 'start',
]);

/** Prepositions recorded as a date's relation to its clause. */
export const RELATION_WORDS = new Set(['in', 'on', 'since', 'until', 'till', 'by', 'from', 'before', 'after', 'during', 'through', 'for', 'around']);

/** Prepositions that turn a date into the start or end of a range. */
export const RANGE_RELATIONS: Record<string, 'since' | 'until'> = { since: 'since', until: 'until', till: 'until' };

export const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

/** Number words up to the scales; "one" is handled apart (it is often a pronoun). */
export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, a: 1, an: 1,
};

export const SCALES: Record<string, number> = {
  dozen: 12, hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6,
};

/** Vague plural amounts, valued at their lower bound ("hundreds" = at least 200). */
export const VAGUE_AMOUNTS: Record<string, number> = {
  dozens: 24, scores: 40, tens: 20, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9,
};

export const FRACTIONS: Record<string, number> = {
  half: 1 / 2, halves: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4,
  fifth: 1 / 5, fifths: 1 / 5, sixth: 1 / 6, tenth: 1 / 10, tenths: 1 / 10,
};

/** Time units: ISO 8601 duration letter, whether it sits after "T", and its length in days. */
export const TIME_UNITS: Record<string, { iso: string; time: boolean; days: number; granularity: string }> = {
  second: { iso: 'S', time: true, days: 1 / 86400, granularity: 'day' },
  minute: { iso: 'M', time: true, days: 1 / 1440, granularity: 'day' },
  hour: { iso: 'H', time: true, days: 1 / 24, granularity: 'day' },
  day: { iso: 'D', time: false, days: 1, granularity: 'day' },
  week: { iso: 'W', time: false, days: 7, granularity: 'week' },
  weekend: { iso: 'D', time: false, days: 2, granularity: 'range' },
  month: { iso: 'M', time: false, days: 30, granularity: 'month' },
  year: { iso: 'Y', time: false, days: 365, granularity: 'year' },
  decade: { iso: 'Y', time: false, days: 3650, granularity: 'decade' },
};

/** Qualifiers of figures and durations, with the bound they put on the number. */
export const QUALIFIERS: Record<string, 'above' | 'below' | 'approx' | 'exact'> = {
  'more than': 'above', over: 'above', 'well over': 'above', 'just over': 'above', 'upwards of': 'above',
  'at least': 'above', 'as many as': 'approx', 'as much as': 'approx', 'no fewer than': 'above',
  nearly: 'below', almost: 'below', 'up to': 'below', 'less than': 'below', 'fewer than': 'below',
  under: 'below', 'just under': 'below', 'close to': 'below', 'at most': 'below',
  about: 'approx', around: 'approx', some: 'approx', roughly: 'approx', approximately: 'approx',
  'an estimated': 'approx', estimated: 'approx', only: 'exact', just: 'exact', exactly: 'exact',
};

/** Participles that say what happened to the counted thing ("400,000 people killed"). */
export const OUTCOME_WORDS = new Set([
  'killed', 'dead', 'died', 'wounded', 'injured', 'displaced', 'arrested', 'detained', 'missing',
  'evacuated', 'affected', 'infected', 'executed', 'fled', 'deported', 'captured', 'freed', 'released',
]);
/** Phrases before a figure that mean its things were killed ("claimed the lives of"). */
export const KILLED_BEFORE = /\b(?:the lives of|killing|killed|deaths? of|death toll of)\s+$/i;
/** How far after the counted noun an outcome word may sit, in tokens. */
export const OUTCOME_WINDOW = 6;
/** Adjectives skipped between a number and its noun ("400,000 innocent people"), at most. */
export const UNIT_MAX_ADJECTIVES = 2;

/** Named-entity particles that continue a capitalised name ("Staffan de Mistura", "al-Assad"). */
export const NAME_PARTICLES = new Set(['de', 'al', 'bin', 'ibn', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'da', 'di', 'del', 'el', 'bin', 'abu']);

/** Title words that precede a name and are not part of it ("Secretary of State John Kerry"). */
export const TITLE_WORDS = new Set([
  'president', 'prime', 'minister', 'secretary', 'state', 'foreign', 'defense', 'defence', 'envoy',
  'special', 'ambassador', 'general', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'chief',
  'chairman', 'senator', 'sen.', 'rep.', 'representative', 'governor', 'gov.', 'mayor', 'king', 'queen',
  'prince', 'sheikh', 'dr.', 'mr.', 'mrs.', 'ms.', 'professor', 'prof.', 'judge', 'justice', 'commander',
  'colonel', 'col.', 'lt.', 'gen.', 'officer', 'leader', 'analyst', 'editor', 'affairs', 'deputy',
  'vice', 'chancellor', 'pope', 'attorney', 'adviser', 'advisor', 'head',
]);

/** Nationality adjectives: describe an actor, are not one ("the Syrian army"). */
export const NATIONALITIES = new Set(['american', 'russian', 'syrian', 'iranian', 'british', 'french', 'german', 'chinese', 'israeli', 'turkish', 'saudi', 'iraqi', 'european', 'ukrainian', 'afghan', 'pakistani', 'indian', 'japanese', 'korean', 'egyptian', 'lebanese', 'palestinian', 'qatari', 'jordanian', 'yemeni', 'libyan', 'italian', 'spanish', 'canadian', 'mexican', 'australian']);

/** Words that open a speaker's description without being his name ("UN envoy", "Russian minister"); trimmed from sources, kept as actors. */
export const DESCRIPTOR_WORDS = new Set([
  'united', 'nations', 'un', 'us', 'u.s.', 'american', 'russian', 'syrian', 'iranian', 'british', 'french',
  'german', 'chinese', 'israeli',
]);

/** Verbs that report speech, belief or estimates: "X said", "X estimates that". */
export const REPORTING_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'added', 'adds', 'argued', 'argues',
  'claimed', 'claims', 'claim', 'noted', 'notes', 'believes', 'believe', 'believed', 'estimates',
  'estimated', 'estimate', 'insisted', 'insists', 'warned', 'warns', 'alleged', 'alleges', 'continued',
  'asserted', 'asserts', 'maintained', 'maintains', 'explained', 'explains', 'suggested', 'suggests',
  'reported', 'reports', 'announced', 'announces', 'declared', 'declares', 'acknowledged', 'admitted',
  'denied', 'denies', 'stressed', 'stresses', 'emphasized', 'emphasised', 'pointed', 'wrote', 'writes',
  'predicted', 'predicts', 'accused', 'accuses', 'urged', 'urges', 'thinks', 'think', 'thought',
  'confirmed', 'confirms', 'commented', 'remarked', 'replied', 'responded', 'asked', 'observed',
  // more communication verbs, and participles that attribute a clause ("..., saying that")
  'vowed', 'vows', 'promised', 'promises', 'pledged', 'pledges', 'urged', 'cited', 'cites', 'complained',
  'complains', 'tweeted', 'tweets', 'posted', 'mentioned', 'revealed', 'disclosed', 'conceded', 'countered',
  'recalled', 'recalls', 'testified', 'boasted', 'bragged', 'joked', 'lamented', 'conceded', 'contended',
  'contends', 'concluded', 'concludes', 'charged', 'demanded', 'questioned', 'criticized', 'criticised',
  'slammed', 'blasted', 'lambasted', 'praised', 'hinted', 'speculated', 'indicated', 'indicates',
  'saying', 'arguing', 'adding', 'noting', 'warning', 'claiming', 'insisting', 'telling', 'writing',
  'explaining', 'accusing', 'suggesting', 'stating', 'asserting', 'stressing', 'calling', 'describing',
  'described', 'describes', 'called', 'calls', 'says', 'told',
]);

/** "according to X", "according to (the) (official) figures from X": the phrase after which the source is named. */
export const ACCORDING_TO = /\baccording to\s+(?:(?:(?:an?|the)\s+)?(?:(?:official|new|latest|recent|preliminary|published)\s+)?(?:estimates?|figures?|data|reports?|count|tally|statement|study|survey)\s+(?:by|from|of)\s+)?/gi;

/** Quotation marks that open or close direct speech. */
export const OPEN_QUOTES = /^[\s(]*["“‘']/;
export const QUOTE_CHARS = /["“”]/;

/** Subjects that are sources though lowercase ("analysts say", "officials said"). */
export const GENERIC_SOURCES = new Set([
  'he', 'she', 'they', 'analysts', 'analyst', 'experts', 'expert', 'officials', 'official', 'sources',
  'witnesses', 'observers', 'critics', 'residents', 'activists', 'police', 'authorities', 'diplomats',
  'ministry', 'spokesman', 'spokeswoman', 'spokesperson', 'government', 'report', 'reports', 'agency',
]);

/** Evaluative and loaded words (lowercase) that mark a sentence as opinion or framing. */
export const EVALUATIVE_WORDS = new Set([
  'obvious', 'obviously', 'clearly', 'certainly', 'undoubtedly', 'fundamental', 'irreconcilable',
  'schizophrenic', 'absurd', 'ridiculous', 'outrageous', 'shameful', 'disgraceful', 'disastrous',
  'catastrophic', 'brutal', 'barbaric', 'heinous', 'evil', 'illegitimate', 'ruthless',
  'notorious', 'infamous', 'blatant', 'hypocritical', 'hypocrisy', 'corrupt',
  'terrible', 'horrible', 'great', 'wonderful', 'excellent', 'best', 'worst', 'vital', 'crucial',
  'regime', 'onslaught', 'havoc', 'puppet', 'puppets', 'hegemony', 'takfiri', 'thugs', 'mercenaries',
  'aggression', 'propaganda', 'savage', 'genocidal', 'tyrant', 'dictator', 'lies', 'lie', 'lying',
  'unfortunately', 'fortunately', 'sadly', 'shockingly', 'supposedly', 'so-called', 'viable',
  'reasonable', 'legitimate', 'independent', 'stabilizing', 'bulwark', 'chaos', 'discord',
]);

/** Hedges and stance adverbs: the writer is not stating a checked fact. */
export const HEDGES = new Set([
  'probably', 'perhaps', 'possibly', 'likely', 'unlikely', 'apparently', 'seemingly', 'arguably',
  'presumably', 'allegedly', 'reportedly', 'seems', 'seem', 'seemed', 'appears', 'appear', 'maybe',
]);

/** Modal verbs (weaker cue: "could point to only minor progress" is still reporting). */
export const MODALS = new Set(['could', 'might', 'may', 'should', 'must', 'would', 'ought', 'shall']);

/** Intensifiers (weak cue). */
export const INTENSIFIERS = new Set(['very', 'really', 'extremely', 'completely', 'totally', 'utterly', 'highly', 'deeply', 'pretty', 'truly', 'absolutely', 'entirely']);

/** First-person stance: "I think", "in my view". */
export const FIRST_PERSON_STANCE = /\b(?:I|we)\s+(?:do\s+)?(?:think|believe|feel|suspect|guess|hope|fear)\b|\bin (?:my|our) (?:view|opinion)\b/;

/** Weights of the opinion cues, summed per sentence. */
export const OPINION_WEIGHTS = { evaluative: 1, hedge: 1, modal: 0.5, intensifier: 0.5, firstPerson: 1.5, exclamation: 1 } as const;
/** A reporter's-voice sentence with this much opinion weight is an opinion, not a fact. */
export const OPINION_THRESHOLD = 1;

/** Lines that are photo captions: a credit in parentheses or a "Photo:" lead. */
export const CAPTION_CUE = /\((?:photo|file photo|image|picture|pictured)\b[^)]*\)|\b(?:photo|image)\s*(?:by|:|credit)|\((?:AFP|Reuters|AP|Getty Images|EPA)\)\s*$/i;
/** Captions are looked for among the first paragraphs only. */
export const CAPTION_MAX_PARAGRAPH = 6;

/** Clause boundaries within a sentence, for timeline labels. */
export const CLAUSE_BREAK = /;|\s[–—]\s|,\s+(?:but|while|whereas|although|though|after|before|when|which|who|as|because)\s|\s(?:but|while|whereas)\s|\s(?:since|until|after|before|when|because)\s(?=(?:it|he|she|they|we|I|the|this|that)\s)/g;
/** Clause openers whose actors belong to the main clause before them. */
export const SUBORDINATE_OPENERS = /^,?\s*(?:while|whereas|although|though|after|before|when|which|who|as|because|since|until)\b/i;
/** Relative clauses (", which flared up in 2011,"): they end at the next comma and are labelled with their antecedent. */
export const RELATIVE_OPENER = /^,\s*(?:which|who)\s/i;
/** Words of the antecedent put before a relative clause's label. */
export const ANTECEDENT_MAX_WORDS = 6;
/** Timeline labels are cut to this many words. */
export const LABEL_MAX_WORDS = 14;
/**
 * A date's clause is looked for within this many characters either side of it. News sentences
 * are far shorter; without a bound, a "sentence" of thousands of dates (a listing with no full
 * stops) cost dates x sentence length (80,000 characters: 87 s).
 */
export const CLAUSE_WINDOW_CHARS = 2000;

/** Rough distance back from "now" (days) of unanchored relative dates, to order them. */
export const VAGUE_OFFSET_DAYS = { recent: -60, weekday: -4 } as const;
