import { ANONYMOUS_DETERMINERS, BODY_SOURCE_NOUNS, ROLE_STOP_WORDS, COUNTING_DETERMINERS, NON_SOURCE_HEADS, ORG_HEAD_NOUNS, DEMONYM_SUFFIXES, GENERIC_SOURCE_NOUNS, INDIVIDUAL_SOURCE_HEADS, LIMITS, PLACE_SPEECH_VERBS, PLACE_TYPES, RELATIVE_PRONOUNS, SINGULAR_PRONOUNS, SOURCE_NOUNS, TITLE_WORDS } from './constants.js';
import type { RawQuote } from './detect.js';
import type { MentionIndex } from './mentions.js';
import { nameIn, phraseEndingAt, type Range } from './phrases.js';
import type { TokenView } from './view.js';
import { pronounGender, type Gender } from './gender.js';

/** How a speaker phrase was resolved. */
export type SpeakerForm = 'name' | 'pronoun' | 'description' | 'anonymous' | 'relative' | 'inherited' | 'none';

export interface Resolution {
  /** Entity id, when resolved. */
  entity?: string;
  form: SpeakerForm;
  /** Head noun of a description ("analyst"), kept as a role for the source. */
  head?: string;
  /** A better speaker phrase than the detected one (the antecedent of "which"). */
  speaker?: Range;
  /** True when the "speaker" is not a source at all (a non-person antecedent); the quote is dropped. */
  drop?: boolean;
  /** An unnamed class of people speaking as a group ("analysts say", "officials said"): a generic source. */
  generic?: boolean;
  /** The description as written, as a role ("opposition leader", "senior energy analyst"); `head` is its last word. */
  role?: string;
  /** The organisation or place an unnamed person speaks for ("a spokesman for the ministry" → the ministry's entity). */
  of?: string;
}

/** The entity of a name inside a token range, by mention overlap or by surname. */
function entityOfName(v: TokenView, idx: MentionIndex, r: Range): string | undefined {
  const name = nameIn(v, r);
  // "according to the Office for National Statistics": the phrase stops at "for" and its one
  // capitalised word is tagged as a noun, but an organisation mention starts inside it.
  if (!name) return organisationStartingIn(v, idx, r);
  // The last person mentioned in the phrase is its head ("Envoy for Syria Staffan de Mistura").
  const a = v.start[r.from];
  const b = v.end[r.to - 1];
  let any: string | undefined;
  let person: string | undefined;
  for (const m of idx.mentions) {
    if (m.start >= b) break;
    if (m.end <= a) continue;
    any = m.entity;
    if (idx.entities.get(m.entity)?.type === 'PER') person = m.entity;
  }
  if (person ?? any) return person ?? any;
  for (let k = name.to - 1; k >= name.from; k--) {
    const w = v.lower[k];
    if (TITLE_WORDS.has(w)) continue;
    const id = idx.byKey.get(w);
    if (id) return id;
  }
  return undefined;
}

/** An organisation mention starting at a capitalised word of the range, or undefined. */
function organisationStartingIn(v: TokenView, idx: MentionIndex, r: Range): string | undefined {
  const a = v.start[r.from];
  const b = v.end[r.to - 1];
  for (const m of idx.mentions) {
    if (m.start >= b) break;
    if (m.start < a) continue;
    if (idx.entities.get(m.entity)?.type !== 'ORG') continue;
    for (let k = r.from; k < r.to; k++) if (v.start[k] === m.start && v.cap[k] === 1) return m.entity;
  }
  return undefined;
}

/** Index of the last common noun in a range, or -1. */
function lastNounAt(v: TokenView, r: Range): number {
  for (let k = r.to - 1; k >= r.from; k--) if (v.pos[k] === 'NOUN') return k;
  return -1;
}

const placeMemo = new WeakMap<MentionIndex, { places: Map<string, boolean>; words?: Set<string> }>();

/** Last characters of the demonym suffixes: a word ending otherwise is no demonym. */
const DEMONYM_ENDS = new Set(DEMONYM_SUFFIXES.map((s) => s.charCodeAt(s.length - 1)));

/** The words of the text that end like a demonym suffix (the only ones `isPlace` asks about). */
function demonymCandidates(lower: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const w of lower) if (DEMONYM_ENDS.has(w.charCodeAt(w.length - 1))) words.add(w);
  return words;
}

/**
 * True when an entity is a place: typed as one by the entities stage, or a one-word name whose
 * demonym occurs in the text ("Veloria" with "Velorians"), since invented or rare country names
 * are often typed as organisations or persons.
 */
function isPlace(v: TokenView, idx: MentionIndex, entity: string): boolean {
  let memo = placeMemo.get(idx);
  if (!memo) placeMemo.set(idx, (memo = { places: new Map() }));
  const known = memo.places.get(entity);
  if (known !== undefined) return known;
  const info = idx.entities.get(entity);
  let place = !!info && PLACE_TYPES.has(info.type);
  if (info && !place && !/\s/.test(info.name) && info.name.length > 2) {
    const name = info.name;
    const stems = [name, name.replace(/[aey]$/, '')];
    const words = (memo.words ??= demonymCandidates(v.lower));
    place = stems.some((stem) => DEMONYM_SUFFIXES.some((suf) => stem.toLowerCase() + suf !== name.toLowerCase() && words.has(stem.toLowerCase() + suf)));
  }
  memo.places.set(entity, place);
  return place;
}

/**
 * The head noun of a description ("the Russian diplomat" → "diplomat"); a one-word phrase
 * tagged as a proper noun that is a generic source noun ("Officials said" opening a sentence)
 * counts as its own head.
 */
function headNoun(v: TokenView, r: Range): string | undefined {
  for (let k = r.to - 1; k >= r.from; k--) if (v.pos[k] === 'NOUN') return v.lower[k];
  const last = r.to - 1;
  if (last >= r.from && v.pos[last] === 'PROPN' && GENERIC_SOURCE_NOUNS.has(v.lower[last]) && (last === r.from || v.pos[last - 1] !== 'PROPN')) return v.lower[last];
  return undefined;
}

/** A plural class noun not counted out ("analysts", "some officials"; not "two officials", "sources"). */
function isGenericHead(first: string, head: string): boolean {
  return isPlural(head) && !INDIVIDUAL_SOURCE_HEADS.has(head) && !COUNTING_DETERMINERS.has(first) && !/^\d/.test(first);
}

function isPlural(word: string): boolean {
  return word.endsWith('s') && !word.endsWith('ss');
}

/**
 * True for a one-word speaker that opens its sentence, is capitalised and plural, and is no
 * entity ("Officials", "Critics", "Engineers"): the tagger reads the capital as a name, but a
 * plural common noun names no one. (Checked after entity lookup, so "Reuters" or "Jones" stay names.)
 */
function isSentenceInitialPlural(v: TokenView, sp: Range): boolean {
  return sp.to - sp.from === 1 && v.sentStart[v.sent[sp.from]] === sp.from && v.cap[sp.from] === 1
    && isPlural(v.lower[sp.from]) && /^\p{Lu}\p{Ll}+$/u.test(v.text.slice(v.start[sp.from], v.end[sp.from]));
}

/** The most recent named mention before a character offset, within a paragraph window (of a gender that fits, when given). */
function lastNamedBefore(v: TokenView, idx: MentionIndex, at: number, minPara: number, persons: boolean, gender?: Gender): string | undefined {
  for (let i = idx.mentions.length - 1; i >= 0; i--) {
    const m = idx.mentions[i];
    if (m.start >= at) continue;
    const para = paraAt(v, m.start);
    if (para < minPara) return undefined;
    const info = idx.entities.get(m.entity);
    if (!persons || (info?.type === 'PER' && fits(idx, m.entity, gender))) return m.entity;
  }
  return undefined;
}

/** False only when the entity's gender is known and differs from the pronoun's. */
function fits(idx: MentionIndex, entity: string, gender: Gender | undefined): boolean {
  const known = idx.entities.get(entity)?.gender;
  return !gender || !known || known === gender;
}

function paraAt(v: TokenView, offset: number): number {
  let lo = 0;
  let hi = v.n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (v.start[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return v.n ? v.para[lo] : 0;
}

/**
 * Resolves every quote's speaker phrase to an entity, in text order: names by mention or
 * surname; "he"/"she" to the last resolved speaker nearby (else the last person named);
 * definite descriptions to an entity with that role, else the last speaker nearby; plural and
 * indefinite descriptions stay anonymous. Floating quotes inherit the previous speaker.
 */
export function resolveSpeakers(v: TokenView, idx: MentionIndex, quotes: readonly RawQuote[], titleEnd = 0): Resolution[] {
  const out: Resolution[] = [];
  let last: { entity: string; para: number } | undefined;
  const near = (para: number) => (last && para - last.para <= LIMITS.resolveParagraphs ? last.entity : undefined);
  const spoken = new Set<string>();
  for (const q of quotes) {
    let r = resolveOne(q);
    // "according to the size of …" measures; no one speaks.
    if (q.kind === 'according-to' && !r.entity && r.head && NON_SOURCE_HEADS.has(r.head)) r = { form: 'none', drop: true };
    if (q.speaker && r.head && isRoleHead(r.head)) r.role = rolePhrase(v, idx, q.speaker, r.head);
    out.push(r);
    if (r.entity) {
      spoken.add(r.entity);
      last = { entity: r.entity, para: q.para };
      if (r.head) addRole(idx, r.entity, r.head, r.role ?? r.head);
    }
  }
  nameLaterIntroduced(v, idx, quotes, out);
  return out;

  function resolveOne(q: RawQuote): Resolution {
    if (!q.speaker) {
      const entity = q.kind === 'floating' ? near(q.para) : undefined;
      return { entity, form: entity ? 'inherited' : 'none' };
    }
    const sp = q.speaker;
    const first = v.lower[sp.from];
    const at = v.start[sp.from];
    if (sp.to - sp.from === 1 && v.pos[sp.from] === 'PRON') {
      if (RELATIVE_PRONOUNS.has(first)) return resolveRelative(v, idx, sp);
      if (SINGULAR_PRONOUNS.has(first)) {
        // A person just introduced as the subject of the sentence before, who has not spoken
        // yet, is who "she said" means ("Sara Bell, a councillor, called for an inquiry. “…,” she said").
        // Gender decides only where the article shows it: a known mismatch rules a person out.
        const g = pronounGender(first);
        const fresh = introducedBefore(v, idx, sp.from);
        if (fresh && !spoken.has(fresh) && g && idx.entities.get(fresh)?.gender === g) return { entity: fresh, form: 'pronoun' };
        const recent = near(q.para);
        const entity = (recent && fits(idx, recent, g) ? recent : undefined) ?? lastNamedBefore(v, idx, at, q.para - 1, true, g);
        return { entity, form: 'pronoun' };
      }
      return { form: 'pronoun' };
    }
    let named = entityOfName(v, idx, sp);
    const head = headNoun(v, sp);
    // "A spokesman for the ministry", "the Kremlin's spokesman": an unnamed member speaks for the organisation.
    let of = named && head && isMemberHead(v, idx, sp, named, head) ? named : undefined;
    if (of) named = undefined;
    // "His deputy, Grace Okafor, said": the person named in apposition speaks.
    if (!named && head) {
      const app = appositiveName(v, idx, sp);
      if (app) return { entity: app, form: 'name', head: SOURCE_NOUNS[head] ? head : undefined };
    }
    if (named && isPlace(v, idx, named)) {
      // "Veloria's envoy said": the person described speaks, not the place.
      if (head && nameIn(v, sp)!.to <= lastNounAt(v, sp)) { of = named; named = undefined; }
      // A place speaks only as its government, with a speech verb; otherwise no one speaks.
      else if (!q.verb || !PLACE_SPEECH_VERBS.has(q.verb)) return { form: 'none', drop: true };
    }
    if (named) return { entity: named, form: 'name', head: head && SOURCE_NOUNS[head] ? head : undefined };
    // "Officials said", "Critics say": a capitalised plural opening a sentence, tagged as a name but naming no one.
    if (!head && isSentenceInitialPlural(v, sp)) {
      const word = v.lower[sp.from];
      return isGenericHead(word, word) ? { form: 'anonymous', head: word, generic: true } : { form: 'anonymous', head: word };
    }
    // Headline style drops the article ("Mayor vows …", "Minister defends …"): the person the
    // article gives that role, wherever in it. (A capitalised headline word may be tagged PROPN.)
    if (at < titleEnd && sp.to - sp.from === 1 && SOURCE_NOUNS[first] && SOURCE_NOUNS[first] !== 'document' && SOURCE_NOUNS[first] !== 'anonymous') {
      const entity = withRoleAnywhere(idx, first);
      if (entity) return { entity, form: 'description', head: first };
    }
    if (!head) return { form: 'none' };
    if (ANONYMOUS_DETERMINERS.has(first) || isPlural(head) || SOURCE_NOUNS[head] === 'anonymous') return isGenericHead(first, head) ? { form: 'anonymous', head, generic: true, of } : { form: 'anonymous', head, of };
    if (first !== 'the' && first !== 'this' && first !== 'that') return { form: 'description', head, of };
    // "the association", "the organisation": the organisation last named with that head word;
    // never the last person quoted ("the ministry said" after the minister spoke).
    if (ORG_HEAD_NOUNS.has(head)) {
      const org = organisationBefore(idx, head, at);
      return org ? { entity: org, form: 'description', head } : { form: 'description', head };
    }
    if (SOURCE_NOUNS[head] === 'document' || !SOURCE_NOUNS[head]) return { form: 'description', head };
    // Definite description: an entity with that role, most recent first; else the last speaker.
    let withRole: string | undefined;
    for (let i = idx.mentions.length - 1; i >= 0 && !withRole; i--) {
      const m = idx.mentions[i];
      if (m.start < at && hasRole(idx.entities.get(m.entity)?.roles, head)) withRole = m.entity;
    }
    // "the ministry's spokesman" is a member of the ministry, not whoever spoke last.
    const entity = withRole ?? (of ? undefined : near(q.para));
    return { entity, form: 'description', head, of };
  }
}

/** A source noun of a person or body, singular or plural ("analyst", "officials"); documents have no role. */
function isRoleHead(head: string): boolean {
  const kind = SOURCE_NOUNS[head] ?? (isPlural(head) ? SOURCE_NOUNS[head.slice(0, -1)] : undefined);
  return !!kind && kind !== 'document';
}

/** Adds a role to an entity once; a fuller phrase replaces its bare head word ("leader" → "opposition leader"). */
function addRole(idx: MentionIndex, entity: string, head: string, role: string): void {
  const info = idx.entities.get(entity);
  if (!info) return;
  const bare = info.roles.indexOf(head);
  if (bare >= 0 && role !== head) info.roles[bare] = role;
  else if (!hasRole(info.roles, head)) info.roles.push(role);
}

/**
 * The description of a speaker phrase as a role: the head word with the common nouns and
 * adjectives right before it ("Opposition leader Tomas Varga" → "opposition leader", "a senior
 * energy analyst" → "senior energy analyst"); determiners, counts and names stay out.
 */
export function rolePhrase(v: TokenView, idx: MentionIndex, sp: Range, head: string): string {
  let k = sp.to - 1;
  while (k >= sp.from && v.lower[k] !== head) k--;
  if (k < sp.from) return head;
  let from = k;
  while (from - 1 >= sp.from && isRoleWord(v, idx, from - 1)) from--;
  if (from === k) return head;
  const words: string[] = [];
  for (let j = from; j <= k; j++) words.push(v.lower[j]);
  return words.join(' ');
}

/**
 * A lower-case common noun or adjective that may modify a role noun; at a sentence start, where
 * the capital says nothing, any word that opens no name ("Opposition leader Tomas Varga").
 */
function isRoleWord(v: TokenView, idx: MentionIndex, k: number): boolean {
  const pos = v.pos[k];
  const opens = v.sentStart[v.sent[k]] === k;
  if (pos !== 'NOUN' && pos !== 'ADJ' && !(opens && pos === 'PROPN' && !mentionAt(idx, v.start[k]))) return false;
  if (v.cap[k] === 1 && !opens) return false;
  return !ROLE_STOP_WORDS.has(v.lower[k]) && !/\d/.test(v.lower[k]);
}

function mentionAt(idx: MentionIndex, at: number): boolean {
  for (const m of idx.mentions) {
    if (m.start > at) return false;
    if (m.end > at) return true;
  }
  return false;
}

/**
 * True when a speaker phrase names an unnamed person of an organisation: its head noun is a
 * person's source noun ("spokesman", "official", "analyst") outside the organisation's name
 * ("a spokesman for the Ministry of Fisheries", "Kremlin spokesman"). A person's name in the
 * phrase wins before this is asked ("Ministry spokesman Ana Pell").
 */
function isMemberHead(v: TokenView, idx: MentionIndex, sp: Range, named: string, head: string): boolean {
  const kind = SOURCE_NOUNS[head];
  if (!kind || kind === 'document' || kind === 'anonymous' || BODY_SOURCE_NOUNS.has(head) || ORG_HEAD_NOUNS.has(head)) return false;
  if (idx.entities.get(named)?.type !== 'ORG') return false;
  const at = v.start[lastNounAt(v, sp)];
  for (const m of idx.mentions) {
    if (m.start > at) break;
    if (m.end > at) return false;
  }
  return true;
}

/** Paragraphs after an unnamed description within which the person it introduces must be named. */
const INTRODUCTION_PARAGRAPHS = 1;

/**
 * "A senior analyst warned that … . John Smith, who has followed the market for years, added …":
 * an indefinite description speaking first and a person named right after, quoted next, are one
 * source. The description takes the person when the next speaker is a person named there for the
 * first time (not quoted before, not mentioned before the description) whose roles do not
 * contradict it; "the analyst said" between the two goes with it. Works in place.
 */
function nameLaterIntroduced(v: TokenView, idx: MentionIndex, quotes: readonly RawQuote[], out: Resolution[]): void {
  for (let i = 0; i < quotes.length; i++) {
    const r = out[i];
    const sp = quotes[i].speaker;
    if (!sp || r.form !== 'anonymous' || r.generic || r.entity || r.of || !r.head || !isIntroducingDescription(v, sp, r.head)) continue;
    let j = i + 1;
    while (j < quotes.length && !out[j].entity && out[j].head === r.head && quotes[j].para - quotes[i].para <= INTRODUCTION_PARAGRAPHS) j++;
    if (j >= quotes.length || out[j].form !== 'name' || quotes[j].para - quotes[i].para > INTRODUCTION_PARAGRAPHS) continue;
    const person = out[j].entity!;
    const info = idx.entities.get(person);
    if (info?.type !== 'PER' || (info.roles.length && !hasRole(info.roles, r.head))) continue;
    if (spokeBefore(out, i, person) || mentionedBefore(idx, person, v.start[sp.from])) continue;
    for (let k = i; k < j; k++) out[k] = { ...out[k], entity: person, form: 'description' };
    addRole(idx, person, r.head, r.role ?? r.head);
  }
}

/** "A senior analyst", "an official": one unnamed person with a person's source noun, introduced by "a"/"an". */
function isIntroducingDescription(v: TokenView, sp: Range, head: string): boolean {
  const first = v.lower[sp.from];
  const kind = SOURCE_NOUNS[head];
  return (first === 'a' || first === 'an') && !isPlural(head) && !!kind && kind !== 'document' && kind !== 'anonymous' && !BODY_SOURCE_NOUNS.has(head);
}

function spokeBefore(out: readonly Resolution[], i: number, entity: string): boolean {
  for (let k = 0; k < i; k++) if (out[k].entity === entity) return true;
  return false;
}

function mentionedBefore(idx: MentionIndex, entity: string, at: number): boolean {
  for (const m of idx.mentions) {
    if (m.start >= at) return false;
    if (m.entity === entity) return true;
  }
  return false;
}

/**
 * A relative pronoun speaker stands for the phrase before it ("Preston, who said", "a report
 * which says"). "who" is a person; "which"/"that" with a document antecedent make the document
 * the source; any other non-person antecedent ("the law, which says") is no source at all.
 */
function resolveRelative(v: TokenView, idx: MentionIndex, sp: Range): Resolution {
  const comma = sp.from >= 1 && v.lower[sp.from - 1] === ',';
  const last = comma ? sp.from - 2 : sp.from - 1;
  const ante = last >= 0 && v.para[last] === v.para[sp.from] ? phraseEndingAt(v, last, 0) : undefined;
  if (!ante || (ante.to - ante.from === 1 && v.pos[ante.from] === 'PRON')) return { form: 'relative' };
  const entity = entityOfName(v, idx, ante);
  const head = headNoun(v, ante);
  // A person or organisation keeps the pronoun as the speaker mention (its entity names it).
  if (entity) return { entity, form: 'relative' };
  if (v.lower[sp.from] === 'who') return { form: 'relative', head };
  if (head && SOURCE_NOUNS[head]) return { form: SOURCE_NOUNS[head] === 'document' ? 'description' : 'anonymous', head, speaker: ante };
  return { form: 'none', drop: true };
}

/** The first person the article gives a role with this head word ("mayor"), or undefined. */
function withRoleAnywhere(idx: MentionIndex, head: string): string | undefined {
  for (const m of idx.mentions) {
    const info = idx.entities.get(m.entity);
    if (info?.type === 'PER' && hasRole(info.roles, head)) return m.entity;
  }
  return undefined;
}

/** Tokens from a sentence's start within which its first person mention counts as the subject. */
const SUBJECT_WINDOW = 2;

/**
 * The person who is the subject of the sentence before token `k`'s sentence: a person mention
 * starting within the first `SUBJECT_WINDOW` tokens of that sentence.
 */
function introducedBefore(v: TokenView, idx: MentionIndex, k: number): string | undefined {
  const s = v.sent[k];
  if (s < 1) return undefined;
  const from = v.sentStart[s - 1];
  const a = v.start[from];
  const b = v.end[Math.min(from + SUBJECT_WINDOW, v.sentEnd[s - 1] - 1)];
  for (const m of idx.mentions) {
    if (m.start >= b) break;
    if (m.start >= a && idx.entities.get(m.entity)?.type === 'PER') return m.entity;
  }
  return undefined;
}

/** A person named in apposition right after a description (", Grace Okafor,"), with an optional honorific. */
function appositiveName(v: TokenView, idx: MentionIndex, sp: Range): string | undefined {
  let k = sp.to;
  if (v.lower[k] !== ',') return undefined;
  k++;
  if (k < v.n && TITLE_WORDS.has(v.lower[k]) && /\.$|^(?:mr|mrs|ms|dr)$/.test(v.lower[k])) k++;
  if (k >= v.n) return undefined;
  const at = v.start[k];
  for (const m of idx.mentions) {
    if (m.start > at) break;
    if (m.start === at && idx.entities.get(m.entity)?.type === 'PER') return m.entity;
  }
  return undefined;
}

/** Spelling variants of organisation head nouns ("organisation" ~ "Organization"). */
const HEAD_VARIANTS: Readonly<Record<string, string>> = { organisation: 'organization', organization: 'organisation', centre: 'center', center: 'centre' };

/**
 * The organisation a definite description with an organisation head noun refers back to: the
 * most recent non-person entity mentioned before `at` whose name has that head word ("the
 * association" → "Nigerian Medical Association").
 */
function organisationBefore(idx: MentionIndex, head: string, at: number): string | undefined {
  const variant = HEAD_VARIANTS[head];
  for (let i = idx.mentions.length - 1; i >= 0; i--) {
    const m = idx.mentions[i];
    if (m.start >= at) continue;
    const info = idx.entities.get(m.entity);
    if (!info || info.type === 'PER' || PLACE_TYPES.has(info.type)) continue;
    const words = info.name.toLowerCase().split(/[^\p{L}]+/u);
    if (words.includes(head) || (variant !== undefined && words.includes(variant))) return m.entity;
  }
  return undefined;
}

/** True when one of the roles (single words or phrases like "political analyst") has the head word. */
export function hasRole(roles: readonly string[] | undefined, head: string): boolean {
  return !!roles?.some((r) => r === head || r.toLowerCase().split(/[^a-z]+/).includes(head));
}
