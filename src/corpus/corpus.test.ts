import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeLayer, encodeLayerJson, decodeLayer } from './layer-codec.js';
import { encodeLayers, decodeLayers } from './prepare.js';
import { fingerprint, jaccard, NEAR_DUP } from './minhash.js';
import { cleanRole, genericSource, matchPerson, nameParts, rolesCompatible, type Person } from './speakers.js';
import { deriveRows } from './derive.js';
import { fixtureCorpus } from './fixtures.js';

test('layer codec round-trips spans with and without extra fields', () => {
  const layer = [
    { start: 0, end: 4, label: 'PROPN' },
    { start: 0, end: 9, label: 'PER', attrs: { entity: 'e1', roles: ['minister'] }, score: 0.9, evidence: ['title word'] },
    { start: 5, end: 9, label: 'PROPN' },
    { start: 12, end: 20, label: 'PER', attrs: { entity: 'e1', roles: ['minister'] }, score: 0.9, evidence: ['title word'] },
  ];
  const enc = encodeLayer(layer);
  assert.equal(enc.R.length, 1, 'identical extras are stored once');
  assert.deepEqual(decodeLayer(JSON.parse(JSON.stringify(enc))), layer);
  const back = decodeLayer(enc);
  (back[1].attrs as any).entity = 'changed';
  assert.equal(back[3].attrs!.entity, 'e1', 'decoded spans do not share objects');
});

test('layer JSON is the text of the encoded layer, and the layers blob decodes', () => {
  const layer = [
    { start: 3, end: 7, label: 'NOUN' },
    { start: 3, end: 15, label: 'quote', attrs: { kind: 'direct', speakerText: 'the "clerk"' }, source: { stage: 'quotes', rule: 'r' } },
    { start: 8, end: 9, label: 'PUNCT', note: undefined },
    { label: 'claim', end: 30, start: 16, score: 0.25, evidence: ['cue \'said\''] },
    { start: 20, end: 30, label: 'quote', attrs: { kind: 'direct', speakerText: 'the "clerk"' }, source: { stage: 'quotes', rule: 'r' } },
  ];
  assert.equal(encodeLayerJson(layer), JSON.stringify(encodeLayer(layer)));
  assert.equal(encodeLayer(layer).R.length, 2, 'spans with only undefined extras store none; identical extras once');
  const layers = { tokens: layer.slice(0, 1), spans: layer, empty: [] };
  assert.deepEqual(decodeLayers(encodeLayers(layers)), JSON.parse(JSON.stringify(layers)));
});

test('minhash: small edits are near-duplicates, different texts are not', () => {
  const words = 'the harbour council met on sunday to discuss fishing quotas for the northern banks and the crews waited on the quay for news of a deal that never came as delegates argued late into the night about the season ahead and the cost of fuel'.split(' ');
  const text = words.join(' ');
  const a = fingerprint(text)!;
  const edited = fingerprint(text.replace('sunday', 'monday'))!;
  assert.ok(jaccard(a.signature, edited.signature) >= NEAR_DUP.minJaccard);
  assert.ok(a.bands.some((b, i) => b === edited.bands[i]));
  const other = fingerprint([...words].reverse().join(' '))!;
  assert.ok(jaccard(a.signature, other.signature) < 0.3);
  assert.equal(fingerprint('too short to fingerprint'), undefined);
});

test('speaker matching: titles, initials, spelling variants, contradicting affiliations', () => {
  const p = (id: string, name: string, affiliations: string[] = []): Person => ({ id, name, ...nameParts(name), roles: [], affiliations, variants: [name] });
  const people = [p('p1', 'Tomas Ekvall', ['Arveland government']), p('p2', 'Ilse Varga')];
  assert.equal(matchPerson({ name: 'Minister Tomas Ekvall', affiliation: '' }, people)?.id, 'p1');
  assert.equal(matchPerson({ name: 'T. Ekvall', affiliation: '' }, people)?.id, 'p1');
  assert.equal(matchPerson({ name: 'Tomas Ekval', affiliation: 'Arveland' }, people)?.id, 'p1');
  assert.equal(matchPerson({ name: 'Ekvall', affiliation: '' }, people)?.id, 'p1');
  assert.equal(matchPerson({ name: 'Anna Ekvall', affiliation: '' }, people), undefined);
  assert.equal(matchPerson({ name: 'Tomas Ekvall', affiliation: 'Kostria fishing union' }, people), undefined);
});

test('speaker matching: the same full name and occupation outweigh a contradicting affiliation; other people stay apart', () => {
  const p = (id: string, name: string, roles: string[], affiliations: string[]): Person => ({ id, name, ...nameParts(name), roles, affiliations, variants: [name] });
  // One article read "Labour economist Dr. Ruth Amadi of Harrowgate University" as of the Labour Party.
  const amadi = p('p1', 'Ruth Amadi', ['economist'], ['Labour Party']);
  const people = [amadi, p('p2', 'Daniel Amadi', ['ferry captain'], ['Castmoor Ferries'])];
  assert.equal(matchPerson({ name: 'Dr. Ruth Amadi', affiliation: 'Harrowgate University', role: 'labour economist' }, people)?.id, 'p1');
  // Same full name, contradicting affiliation, and no shared occupation (or none known): another person.
  assert.equal(matchPerson({ name: 'Ruth Amadi', affiliation: 'Castmoor Rowing Club', role: 'coach' }, people), undefined);
  assert.equal(matchPerson({ name: 'Ruth Amadi', affiliation: 'Castmoor Rowing Club' }, people), undefined);
  // The role fallback needs the full name: a surname, an initial or another first name is not enough.
  assert.equal(matchPerson({ name: 'Amadi', affiliation: 'Harrowgate University', role: 'economist' }, people), undefined);
  assert.equal(matchPerson({ name: 'R. Amadi', affiliation: 'Harrowgate University', role: 'economist' }, people), undefined);
  assert.equal(matchPerson({ name: 'Daniel Amadi', affiliation: 'Harrowgate University', role: 'labour economist' }, people), undefined);
  assert.equal(matchPerson({ name: 'Daniel Amadi', affiliation: '', role: 'economist' }, people)?.id, 'p2');
  // Titles and function words are not occupations.
  assert.equal(rolesCompatible(['economist Dr.'], 'Dr.'), false);
  assert.equal(rolesCompatible(['head of the union'], 'head of the board'), false);
  assert.equal(rolesCompatible(['chief economist'], 'Economist'), true);
  assert.equal(cleanRole('economist Dr.'), 'economist');
  assert.equal(cleanRole('Mr.'), '');
  assert.equal(cleanRole(' fisheries  minister '), 'fisheries minister');
});

test('derived rows read entities, quotes, sources and techniques, and tolerate their absence', () => {
  const [a] = fixtureCorpus();
  const rows = deriveRows(a);
  assert.equal(rows.quotes.length, 2);
  assert.equal(rows.quotes[0].speaker, 'Minister Tomas Ekvall');
  assert.deepEqual(rows.quotes[0].techniques, ['Loaded_Language']);
  assert.equal(rows.sources[1].quotes, 1);
  assert.equal(rows.entities[0].key, 'velmora');
  assert.deepEqual(deriveRows({ ...a, layers: {}, findings: { entities: 'nonsense' } }), { entities: [], quotes: [], sources: [], techniques: [] });
});

test('genericSource: descriptions of unnamed sources get a label; names do not', () => {
  assert.equal(genericSource('Officials'), 'officials');
  assert.equal(genericSource('Hospital officials'), 'hospital officials');
  assert.equal(genericSource('a spokesman'), 'spokesman');
  assert.equal(genericSource('A spokesperson for the health board', 'anonymous'), 'spokesperson for the health board');
  assert.equal(genericSource('UN officials'), 'UN officials');
  assert.equal(genericSource('Exporters\' groups', 'anonymous'), 'Exporters\' groups');
  assert.equal(genericSource('a source close to Ilse Varga', 'anonymous'), 'source close to Ilse Varga');
  assert.equal(genericSource('Ilse Varga', 'person'), undefined);
  assert.equal(genericSource('Economist Paolo Ferrante'), undefined);
  assert.equal(genericSource('Officials from Eskmark'), undefined, 'a name in the phrase: only the quotes stage\'s kind makes it unnamed');
  assert.equal(genericSource('Reuters'), undefined);
});
