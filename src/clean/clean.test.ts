import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from './clean.js';
import { findIsoDate } from './dates.js';
import { analyze } from '../pipeline.js';
import { assertLayerConforms } from '../model/conformance.js';
import { bodyRanges } from './body.js';

// Invented articles in the shapes crawled text takes (no text from ../shared).
const CRAWLED = [
  'World \u00a0 › \u00a0 Middle East',
  '',
  'Harbour talks end without a deal',
  '',
  'By Mara Quill',
  '',
  'Delegates wave outside the harbour office in Porto Velho, on 3 March 2021. (Photo: Reuters)',
  '',
  'GENOA (Reuters) — Talks over the harbour closed on Friday without an agreement, officials said.',
  '',
  'The mayor said the port would stay open. “We will keep talking,” she said.',
  '',
  'Related',
  'Harbour strike enters second week',
  'Mayor promises new ferry line',
  '',
  'Follow us on Telegram',
  'Sign up for our morning newsletter',
  'Download the Coastline Daily app from Google Play',
  '© 2021 Coastline Daily. All rights reserved.',
].join('\n');

function marked(text: string) {
  const r = cleanText(text);
  return {
    ...r,
    labels: [...r.structure, ...r.boilerplate].map((s) => [s.label, text.slice(s.start, s.end)] as const),
  };
}

test('cleanup finds breadcrumb, title, byline, caption, dateline and footer of an invented page', () => {
  const { meta, structure, boilerplate, labels } = marked(CRAWLED);
  assert.equal(meta.section, 'World › Middle East');
  assert.deepEqual(structure[0].attrs, { path: ['World', 'Middle East'] });
  assert.equal(meta.title, 'Harbour talks end without a deal');
  assert.equal(meta.author, 'Mara Quill');
  const caption = structure.find((s) => s.label === 'caption')!;
  assert.deepEqual(caption.attrs, { credit: 'Reuters', date: '2021-03-03' });
  const dateline = structure.find((s) => s.label === 'dateline')!;
  assert.equal(CRAWLED.slice(dateline.start, dateline.end), 'GENOA (Reuters) —');
  assert.deepEqual(dateline.attrs, { place: 'GENOA', agency: 'Reuters' });
  assert.deepEqual(boilerplate.map((s) => s.label), ['related', 'related', 'related', 'follow', 'newsletter', 'app-promo', 'copyright']);
  assert.ok(boilerplate.every((s) => s.attrs?.kind === s.label));
  assert.equal(meta.outlet, 'Coastline Daily'); // from the copyright line (not a known outlet)
  // the body sentences are untouched
  assert.ok(!labels.some(([, t]) => /mayor said the port/.test(t)));
});

test('cleanup never deletes: the article text is the input, body ranges cover the prose', async () => {
  const article = await analyze(CRAWLED);
  assert.equal(article.text, CRAWLED);
  for (const layer of ['structure', 'boilerplate']) assertLayerConforms(article, layer);
  const body = bodyRanges(article).map((r) => CRAWLED.slice(r.start, r.end)).join(' ');
  assert.match(body, /Talks over the harbour closed/);
  assert.match(body, /We will keep talking/);
  assert.doesNotMatch(body, /newsletter|All rights reserved|Photo: Reuters|Harbour strike enters/);
});

test('mirror notice: outlet from its owner, addresses after it marked', () => {
  const text = 'A title\n\nA body sentence that says something about the world.\n\nGlobe Wire’s website is also reachable at these alternate addresses:\n\nglobewire.example\nwww.globewire.example.net\n\nSHARE THIS ARTICLE';
  const { meta, labels } = marked(text);
  assert.equal(meta.outlet, 'Globe Wire');
  assert.deepEqual(labels.map(([l]) => l), ['title', 'mirror-notice', 'mirror-address', 'mirror-address', 'share']);
});

test('an outlet named only in the body is not the outlet', () => {
  const text = 'A title\n\nThe analyst told Press TV on Sunday that the talks failed.\n\nShe said more would follow.';
  assert.equal(marked(text).meta.outlet, undefined);
});

test('known outlets are recognised in app lines; trailing credits are structure', () => {
  const text = 'A title\n\nThe senator spoke on Monday about the budget and the deficit.\n\nStory by Ana Ruiz\nFollow Ana Ruiz on Twitter @anaruiz.\n\nWatch Press TV on Roku';
  const { meta, structure, boilerplate } = marked(text);
  assert.equal(meta.outlet, 'Press TV');
  assert.deepEqual(structure.filter((s) => s.label === 'credit').map((s) => s.attrs?.kind), ['story-credit', 'follow-author']);
  assert.equal(structure.find((s) => s.attrs?.kind === 'follow-author')!.attrs!.person, 'Ana Ruiz');
  assert.deepEqual(boilerplate.map((s) => s.label), ['app-promo']);
});

test('prose that merely mentions sharing, copyright or photos is body', () => {
  const text = [
    'A title',
    '',
    'By now, everyone has heard of the plan.',
    'Share prices fell sharply on Monday after the announcement.',
    'Copyright law was the subject of a long debate in parliament last year, and it remains unsettled today.',
    'The photo by the agency showed the minister leaving the building.',
    'Related to this, the minister resigned.',
    'US — and Russian officials disagreed.',
  ].join('\n');
  const { labels } = marked(text);
  assert.deepEqual(labels, [['title', 'A title']]);
});

test('a single line (or a first line without anything after it) is not a title', () => {
  assert.deepEqual(marked('Only one line of text here.').labels, []);
  assert.equal(marked('x'.repeat(400) + '\n\nSecond paragraph.').meta.title, undefined);
});

test('a breadcrumb-like title is kept as the title when no other line follows it as title', () => {
  const { meta } = marked('Trump / Clinton\n\nThe debate was loud.');
  assert.equal(meta.title, 'Trump / Clinton');
  assert.equal(meta.section, undefined);
});

test('© agency captions give the credit; "© Provided by" takes a known outlet name', () => {
  const text = 'A title\n\nBody sentence about the visit.\n© AFP Crowds greet the minister in the square\n© Provided by Al Jazeera The minister speaks to reporters\nMore body text follows here.';
  const captions = cleanText(text).structure.filter((s) => s.label === 'caption');
  assert.deepEqual(captions.map((s) => s.attrs?.credit), ['AFP', 'Al Jazeera']);
});

test('dates in captions become ISO dates', () => {
  assert.equal(findIsoDate('in Lausanne, on October 15, 2016.'), '2016-10-15');
  assert.equal(findIsoDate('taken 3rd Sept. 2019 at dawn'), '2019-09-03');
  assert.equal(findIsoDate('on 2020-02-29'), '2020-02-29');
  assert.equal(findIsoDate('in October'), undefined);
});

test('archive labels, separators, stray markup and credit-only lines are marked; prose around them is not', () => {
  const text = [
    'A title',
    '',
    'ABSTRACT.',
    'A short summary sentence of the invented story.',
    'FULL TEXT.',
    'The council voted on Tuesday to close the old bridge.',
    '* * *',
    'Jane Roe/Getty Images',
    'Residents said they would appeal the decision.',
    '</tweet>',
    'This story has been updated with a comment from the council.',
  ].join('\n');
  const { labels } = marked(text);
  assert.deepEqual(labels, [
    ['title', 'A title'],
    ['credit', 'Jane Roe/Getty Images'],
    ['credit', 'This story has been updated with a comment from the council.'],
    ['furniture', 'ABSTRACT.'],
    ['furniture', 'FULL TEXT.'],
    ['furniture', '* * *'],
    ['furniture', '</tweet>'],
  ]);
});

test('the clean stage keeps structure spans a reader already marked (HTML captions)', async () => {
  const { Pipeline } = await import('../pipeline.js');
  const { cleanStage } = await import('./index.js');
  const text = 'A harbour story\n\nThe ferry left at dawn.\n\nA ferry at the pier. (Photo by Example Wire)';
  const caption = { start: text.indexOf('A ferry at'), end: text.length, label: 'caption', source: { stage: 'ingest' } };
  const article = (await Pipeline.build([cleanStage])).run({ text, meta: {}, notices: [], layers: { structure: [caption] } });
  assert.ok(article.layers.structure.some((s) => s.label === 'caption' && s.source?.stage === 'ingest'));
  assert.ok(article.layers.structure.some((s) => s.label === 'title'));
});

test('a front-matter header is read into metadata and marked, and the body starts after it', () => {
  const text = 'Outlet: Example Wire\nPublished: 2026-03-02\nTitle: Port reopens after strike\n---\nThe port reopened on Monday.\n\nShips queued overnight.\n';
  const { boilerplate, structure, meta } = cleanText(text);
  assert.deepEqual(meta, { outlet: 'Example Wire', published: '2026-03-02', title: 'Port reopens after strike' });
  assert.equal(boilerplate[0].label, 'front-matter');
  assert.equal(text.slice(boilerplate[0].start, boilerplate[0].end).endsWith('---'), true);
  assert.ok(!structure.some((s) => s.label === 'title'), 'the first body line is not taken for a title');
  assert.equal(cleanText('Note: this is not a header\nJust a line.\n').boilerplate.length, 0);
});
