import type { Article, Span } from '../../model/index.js';
import { mapPacked } from '../../model/arrays.js';
import { bodyRanges } from '../../clean/body.js';
import type { Stage } from '../../pipeline-types.js';
import { HEADLINE, SOURCE_NOUNS, type SourceKind } from './constants.js';
import { continueQuotes, detectQuotes, type RawQuote } from './detect.js';
import { bestBodyMatch, headlineQuotes } from './headline.js';
import { mentionIndex, type MentionIndex } from './mentions.js';
import { learnedQuotes, loadCueModel } from './learned.js';
import type { Classifier } from '../../learn/index.js';
import { hasRole, resolveSpeakers, type Resolution } from './resolve.js';
import { buildSources, type SourceRecord, type SourcingProfile } from './sources.js';
import { buildView, type TokenView } from './view.js';

export type { QuoteKind, RawQuote } from './detect.js';
export type { SourceRecord, SourcingProfile } from './sources.js';
export { cueLemma } from './lexicon.js';

// 3: generic sources, organisation speakers, back-references and pronoun gender (reanalyze picks them up).
// 4: unnamed spokespeople of an organisation, roles as written, descriptions named later, clause boundaries.
const VERSION = '4';

/** Everything the quotes stage finds in one article. */
export interface QuoteAnalysis {
  quotes: Span[];
  sources: SourceRecord[];
  sourcing: SourcingProfile;
}

/**
 * Finds quotes, resolves their speakers and profiles the article's sourcing.
 *
 * @example
 * const a = await analyze('“We will win,” the minister said.');
 * a.layers.quotes[0].attrs.kind; // 'direct'
 */
export function analyzeQuotes(article: Article, cueModel?: Classifier): QuoteAnalysis {
  const v = buildView(article);
  const idx = mentionIndex(article, v);
  const body = bodyRanges(article);
  const titles = (article.layers.structure ?? []).filter((s) => s.label === 'title');
  // Body text and the title (headlines attribute too: "…, Graham Says").
  const readable = [...body, ...titles];
  const inReadable = (q: RawQuote) => readable.some((r) => r.start <= q.parts[0][0] && q.parts[0][0] < r.end);
  const ruled = detectQuotes(v);
  // The learned cue classifier adds the quotes whose cues the rules left unclaimed.
  const learned = cueModel ? learnedQuotes(v, ruled, cueModel) : [];
  let merged = ruled;
  if (learned.length) {
    merged = [...ruled, ...learned].sort((a, b) => a.parts[0][0] - b.parts[0][0]);
    continueQuotes(merged);
  }
  // The reporter's question ("Asked whether …, Bell said") has no speaker in the article.
  const readableQuotes = merged.filter(inReadable).map((q) => (q.speaker && isReporterQuestion(v, q) ? { ...q, speaker: undefined } : q));
  const titleEnd = titles.reduce((n, t) => Math.max(n, t.end), 0);
  const resolved = resolveSpeakers(v, idx, readableQuotes, titleEnd);
  // Quotes whose "speaker" is no source go; a better speaker phrase replaces the detected one.
  const found = readableQuotes.flatMap((q, i) => (resolved[i].drop ? [] : [resolved[i].speaker ? { ...q, speaker: resolved[i].speaker } : q]));
  const res = resolved.filter((r) => !r.drop);
  const heads = headlineQuotes(v, titles).filter((h) => !found.some((q) => q.parts[0][0] < h.parts[0][1] && h.parts[0][0] < q.parts[0][1]) && isHeadlineSource(v, idx, h));
  const headRes = mapPacked(heads, (h) => resolveHeadline(v, idx, h, found, res));
  // concat, not spreads: the inlined spread iteration deoptimised this function on new array maps
  const all = heads.concat(found);
  const allRes = headRes.concat(res);
  const bodyChars = body.reduce((n, r) => n + r.end - r.start, 0);
  const { sources, sourcing } = buildSources(v, idx, found, res, bodyChars);
  const kinds = new Map(sources.map((s) => [s.entity ?? s.id, s.kind]));
  const quotes = all.flatMap((q, i) => toSpans(v, q, allRes[i], idx, kinds)).sort((a, b) => a.start - b.start || a.end - b.end);
  return { quotes, sources, sourcing };
}

/**
 * "Asked whether he would resign, Bell said: …": a sentence-opening "Asked" reports the
 * reporter's question (no source named); the answer is a quote of its own, found by its own cue.
 */
function isReporterQuestion(v: TokenView, q: RawQuote): boolean {
  if (!q.cue || q.verb !== 'ask') return false;
  const at = q.cue.from;
  return v.sentStart[v.sent[at]] === at && v.cap[at] === 1;
}

/**
 * A "Speaker: claim" headline needs a speaker that can be one: a named entity ("Pence:") or a
 * source noun ("Poll:", "Analyst:"). A kicker ("Stealth Over Health:") or a section label
 * ("The Latest:", "Opinion:") before the colon attributes nothing.
 */
function isHeadlineSource(v: TokenView, idx: MentionIndex, h: RawQuote): boolean {
  if (!h.speaker || h.rule === 'quoted-title') return true;
  const a = v.start[h.speaker.from];
  const b = v.end[h.speaker.to - 1];
  if (HEADLINE.labels.has(v.text.slice(a, b).toLowerCase())) return false;
  if (idx.mentions.some((m) => m.start < b && a < m.end)) return true;
  for (let k = h.speaker.from; k < h.speaker.to; k++) if (SOURCE_NOUNS[v.lower[k]] || SOURCE_NOUNS[v.lower[k].replace(/s$/, '')]) return true;
  return false;
}

/** A headline quote takes the speaker of the body quote it paraphrases, else its own phrase. */
function resolveHeadline(v: TokenView, idx: MentionIndex, h: RawQuote, body: readonly RawQuote[], res: readonly Resolution[]): Resolution {
  const word = h.speaker && h.speaker.to - h.speaker.from === 1 ? v.lower[h.speaker.from] : '';
  // A one-word speaker like "Analyst" is a description, not a name.
  const own = word && SOURCE_NOUNS[word] ? { form: 'description' as const, head: word } : h.speaker ? resolveSpeakers(v, idx, [{ ...h, kind: 'direct', para: -1000 }])[0] : undefined;
  if (own?.entity) return own;
  const match = bestBodyMatch(v.text, h, body);
  if (match >= 0 && res[match].entity) return { entity: res[match].entity, form: 'inherited' };
  if (own?.head) {
    for (const info of idx.entities.values()) if (hasRole(info.roles, own.head)) return { entity: info.id, form: 'description', head: own.head };
  }
  return own ?? { form: 'none' };
}

/**
 * The kind of source behind a quote (attr `sourceKind`): the source record's kind for a resolved
 * speaker; "anonymous" for unnamed sources ("analysts say") and "document" for documents ("a
 * report which says"), whose speaker text is a description, not a name.
 */
function sourceKindOf(r: Resolution, kinds: ReadonlyMap<string, SourceKind>): SourceKind | undefined {
  if (r.entity) return kinds.get(r.entity);
  const docHead = r.head && SOURCE_NOUNS[r.head] === 'document';
  if (r.form === 'anonymous') return docHead ? 'document' : 'anonymous';
  if (r.form === 'description' && docHead) return 'document';
  // "the ministry's spokesman": an unnamed member of a named body, of the kind of the role.
  if (r.form === 'description' && r.of && r.head) return SOURCE_NOUNS[r.head];
  return undefined;
}

function toSpans(v: TokenView, q: RawQuote, r: Resolution, idx: MentionIndex, kinds: ReadonlyMap<string, SourceKind>): Span[] {
  const attrs: Record<string, string | number | boolean> = { kind: q.kind, rule: q.rule, form: r.form };
  if (q.cue) {
    attrs.cue = v.text.slice(v.start[q.cue.from], v.end[q.cue.to - 1]);
    attrs.cueStart = v.start[q.cue.from];
    attrs.cueEnd = v.end[q.cue.to - 1];
  }
  if (q.verb) attrs.verb = q.verb;
  if (q.speaker) {
    attrs.speakerStart = v.start[q.speaker.from];
    attrs.speakerEnd = v.end[q.speaker.to - 1];
    attrs.speakerText = v.text.slice(attrs.speakerStart, attrs.speakerEnd);
  }
  if (r.entity) {
    attrs.speaker = r.entity;
    const name = idx.entities.get(r.entity)?.name;
    if (name) attrs.speakerName = name;
  }
  const sourceKind = sourceKindOf(r, kinds);
  if (sourceKind) attrs.sourceKind = sourceKind;
  if (r.generic) attrs.generic = true;
  if (q.parts.length > 1) attrs.parts = q.parts.length;
  return q.parts.map(([start, end], part) => ({
    start, end, label: 'quote',
    attrs: q.parts.length > 1 ? { ...attrs, part: part + 1 } : attrs,
    source: { stage: 'quotes', rule: q.rule, version: VERSION },
  }));
}

/** The quotes stage: layer `quotes`, findings `sources` and `sourcing`. */
export const quotesStage: Stage<Classifier | undefined> = {
  name: 'quotes',
  version: VERSION,
  requires: ['tokens', 'paragraphs'],
  assigns: ['quotes', 'sources', 'sourcing'],
  load: () => loadCueModel(),
  run(article, cueModel) {
    const { quotes, sources, sourcing } = analyzeQuotes(article, cueModel);
    return { layers: { quotes }, findings: { sources, sourcing } };
  },
};
