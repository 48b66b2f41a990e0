// Tests for the body rules of the extractor (teaser cards, dialogs, article widening, furniture
// lines, linked list items), on small pages written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from './index.js';
import { PARAS, prose, wrap } from './test-pages.js';

test('body: a list of dated teaser cards beside the article is dropped; a page that is such a list keeps it', () => {
  const card = (i: number, excerpt: string) => `<article class="news-item row-box item-${i} category-${i % 2 ? 'harbour' : 'fleet'}"><h3><a href="/news/${i}">Harbour news item number ${i} from the quay</a></h3><div class="meta"><span>March ${10 + i}, 2025</span></div><div class="text"><p>${excerpt}</p></div></article>`;
  const excerpt = 'The harbour board met again this week to discuss the winter schedule and the state of the northern pier.';
  const cards = [1, 2, 3, 4].map((i) => card(i, excerpt)).join('');
  const html = wrap('<title>Ferries</title>', `<div class="layout"><div class="main">${prose()}</div><div class="latest"><h2>Latest News</h2><div class="posts">${cards}</div></div></div>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes(PARAS[0]) && body.includes(PARAS[3]), body);
  assert.ok(!body.includes('Harbour news item') && !body.includes('harbour board met'), body);
  // Undated cards (a listicle's linked items) stay.
  const undated = cards.replace(/<div class="meta">.*?<\/div>/g, '');
  const kept = extractHtml(wrap('<title>Ferries</title>', `<article>${prose()}<div class="posts">${undated}</div></article>`)).body;
  assert.ok(kept.includes('harbour board met'), kept);
  // An events page: the dated cards are the content.
  const many = [1, 2, 3, 4, 5, 6].map((i) => card(i, `${excerpt} Item ${i} adds its own agenda for the ferry crossing.`)).join('');
  const list = extractHtml(wrap('<title>Events</title>', `<main><p>Upcoming harbour events.</p><div class="posts">${many}</div></main>`)).body;
  assert.ok(list.includes('Harbour news item number 6'), list);
});

test('body: a dialog (cookie settings) is furniture even when it holds most of the page text', () => {
  const cookie = Array.from({ length: 12 }, (_, i) => `<tr><td>cookie-setting-${i}</td><td>11 months</td><td>This cookie is set by the consent plugin to remember the choice of the visitor for category ${i}.</td></tr>`).join('');
  const html = wrap('<title>Ferries</title>', `<article>${prose()}</article><div class="cli-modal" role="dialog" aria-labelledby="x" aria-hidden="true"><h4>Privacy Overview</h4><table>${cookie}</table></div>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes(PARAS[0]), body);
  assert.ok(!body.includes('Privacy Overview') && !body.includes('consent plugin'), body);
});

test('body: an article whose lists of linked items outweigh each section is taken whole', () => {
  const links = (n: number, what: string) => `<ul>${Array.from({ length: n }, (_, i) => `<li><p><a href="/r/${what}/${i}">${what} change number ${i} for the harbour timetable</a></p></li>`).join('')}</ul>`;
  const section = (h: string, p: string, list: string) => `<div class="sect"><h2>${h}</h2><div class="sectionbody"><div class="paragraph"><p>${p}</p></div>${list}</div></div>`;
  const two = (i: number) => `${PARAS[i]}</p><p>${PARAS[(i + 1) % 4]}`;
  const html = wrap('<title>Ferries</title>', `<nav><a href="/">Home</a></nav><main><article id="post"><h1>Timetable report</h1><div class="content">${section('Boats', two(0), links(12, 'Boat'))}${section('Routes', two(2), links(12, 'Route'))}${section('Fares', two(1), links(12, 'Fare'))}${section('Piers', two(3), links(12, 'Pier'))}</div></article></main>`);
  const { body, stage } = extractHtml(html);
  assert.equal(stage, 'score');
  for (const p of PARAS) assert.ok(body.includes(p), body.slice(0, 300));
});

test('body: review buttons and stock-agency image credits are dropped; prose naming them stays', () => {
  const fact = 'Getty Images bought the harbour archive of old ferry photographs last spring, the museum said.';
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<p>Getty Images / Ann Lee</p><p><a href="/r">Read Full Review</a></p><p>Courtesy of brand</p><p>${fact}</p>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Ann Lee') && !body.includes('Read Full Review') && !body.includes('Courtesy of brand'), body);
  assert.ok(body.includes(fact) && body.includes(PARAS[3]));
});

test('body: byline lines left in the article are dropped; prose starting with "By" stays', () => {
  const prose1 = 'By the end of the season the old ferries had carried more passengers than in any year before.';
  const html = wrap('<title>Ferries</title>', `<article><p>By Ann Lee – Updated May 2, 2025 | Fact-checked by Ben Ode</p><p>Written by Ann Lee</p>${prose(PARAS.slice(0, 2))}<p>${prose1}</p>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Ann Lee'), body);
  assert.ok(body.includes(prose1) && body.includes(PARAS[0]));
});

test('body: a long run of linked list items inside the article stays; a run of short links does not', () => {
  const items = Array.from({ length: 8 }, (_, i) => `<li><a href="/p/${i}">Harbour timetable change number ${i} for the northern route</a></li>`).join('');
  const menu = Array.from({ length: 8 }, (_, i) => `<li><a href="/t/${i}">Tag ${i}</a></li>`).join('');
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<ul>${items}</ul><p>${PARAS[2]}</p><ul>${menu}</ul>${prose(PARAS.slice(3))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes('change number 0') && body.includes('change number 7'), body);
  assert.ok(!body.includes('Tag 3'), body);
});

test('body: ordered list items start with the number the browser shows; bullets and written numbers do not', () => {
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<ol><li>Buy a ticket at the harbour office</li><li><strong>Board</strong> the ferry at the northern pier</li></ol><ol start="4"><li>Leave the boat at Skarvik</li></ol><ol><li>1. Already numbered step of the trip</li></ol><ul><li>A bulleted note about the timetable</li></ul><ol style="list-style: none"><li>An unnumbered step</li></ol>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes('1. Buy a ticket') && body.includes('2. Board the ferry'), body);
  assert.ok(body.includes('4. Leave the boat'), body);
  assert.ok(body.includes('1. Already numbered') && !body.includes('1. 1.'), body);
  assert.ok(body.includes('A bulleted note') && !/\d\. A bulleted/.test(body), body);
  assert.ok(!/\d\. An unnumbered/.test(body), body);
});

test('body: a short tail without prose after the closing rule is dropped; a ruled-off closing paragraph stays', () => {
  const closing = 'In the end the harbour board agreed to keep the old timetable for one more winter, the chairman said.';
  const html = wrap('<title>Ferries</title>', `<article>${prose()}<hr><h3>Featured Posts</h3><p>Pin for later</p></article>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes(PARAS[3]), body);
  assert.ok(!body.includes('Featured Posts') && !body.includes('Pin for later'), body);
  const kept = extractHtml(wrap('<title>Ferries</title>', `<article>${prose()}<hr><p>${closing}</p></article>`)).body;
  assert.ok(kept.includes(closing), kept);
});

test('body: intro paragraphs wrapped apart just before the article text join it; a byline header and breadcrumbs do not', () => {
  const intro = 'Before the summer timetable starts, the harbour office explains which boats will sail and which will rest.';
  const byline = 'Posted by Harbourmaster on Friday with a long note about the weather and the tides of the sound.';
  const crumbs = '<ul class="trail"><li>Home and all the harbour news pages of the Lornhaven ferry company website</li></ul>';
  const html = wrap('<title>Ferries</title>', `<nav><a href="/">Home</a></nav><div class="page"><div class="wrap">${crumbs}<header><div>${byline}</div></header><div class="top"><div>${intro}</div></div><div class="main"><div class="text">${prose()}${prose(PARAS.map((p) => `Again: ${p}`))}</div></div></div></div>`);
  const { body } = extractHtml(html);
  assert.ok(body.startsWith(intro), body.slice(0, 200));
  assert.ok(!body.includes('Posted by') && !body.includes('Home and all'), body.slice(0, 300));
  assert.ok(body.includes(PARAS[3]), body);
});

test('body: FAQ questions written as disclosure buttons are kept; short control buttons are not', () => {
  const q = 'How early should I book the ferry in summer?';
  const a = 'Book at least a week ahead in July and August, when the northern route is full most mornings.';
  const html = wrap('<title>Ferries</title>', `<article>${prose()}<h2>FAQ</h2><div class="faq"><h3><button aria-expanded="false" aria-controls="a1">${q}</button></h3><div id="a1"><p>${a}</p></div></div><p><button aria-expanded="false">Show more</button><button>Share this page with a friend now</button></p></article>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes(q) && body.includes(a), body);
  assert.ok(!body.includes('Show more') && !body.includes('Share this page'), body);
});

test('body: an "About the author" section at the end is dropped; the label early in the text is not a cut', () => {
  const bio = 'Ann Lee has covered shipping on the northern coast for ten years and writes about ferries and harbours.';
  const html = wrap('<title>Ferries</title>', `<article>${prose()}<h3>About the Author:</h3><p>${bio}</p></article>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes(PARAS[3]), body);
  assert.ok(!body.includes('About the Author') && !body.includes(bio), body);
  // Far from the end (more than four blocks before it), the label is left alone.
  const early = extractHtml(wrap('<title>Ferries</title>', `<article><p>${PARAS[0]}</p><h3>About the author</h3>${prose()}</article>`)).body;
  assert.ok(early.includes(PARAS[3]) && early.includes(PARAS[1]), early);
});

test('body: an author box at the end (name alone, "Follow …", "By …") is dropped with the bio under it', () => {
  const bio = 'Ann has reported on the ferries of the northern coast since the harbour office opened its new terminal.';
  const meta = '<title>Ferries</title><meta name="author" content="Ann Lee">';
  const box = (line: string) => extractHtml(wrap(meta, `<article>${prose()}<div class="box"><p>${line}</p><p>${bio}</p></div></article>`)).body;
  for (const line of ['Ann Lee', 'Ann', 'Follow Ann', 'Latest posts by Ann Lee (see all)']) {
    const body = box(line);
    assert.ok(body.includes(PARAS[3]), body);
    assert.ok(!body.includes(bio) && !body.includes(line), `${line}: ${body}`);
  }
  // A site named as the author, in a lower-case byline (capitalised ones go by BYLINE_LINE alone).
  const site = extractHtml(wrap('<title>Ferries</title><meta name="author" content="harbourdesk">', `<article>${prose()}<p>By harbourdesk</p><p>${bio}</p></article>`)).body;
  assert.ok(site.includes(PARAS[3]) && !site.includes(bio) && !site.includes('By harbourdesk'), site);
  // A closing sentence naming the author later than its start is prose and stays; so does a name
  // line far from the end.
  const said = 'The new boat would sail in June, Ann Lee said.';
  const kept = extractHtml(wrap(meta, `<article><p>${PARAS[0]}</p><p>Ann</p>${prose()}<p>${said}</p></article>`)).body;
  assert.ok(kept.includes(said) && kept.includes(PARAS[2]), kept);
});

test('body: numbered placeholder labels ("Lorem ipsum 2", "Head Line 2") are dropped; prose citing the phrase stays', () => {
  const cite = 'Text called lorem ipsum has filled empty page templates since the days of hot-metal type, the museum notes.';
  const tabs = [1, 2, 3].map((i) => `<li><h4>Lorem ipsum ${i}</h4><h5>Head Line ${i}</h5></li>`).join('');
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<ul class="tabs">${tabs}</ul><p>${cite}</p>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!/Lorem ipsum \d|Head Line \d/.test(body), body);
  assert.ok(body.includes(cite) && body.includes(PARAS[3]), body);
});

test('body: inline elements laid out apart get a space between a lower-case letter and a capital; footnote markers and drop caps stay attached', () => {
  const row = (artist: string, album: string) => `<li><span class="artist">${artist}</span><span class="album">${album}</span></li>`;
  const list = `<ul>${row('The Pier Quartet', 'Northern Sound')}${row('Anna Velde', 'Winter Currents')}</ul>`;
  const html = wrap('<title>Ferries</title>', `<article>${prose()}${list}<p><span class="dropcap">W</span>hen the boats left, the pier was quiet<sup>a</sup>Again the harbour slept.</p></article>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes('The Pier Quartet Northern Sound') && body.includes('Anna Velde Winter Currents'), body);
  assert.ok(body.includes('When the boats left') && body.includes('quietaAgain'), body);
  // Inside one text node nothing changes ("iPhone", "McDonald" written so by the page).
  const one = extractHtml(wrap('<title>Ferries</title>', `<article>${prose()}<p>The McDonald family sailed on the older boat to Skarvik.</p></article>`)).body;
  assert.ok(one.includes('The McDonald family'), one);
});
