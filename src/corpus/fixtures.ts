import type { Article, Span } from '../model/index.js';

/**
 * Invented articles for the corpus tests and bench: hand-built layers in the shapes the
 * entities, quotes and techniques stages write (HELPERS.md), so the store is tested without
 * those stages. All names, outlets and events are fictional.
 */
export interface FixtureSpec {
  title: string;
  outlet: string;
  published: string;
  /** Sentences of the body; a quote sentence is `Name said: "…"`. */
  body: string[];
  /** [speaker name, role, affiliation, source kind (default 'person')] quoted in the article. */
  speakers?: Array<[string, string, string, string?]>;
  entities?: Array<[string, string]>;
  /** Technique label put over each quote. */
  technique?: string;
  section?: string;
}

/** Builds an article (text, meta, layers, findings) from a spec. */
export function fixtureArticle(spec: FixtureSpec): Article {
  let text = spec.title + '\n\n';
  const quotes: Span[] = [];
  const techniques: Span[] = [];
  const sentences: Span[] = [];
  const sentence = (s: string) => {
    sentences.push({ start: text.length, end: text.length + s.length, label: 'sentence' });
    text += s + ' ';
  };
  spec.body.forEach(sentence);
  for (const [name] of spec.speakers ?? []) {
    const speakerStart = text.length;
    const content = `“We will keep talking until the ${spec.title.split(' ').slice(-2).join(' ').toLowerCase()} is settled,”`;
    sentence(`${name} said: ${content}`);
    const start = speakerStart + name.length + ' said: '.length;
    const end = start + content.length;
    quotes.push({ start, end, label: 'direct', attrs: { kind: 'direct', cue: 'said', speakerStart, speakerEnd: speakerStart + name.length, speakerText: name } });
    if (spec.technique) techniques.push({ start, end, label: spec.technique, score: 0.8, evidence: ['invented'] });
  }
  text = text.trimEnd() + '\n';
  return {
    text,
    meta: { title: spec.title, outlet: spec.outlet, published: spec.published, section: spec.section ?? 'World', format: 'text' },
    layers: { structure: [{ start: 0, end: spec.title.length, label: 'title', source: { stage: 'clean', rule: 'first-line' } }], sentences, quotes, techniques },
    findings: {
      entities: (spec.entities ?? []).map(([name, type], i) => ({ id: `e${i + 1}`, name, type, mentions: 2 })),
      sources: (spec.speakers ?? []).map(([name, role, affiliation, kind]) => ({ name, role, affiliation, kind: kind ?? 'person', counts: { quotes: 1 } })),
    },
    notices: [{ code: 'fixture', message: 'built by a test' }],
    analysis: { clean: '1', nlp: '1', quotes: '1', techniques: '1' },
  };
}

/** A small corpus: two events of one thread (talks in two cities), one unrelated story, a near-duplicate. */
export function fixtureCorpus(): Article[] {
  const talksA: FixtureSpec = {
    title: 'Harbour talks in Velmora collapse over fishing quotas',
    outlet: 'The Northern Ledger', published: '2031-03-02T09:00:00Z',
    body: [
      'Negotiators from Arveland and Kostria ended the harbour talks in Velmora without a deal on fishing quotas on Sunday.',
      'The talks on fishing quotas in the harbour town of Velmora had lasted three days and were meant to settle a dispute over the northern banks.',
      'Officials said the two delegations could not agree on the quotas for the coming season, and that fishing crews on both sides were waiting for news.',
      'Observers in Velmora said the mood at the harbour was tense as the delegations left, and that a new round was not yet planned.',
    ],
    speakers: [['Minister Tomas Ekvall', 'fisheries minister', 'Arveland government'], ['Ilse Varga', 'negotiator', 'Kostria']],
    entities: [['Velmora', 'LOC'], ['Arveland', 'LOC'], ['Kostria', 'LOC'], ['Tomas Ekvall', 'PER']],
    technique: 'Loaded_Language',
  };
  const talksB: FixtureSpec = {
    ...talksA,
    title: 'Velmora fishing quota talks end without agreement',
    outlet: 'Coastal Courier', published: '2031-03-02T15:30:00Z',
    body: [
      'The fishing quota talks between Arveland and Kostria in Velmora ended without agreement, delegates said on Sunday.',
      'Fishing crews in the harbour had hoped the talks in Velmora would settle the quotas for the northern banks.',
    ],
    speakers: [['Tomas Ekvall', 'minister', 'Arveland'], ['Ilse Varga', 'chief negotiator', 'Kostria delegation']],
  };
  const talksC: FixtureSpec = {
    ...talksA,
    title: 'Arveland and Kostria resume fishing talks in Brennhavn',
    outlet: 'The Northern Ledger', published: '2031-03-25T08:00:00Z',
    body: [
      'A month after the failed round in Velmora, Arveland and Kostria resumed talks on fishing quotas in the city of Brennhavn.',
      'The new round in Brennhavn is the second attempt this year to settle the quotas for the northern banks.',
    ],
    speakers: [['Tomas Ekval', 'minister', 'Arveland government']],
    entities: [['Brennhavn', 'LOC'], ['Arveland', 'LOC'], ['Kostria', 'LOC'], ['Tomas Ekvall', 'PER']],
    technique: 'Doubt',
  };
  const bridge: FixtureSpec = {
    title: 'New tram bridge opens in Oststadt after two years of works',
    outlet: 'Coastal Courier', published: '2031-03-03T07:00:00Z', section: 'City',
    body: [
      'The tram bridge over the river in Oststadt opened to passengers on Monday after two years of construction works.',
      'City engineers said the bridge would carry up to forty trams an hour once the timetable is complete.',
    ],
    speakers: [['Mara Lindqvist', 'city engineer', 'Oststadt council']],
    entities: [['Oststadt', 'LOC'], ['Mara Lindqvist', 'PER']],
  };
  const copy = { ...talksA, outlet: 'Wire Digest', published: '2031-03-02T10:00:00Z', body: [...talksA.body.slice(0, 3), talksA.body[3].replace('tense', 'very tense')] };
  return [talksA, talksB, bridge, copy, talksC].map(fixtureArticle);
}
