import { LIMITS, MEDIA_WORDS, OFFICIAL_ORG_KINDS, SOURCE_NOUNS, type SourceKind } from './constants.js';
import type { RawQuote } from './detect.js';
import type { MentionIndex, PersonInfo } from './mentions.js';
import type { Resolution } from './resolve.js';
import type { TokenView } from './view.js';

/** One voice quoted in the article. */
export interface SourceRecord {
  /** Entity id, or a key like "anon:officials" for unnamed sources. */
  id: string;
  name: string;
  entity?: string;
  role?: string;
  affiliation?: string;
  place?: string;
  /** Outlets the source spoke to ("Press TV"). */
  outlets: string[];
  kind: SourceKind;
  /** An unnamed class of people speaking as a group ("analysts say"): kept as a source, never a named person. */
  generic?: true;
  quotes: number;
  direct: number;
  indirect: number;
  /** Characters of content attributed to this source. */
  chars: number;
}

/** The article's sourcing profile. */
export interface SourcingProfile {
  quotes: number;
  namedSources: number;
  anonymousSources: number;
  /** Of the anonymous sources, the generic ones ("analysts", "officials"). */
  genericSources: number;
  unresolvedQuotes: number;
  /** Share of body characters inside quote content. */
  quotedShare: number;
  /** Share of quoted characters per source id. */
  shareBySource: Record<string, number>;
  /** The source with the largest share when it holds more than half of the quoted text. */
  dominant?: string;
  /** True when every resolved quote comes from one source. */
  singleVoice: boolean;
  /** True when all named sources share one affiliation or one kind (no opposing voice quoted). */
  oneSide: boolean;
}

function kindOf(roles: readonly string[], fallback: SourceKind): SourceKind {
  for (const r of roles) {
    for (const w of r.toLowerCase().split(/[^a-z]+/).reverse()) {
      const k = SOURCE_NOUNS[w];
      if (k) return k;
    }
  }
  return fallback;
}

/** The kind of a named source: people by their roles, organisations and places as themselves. */
function entityKind(info: PersonInfo | undefined, roles: readonly string[]): SourceKind {
  if (isOutlet(info?.name ?? '') || info?.kind === 'media outlet') return 'media';
  if (info?.type === 'ORG') return info.kind && OFFICIAL_ORG_KINDS.has(info.kind) ? 'official' : 'organisation';
  // A place speaks as its government ("Russia said").
  if (info?.type === 'LOC') return 'official';
  return kindOf(roles, 'person');
}

/**
 * The first role, or a fuller one with the same head word given too ("analyst" and "political
 * analyst" → "political analyst").
 */
export function specificRole(roles: readonly string[]): string | undefined {
  let best = roles[0];
  if (best === undefined) return undefined;
  const tail = ` ${best.toLowerCase()}`;
  for (const r of roles) if (r.length > best.length && r.toLowerCase().endsWith(tail)) best = r;
  return best;
}

/**
 * The kind of an unnamed source: a document as such; an indefinite person ("a spokesman for the
 * ministry") anonymous; a definite one not resolved to a name ("the ministry's spokesman") by its role.
 */
function unnamedKind(r: Resolution): SourceKind {
  const kind = SOURCE_NOUNS[r.head ?? ''];
  if (kind === 'document') return 'document';
  return r.form === 'description' && kind ? kind : 'anonymous';
}

/** The organisation (or place) an unnamed person speaks for, as the record's affiliation (or place). */
function placeOrAffiliation(rec: SourceRecord, info: PersonInfo | undefined): void {
  if (!info) return;
  if (info.type === 'LOC' || info.type === 'GPE' || info.kind === 'country' || info.kind === 'city') rec.place ??= info.name;
  else rec.affiliation ??= info.name;
}

function isOutlet(text: string): boolean {
  return text.toLowerCase().split(/\s+/).some((w) => MEDIA_WORDS.has(w));
}

/** Builds source records and the sourcing profile from resolved quotes. */
export function buildSources(v: TokenView, idx: MentionIndex, quotes: readonly RawQuote[], res: readonly Resolution[], bodyChars: number): { sources: SourceRecord[]; sourcing: SourcingProfile } {
  const byId = new Map<string, SourceRecord>();
  let unresolved = 0;
  let quoted = 0;
  quotes.forEach((q, i) => {
    const r = res[i];
    const chars = q.parts.reduce((n, [a, b]) => n + (b - a), 0);
    quoted += chars;
    let id: string;
    let rec: SourceRecord | undefined;
    if (r.entity) {
      id = r.entity;
      rec = byId.get(id);
      if (!rec) {
        const info = idx.entities.get(r.entity);
        const roles = info?.roles ?? [];
        rec = {
          id, entity: r.entity, name: info?.name ?? id, role: specificRole(roles), affiliation: info?.affiliations[0], place: info?.places[0], outlets: [],
          kind: entityKind(info, roles), quotes: 0, direct: 0, indirect: 0, chars: 0,
        };
      }
    } else if ((r.form === 'anonymous' || (r.form === 'description' && r.of)) && q.speaker) {
      const text = v.text.slice(v.start[q.speaker.from], v.end[q.speaker.to - 1]);
      // A spokesman of one ministry and of another are two sources.
      id = `anon:${r.head ?? text.toLowerCase()}${r.of ? `@${r.of}` : ''}`;
      // "Officials said" (generic) and "two officials said" (anonymous individuals) are two sources.
      if (!!byId.get(id)?.generic !== !!r.generic) id = `anon:${text.toLowerCase()}`;
      rec = byId.get(id) ?? { id, name: text, role: r.role ?? r.head, outlets: [], kind: unnamedKind(r), quotes: 0, direct: 0, indirect: 0, chars: 0 };
      if (r.of) placeOrAffiliation(rec, idx.entities.get(r.of));
      if (r.generic && rec.kind === 'anonymous') rec.generic = true;
    } else if (r.form === 'description' && r.head && SOURCE_NOUNS[r.head] === 'document' && q.speaker) {
      const text = v.text.slice(v.start[q.speaker.from], v.end[q.speaker.to - 1]);
      id = `doc:${text.toLowerCase()}`;
      rec = byId.get(id) ?? { id, name: text, role: r.head, outlets: [], kind: 'document', quotes: 0, direct: 0, indirect: 0, chars: 0 };
    } else {
      unresolved++;
      return;
    }
    if (r.head && !rec.role) rec.role = r.role ?? r.head;
    // How the article itself introduces the speaker ("the analyst said") decides the kind.
    if (r.head && rec.entity && SOURCE_NOUNS[r.head] && SOURCE_NOUNS[r.head] !== 'anonymous' && SOURCE_NOUNS[r.head] !== 'document') rec.kind = SOURCE_NOUNS[r.head];
    if (q.addressee) {
      const outlet = v.text.slice(v.start[q.addressee.from], v.end[q.addressee.to - 1]);
      if (isOutlet(outlet) && !rec.outlets.includes(outlet)) rec.outlets.push(outlet);
    }
    rec.quotes++;
    if (q.kind === 'direct' || q.kind === 'floating' || q.kind === 'headline') rec.direct++; else rec.indirect++;
    rec.chars += chars;
    byId.set(id, rec);
  });
  const sources = [...byId.values()].sort((a, b) => b.chars - a.chars);
  const attributed = sources.reduce((n, s) => n + s.chars, 0);
  const shareBySource: Record<string, number> = {};
  for (const s of sources) shareBySource[s.id] = attributed ? round(s.chars / attributed) : 0;
  const named = sources.filter((s) => s.entity);
  const top = sources[0];
  const affiliations = new Set(named.map((s) => s.affiliation ?? s.kind));
  return {
    sources,
    sourcing: {
      quotes: quotes.length,
      namedSources: named.length,
      anonymousSources: sources.filter((s) => s.kind === 'anonymous').length,
      genericSources: sources.filter((s) => s.generic).length,
      unresolvedQuotes: unresolved,
      quotedShare: bodyChars ? round(Math.min(1, quoted / bodyChars)) : 0,
      shareBySource,
      dominant: top && shareBySource[top.id] > LIMITS.dominantShare ? top.id : undefined,
      singleVoice: sources.length === 1,
      oneSide: named.length <= 1 || affiliations.size === 1,
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
