import type { Article, Span } from '../../model/index.js';
import { mapPacked } from '../../model/arrays.js';
import type { Stage } from '../../pipeline-types.js';
import { lexicon, type Lexicon } from './lexicon.js';
import { NerModel } from './model.js';
import { documentWords } from './words.js';
import { tokenWords } from '../../nlp/token-words.js';
import { checkPersons, titledPersons, joinOrganisationParts, joinParticles, joinPossessiveOrganisations, mentionsFromTags, splitMentions, type Mention } from './mentions.js';
import { linkMentions, type Entity } from './link.js';
import { readRoles, trimTitles, type RoleInfo } from './roles.js';
import { checkHeadlineMentions } from './headline.js';

export { NerModel, MODEL_PATH } from './model.js';
export { lexicon, loadLexicon, type Lexicon } from './lexicon.js';
export { sentenceWords, type Word } from './words.js';

/** The canonical record of one entity in `findings.entities`. */
export interface EntityRecord {
  id: string;
  name: string;
  type: string;
  kind?: string;
  aliases: string[];
  /** Number of mentions in the article. */
  mentions: number;
  roles: string[];
  affiliations: string[];
  places: string[];
}

interface Resources {
  model: NerModel;
  lex: Lexicon;
}

// 2: headline names confirmed by the body, re-joined organisations, roles spelled as written.
const VERSION = '2';

/**
 * Entities: the trained recogniser tags PER/ORG/LOC/MISC mentions over the NLP tokens, mentions
 * are grouped into canonical entities (aliases, surnames, acronyms), and person mentions get
 * roles, affiliations and places from titles and appositives.
 *
 * Layer `entities`: one span per mention, label = type, attrs `entity` (id), `kind`, and for
 * persons `role`, `affiliation`, `place` where found. `findings.entities`: `EntityRecord[]`.
 */
export const entitiesStage: Stage<Resources> = {
  name: 'entities',
  version: VERSION,
  requires: ['tokens', 'sentences'],
  assigns: ['entities'],
  load: () => ({ model: NerModel.load(), lex: lexicon() }),
  run(article, { model, lex }) {
    const { spans, records } = findEntities(article, model, lex);
    return { layers: { entities: spans }, findings: { entities: records } };
  },
};

/** Runs recognition, linking and roles over an article that has tokens and sentences. */
export function findEntities(article: Article, model: NerModel, lex: Lexicon): { spans: Span[]; records: EntityRecord[] } {
  const text = article.text;
  const tokens = article.layers.tokens ?? [];
  const nlp = tokenWords(text, tokens);
  const { sentences: words, texts, ids } = documentWords(text, tokens, article.layers.sentences ?? [], nlp);
  const tags = model.tagDocument(texts, nlp && ids ? { table: nlp.table, generation: nlp.generation, ids } : undefined);
  const excluded = excludedRanges(article);
  const found = checkPersons(trimTitles(titledPersons(joinPossessiveOrganisations(joinOrganisationParts(joinParticles(splitMentions(mentionsFromTags(text, words, tags), words, lex), words, text), words, text, lex), words, text, lex), words, lex), words, text, lex), words, tokens, lex).filter((m) => !excluded.some((b) => b.start < m.end && m.start < b.end));
  const titles = (article.layers.structure ?? []).filter((s) => s.label === 'title');
  const mentions = titles.length ? checkHeadlineMentions(found, titles, text, words, lex) : found;
  const { entities, entityOf } = linkMentions(mentions, lex);
  // Roles read types from the linked entity (the alias table knows "W.H.O." is an organisation).
  // A copy only where the type changes (most mentions keep the recogniser's type).
  const typed = mapPacked(mentions, (m, i) => (entities[entityOf[i]].type === m.type ? m : { ...m, type: entities[entityOf[i]].type }));
  const roles = readRoles(words, typed, lex);
  const records = mapPacked(entities, (e) => toRecord(e, mentions, roles, entities, entityOf, lex));
  const spans = mapPacked(mentions, (m, i) => toSpan(m, entities[entityOf[i]], roles[i]));
  return { spans, records };
}

/** Structure that is not article prose: boilerplate, section lines, credits. */
const NON_PROSE_STRUCTURE = new Set(['section', 'credit', 'byline', 'dateline']);

function excludedRanges(article: Article): Span[] {
  return [...(article.layers.boilerplate ?? []), ...(article.layers.structure ?? []).filter((s) => NON_PROSE_STRUCTURE.has(s.label))];
}

function toSpan(m: Mention, entity: Entity, role: RoleInfo | undefined): Span {
  const attrs: Record<string, string> = { entity: entity.id };
  if (entity.kind) attrs.kind = entity.kind;
  if (role?.role) attrs.role = role.role;
  if (role?.affiliation) attrs.affiliation = role.affiliation;
  if (role?.place) attrs.place = role.place;
  return { start: m.start, end: m.end, label: entity.type, attrs, source: { stage: 'entities', model: 'ner', version: VERSION } };
}

function toRecord(
  entity: Entity,
  mentions: readonly Mention[],
  roles: readonly (RoleInfo | undefined)[],
  entities: readonly Entity[],
  entityOf: readonly number[],
  lex: Lexicon,
): EntityRecord {
  if (!hasRoles(entity, roles)) return plainRecord(entity);
  const set = { titled: new Set<string>(), roles: new Set<string>(), affiliations: new Set<string>(), places: new Set<string>() };
  for (const i of entity.mentions) {
    const r = roles[i];
    if (!r) continue;
    if (r.role) set.roles.add(r.role);
    if (r.titled) set.titled.add(r.titled);
    if (r.affiliation) set.affiliations.add(r.affiliationMention !== undefined ? entities[entityOf[r.affiliationMention]].name : r.affiliation);
    if (r.place) set.places.add(r.placeMention !== undefined ? entities[entityOf[r.placeMention]].name : (lex.byAlias.get(r.place)?.name ?? r.place));
  }
  const record: EntityRecord = {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    aliases: [...new Set([...entity.aliases, ...set.titled])].filter((a) => a !== entity.name),
    mentions: entity.mentions.length,
    roles: [...set.roles],
    affiliations: [...set.affiliations],
    places: [...set.places],
  };
  if (entity.kind) record.kind = entity.kind;
  return record;
}

/** Whether any mention of the entity has role information. */
function hasRoles(entity: Entity, roles: readonly (RoleInfo | undefined)[]): boolean {
  for (const i of entity.mentions) if (roles[i]) return true;
  return false;
}

/**
 * `toRecord` of an entity none of whose mentions has roles (most entities): its aliases are
 * already distinct and exclude its name (see `toEntity`), so no sets are needed. Same fields,
 * same order.
 */
function plainRecord(entity: Entity): EntityRecord {
  const record: EntityRecord = { id: entity.id, name: entity.name, type: entity.type, aliases: entity.aliases.slice(), mentions: entity.mentions.length, roles: [], affiliations: [], places: [] };
  if (entity.kind) record.kind = entity.kind;
  return record;
}
