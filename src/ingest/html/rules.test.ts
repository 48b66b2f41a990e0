// Tests for the extractor rules tuned on wcxb-dev (one test per rule, on small pages written here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from './index.js';
import { PARAS, prose, wrap } from './test-pages.js';
import { repairDoubleEncoding } from './charset.js';
import { findTextDates, parseTextDate } from './dates.js';
import { siteNames, trimSiteParts } from './metadata.js';


test('double-encoded UTF-8 (UTF-8 read as Latin-1, stored as UTF-8 again) is repaired', () => {
  const mangled = Buffer.from('’', 'utf8').toString('latin1'); // "â\u0080\u0099"
  assert.equal(repairDoubleEncoding(`the fleet${mangled}s oldest boats`), 'the fleet’s oldest boats');
  assert.equal(repairDoubleEncoding('Ãœber and Âge stay as written'), 'Ãœber and Âge stay as written', 'no C1 mark: unchanged');
  const html = wrap('<title>Lornhaven retires its old ferries</title>', `<article>${prose([`The company${mangled}s statement was short.`, ...PARAS])}</article>`);
  const { body } = extractHtml(Buffer.from(html, 'utf8'));
  assert.ok(body.includes('The company’s statement was short.'), body.slice(0, 80));
});

test('dates: a date in the URL path beats metadata of another day', () => {
  const head = '<link rel="canonical" href="https://lorn.example/2024/05/02/ferries"><meta property="article:published_time" content="2024-05-03T01:10:00+00:00">';
  const { doc } = extractHtml(wrap(head, `<article>${prose()}</article>`));
  assert.equal(doc.meta.published, '2024-05-02');
  assert.equal((doc.meta.extraction as { sources: Record<string, string> }).sources.published, 'url');
  const same = extractHtml(wrap(head.replace('2024-05-03T01:10', '2024-05-02T09:10'), `<article>${prose()}</article>`));
  assert.equal(same.doc.meta.published, '2024-05-02T09:10:00+00:00', 'metadata of the same day keeps its time');
});

test('dates: a displayed "Published" date beats metadata; an "Updated" one only when the metadata confirms it', () => {
  const head = (modified: string) => `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferries","datePublished":"2024-06-20T10:00:00Z","dateModified":"${modified}"}</script>`;
  const published = extractHtml(wrap(head('2025-01-09T10:00:00Z'), `<article><div class="post-date">Published <time>May 2, 2024</time></div>${prose()}</article>`));
  assert.equal(published.doc.meta.published, '2024-05-02');
  const updated = `<article><div class="post-date">Updated <time>January 9, 2025</time></div>${prose()}</article>`;
  assert.equal(extractHtml(wrap(head('2025-02-01T10:00:00Z'), updated)).doc.meta.published?.slice(0, 10), '2024-06-20', 'unconfirmed: published metadata');
  assert.equal(extractHtml(wrap(head('2025-01-09T10:00:00Z'), updated)).doc.meta.published?.slice(0, 10), '2025-01-09', 'confirmed by dateModified: the date shown');
});

test('titles: a single h1 beats an h2; template labels after | or / are dropped from headings', () => {
  const single = extractHtml(wrap('<title>Old ferries retired | Lorn News</title><meta property="og:site_name" content="Lorn News">', `<h1>Lornhaven retires its two oldest ferries this spring</h1><article><h2>Old ferries retired</h2>${prose()}</article>`));
  assert.equal(single.doc.meta.title, 'Lornhaven retires its two oldest ferries this spring');
  const label = extractHtml(wrap('<meta property="og:title" content="Why the old ferries had to go">', `<article><h1>Why the old ferries had to go | Opinion</h1>${prose()}</article>`));
  assert.equal(label.doc.meta.title, 'Why the old ferries had to go');
  const subtitle = extractHtml(wrap('<meta property="og:title" content="Why the old ferries had to go">', `<article><h1>Why the old ferries had to go: a short history</h1>${prose()}</article>`));
  assert.equal(subtitle.doc.meta.title, 'Why the old ferries had to go: a short history', 'a colon subtitle in an h1 stays');
  const h2 = extractHtml(wrap('<meta property="og:title" content="Why the old ferries had to go">', `<h1>Lorn News</h1><article><h2>Why the old ferries had to go / May 2024</h2>${prose()}</article>`));
  assert.equal(h2.doc.meta.title, 'Why the old ferries had to go');
});

test('body: link lines between prose paragraphs stay; link lists before the first or after the last prose go', () => {
  const links = (n: number, tag = 'li') => Array.from({ length: n }, (_, i) => `<${tag}><a href="/f${i}">Ferry timetable change number ${i + 1}</a></${tag}>`).join('');
  const html = wrap('<title>Ferries</title>', `<article>
    <ul>${links(2)}</ul>
    ${prose()}
    <p><a href="/fares">How ferry fares are set each year</a>, explained by the harbour office</p>
    ${prose()}
    <ul class="list">${links(3)}</ul></article>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes('How ferry fares are set each year, explained'), 'inline link line kept');
  assert.ok(!body.includes('Ferry timetable change number'), 'leading and trailing link lists dropped');
  const longRun = wrap('<title>Ferries</title>', `<article>${prose()}<ul>${links(8)}</ul>${prose()}${prose()}</article>`);
  assert.ok(!extractHtml(longRun).body.includes('Ferry timetable change number'), 'a long link list mid-article is a menu');
});

test('body: furniture words anywhere in a class name (footnotes, call to action, author box) are dropped', () => {
  const html = wrap('<title>Ferries</title>', `<article class="entry-content">${prose()}
    <div class="post-cta-box"><p>Book your crossing today and save twenty percent on return tickets with our app.</p></div>
    <ol class="wp-block-footnotes"><li>Figures from the annual report of the harbour authority, page twelve.</li></ol>
    <div class="post__author"><p>Ada Brenn writes about transport and the sea for the Lorn News and has done so since 2011.</p></div>
  </article>`);
  const { body } = extractHtml(html);
  for (const p of PARAS) assert.ok(body.includes(p));
  for (const junk of ['Book your crossing', 'annual report', 'Ada Brenn']) assert.ok(!body.includes(junk), junk);
});

test('body: boilerplate lines (disclosures, update stamps, share labels) are dropped', () => {
  const html = wrap('<title>Ferries</title>', `<article>
    <p>This post contains affiliate links.</p><p>Last updated on May 3, 2024</p>${prose()}<p>Share this:</p><p>5 min read</p></article>`);
  const { body } = extractHtml(html);
  for (const junk of ['affiliate', 'Last updated', 'Share this', 'min read']) assert.ok(!body.includes(junk), junk);
  assert.ok(body.includes(PARAS[0]));
});

test('body: an article split over sibling body containers is taken whole, with the table between them', () => {
  const html = wrap('<title>Ferries</title>', `<div class="post"><div class="rich-text">${prose(PARAS.slice(0, 2))}</div>
    <div class="embed"><table><tr><th>Route</th><th>Boat</th></tr><tr><td>Northern crossing to Skarvik</td><td>Sea Lark</td></tr></table></div>
    <div class="rich-text">${prose(PARAS.slice(2))}</div></div><div class="site-links"><p>Contact the harbour office for lost property and group bookings.</p></div>`);
  const r = extractHtml(html);
  assert.equal(r.stage, 'selector');
  for (const p of PARAS) assert.ok(r.body.includes(p), p.slice(0, 30));
  assert.ok(r.body.includes('Northern crossing to Skarvik'));
  assert.ok(!r.body.includes('lost property'));
});

test('body: a heading id is an anchor slug, not a furniture class', () => {
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}
    <h2 id="toc-heading-2">Why the northern route is slow</h2>${prose(PARAS.slice(2))}
    <h2 id="share-your-story">Tell us about your crossing</h2><p>${PARAS[0].replace('Monday', 'Tuesday')}</p></article>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes('Why the northern route is slow'), 'toc-… id');
  assert.ok(body.includes('Tell us about your crossing'), 'share-… id');
  const cls = extractHtml(wrap('<title>Ferries</title>', `<article>${prose()}<h2 class="share-title">Share this story with a friend</h2>${prose()}</article>`));
  assert.ok(!cls.body.includes('Share this story with a friend'), 'a furniture class on a heading still counts');
});

test('body: a short strict body gives way to the lenient pass when class words removed the article', () => {
  // A page builder wraps each section in "widget" blocks: the strict pass keeps only the intro.
  const sections = Array.from({ length: 6 }, (_, i) => `<div class="widget widget_text"><h2>Part ${i + 1}</h2>${prose()}</div>`).join('');
  const html = wrap('<title>Ferries</title>', `<div class="page"><div class="intro"><p>${PARAS[0]}</p><p>${PARAS[1]}</p></div>${sections}</div>`);
  const r = extractHtml(html);
  assert.equal(r.stage, 'score-lenient');
  assert.ok(r.body.includes('Part 6'), r.body.slice(0, 120));
  // A long strict body stands even when the lenient pass would add more.
  const long = wrap('<title>Ferries</title>', `<article>${prose()}${prose()}</article><div class="widget"><div>${prose()}${prose()}${prose()}${prose()}${prose()}${prose()}${prose()}${prose()}${prose()}</div></div>`);
  assert.equal(extractHtml(long).stage, 'score');
});

test('body: an element named for a link list (toc, menu, tags) that holds prose stays; a real contents box goes', () => {
  const toc = `<div class="toc"><ul>${PARAS.map((_, i) => `<li><a href="#s${i}">Section ${i + 1} of the ferry story</a></li>`).join('')}</ul></div>`;
  const html = wrap('<title>Ferries</title>', `<article>${toc}${prose()}<section class="toc-section"><h2 id="s4">The new vessel</h2>
    <p>${PARAS[2].replace('June', 'July')}</p><p>${PARAS[3].replace('fifth', 'quarter')}</p><p>${PARAS[1].replace('years', 'decades')}</p></section></article>`);
  const { body } = extractHtml(html);
  assert.ok(body.includes('The new vessel') && body.includes('expected to join the fleet in July'), 'prose in a "toc-section" kept');
  assert.ok(!body.includes('Section 2 of the ferry story'), 'the contents box itself dropped');
});

test('dates: the date beside the headline beats JSON-LD, Open Graph article:published_time beats both', () => {
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Lornhaven retires its old ferries","datePublished":"2024-06-20T10:00:00Z"}</script>';
  const body = `<article><h1>Lornhaven retires its old ferries</h1><p class="byline">By Ada Brenn · March 3, 2024</p>${prose()}</article>`;
  const zone = extractHtml(wrap(ld, body));
  assert.equal(zone.doc.meta.published, '2024-03-03');
  assert.equal((zone.doc.meta.extraction as { sources: Record<string, string> }).sources.published, 'headline-zone');
  const og = extractHtml(wrap(`${ld}<meta property="article:published_time" content="2024-06-21T08:00:00+02:00">`, body));
  assert.equal(og.doc.meta.published, '2024-06-21T08:00:00+02:00');
  const far = extractHtml(wrap(ld, `<article><h1>Lornhaven retires its old ferries</h1>${prose()}${prose()}<p>Timetable from March 3, 2024.</p></article>`));
  assert.equal(far.doc.meta.published?.slice(0, 10), '2024-06-20', 'a date far below the headline is not its date line');
});

test('dates: in the headline zone a date labelled "Published" beats an earlier "Updated" one', () => {
  const body = `<article><h1>Lornhaven retires its old ferries</h1><p>Updated January 9, 2025 · Published May 2, 2024</p>${prose()}</article>`;
  assert.equal(extractHtml(wrap('<title>Ferries</title>', body)).doc.meta.published, '2024-05-02');
});

test('findTextDates lists every written date in order', () => {
  assert.deepEqual(findTextDates('Posted 4 May 2024, updated 2025-01-09 and on Jan. 10, 2025.').map((d) => d.value), ['2024-05-04', '2025-01-09', '2025-01-10']);
});

test('titles: a heading part in its own element that is the head title drops the date, label or count beside it', () => {
  const og = '<meta property="og:title" content="Why the old ferries had to go">';
  const dated = extractHtml(wrap(og, `<article><h1><a href="/p"><time datetime="2024-05-02">May 2, 2024</time> Why the old ferries had to go</a></h1>${prose()}</article>`));
  assert.equal(dated.doc.meta.title, 'Why the old ferries had to go');
  const label = extractHtml(wrap(og, `<article><h1><strong>Opinion:</strong> Why the old ferries had to go</h1>${prose()}</article>`));
  assert.equal(label.doc.meta.title, 'Why the old ferries had to go');
  const twoLines = extractHtml(wrap('<meta property="og:title" content="Old ferries">', `<article><h1><span>Why the old ferries had to go</span> <span>Old ferries</span></h1>${prose()}</article>`));
  assert.equal(twoLines.doc.meta.title, 'Why the old ferries had to go Old ferries', 'a long rest is a second headline line: the heading stays whole');
});

test('titles: a heading suffix is dropped at whichever separator ends the head title', () => {
  const h2 = extractHtml(wrap('<meta property="og:title" content="Day 15: porting the ferry timetable parser">', `<h1>Lorn Notes</h1><article><h2>Day 15: porting the ferry timetable parser / May 2024</h2>${prose()}</article>`));
  assert.equal(h2.doc.meta.title, 'Day 15: porting the ferry timetable parser');
});

test('dates: month names in French, German, Spanish, Italian, Portuguese and Dutch', () => {
  assert.equal(parseTextDate('Publié le 4 août 2025'), '2025-08-04');
  assert.equal(parseTextDate('Veröffentlicht am 4. März 2025'), '2025-03-04');
  assert.equal(parseTextDate('Publicado el 4 de septiembre de 2025'), '2025-09-04');
  assert.equal(parseTextDate('Pubblicato il 12 dicembre 2024'), '2024-12-12');
  assert.equal(parseTextDate('Gepubliceerd op 3 mei 2024'), '2024-05-03');
  assert.equal(parseTextDate('sold out 10, 2025 tickets'), undefined, 'English words are not month abbreviations');
});

test('titles: a title part naming the site by its host name or the initials of the host label is the site name', () => {
  const page = (canonical: string) => wrap(`<title>Ferry fares | Lorn Harbour Authority</title><link rel="canonical" href="${canonical}">`, `<article><h1>Ferry fares</h1>${prose()}</article>`);
  assert.equal(extractHtml(page('https://www.lha.example/fares')).doc.meta.title, 'Ferry fares', 'initials of the host label');
  assert.equal(extractHtml(page('https://lornharbourauthority.example/fares')).doc.meta.title, 'Ferry fares', 'the host label');
  assert.equal(extractHtml(page('https://news.example/fares')).doc.meta.title, 'Lorn Harbour Authority', 'no site evidence: the longest part, and a two-word h1 sharing nothing with it is a label');
});

test('titles: an h1 marked itemprop="headline" counts even inside a furniture-named meta row', () => {
  const head = '<title>Lornhaven retires its two oldest ferries | Lorn Gazette</title>';
  const page = (itemprop: string) => wrap(head, `<article><div class="post-meta"><h1 ${itemprop}>Lornhaven retires its two oldest ferries before summer</h1><span>By A. Writer</span></div><h2>Lornhaven retires its two oldest ferries</h2>${prose()}</article>`);
  assert.equal(extractHtml(page('itemprop="name headline"')).doc.meta.title, 'Lornhaven retires its two oldest ferries before summer');
  assert.equal(extractHtml(page('class="x"')).doc.meta.title, 'Lornhaven retires its two oldest ferries', 'unmarked: the furniture row is skipped');
});

test('body: placeholder text and embed code written as text are dropped', () => {
  const html = wrap('<title>Ferries</title>', `<article>${prose()}<div class="x"><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore.</p><p>&lt;iframe src="https://player.example/embed/1" width="100%"&gt;&lt;/iframe&gt;</p><p>{{ferry-banner="/banners/ferry"}}</p><p>Loading timetable for your region…</p></div>${prose(PARAS.slice(0, 1))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!/lorem ipsum/i.test(body), 'placeholder dropped');
  assert.ok(!body.includes('<iframe'), 'embed code dropped');
  assert.ok(!body.includes('{{') && !body.includes('Loading timetable'), 'template token and loading line dropped');
  assert.ok(body.includes(PARAS[3]), 'article kept');
});

test('body: a short block starting with the author\'s full name at the end of the article is a bio', () => {
  const head = '<title>Ferries</title><meta name="author" content="Maren Holt">';
  const bio = 'Maren Holt is the transport reporter of the Lornhaven Courier and has covered the harbour since 2015.';
  const early = 'Maren Holt rode the northern route twice last winter to time the delays herself.';
  const more = 'Maren holds a master\'s degree in maritime history from the college in Skarvik.';
  const { body } = extractHtml(wrap(head, `<article><p>${early}</p>${prose()}<p>${bio}</p><p>${more}</p></article>`));
  assert.ok(!body.includes(bio), 'bio at the end dropped');
  assert.ok(!body.includes(more), 'with the lines after it');
  assert.ok(body.includes(early), 'the same name early in the article stays');
  const other = extractHtml(wrap(head.replace('Maren Holt', 'Ola Berg'), `<article>${prose()}<p>${bio}</p></article>`)).body;
  assert.ok(other.includes(bio), 'a paragraph about someone else stays');
});

test('body: a collapsed disclosure panel (accordion answer) is content; other hidden elements are not', () => {
  const answer = 'The northern route closes for two weeks each February while the harbour cranes are serviced and the pier is repainted.';
  const page = (attrs: string) => wrap('<title>Ferries</title>', `<article>${prose()}<h3><button>When does the route close?</button></h3><div ${attrs}><p>${answer}</p></div>${prose(PARAS.slice(0, 2))}</article>`);
  assert.ok(extractHtml(page('aria-hidden="true" aria-labelledby="q1"')).body.includes(answer), 'labelled by its button');
  assert.ok(extractHtml(page('hidden class="faq-collapse"')).body.includes(answer), 'named collapse');
  assert.ok(extractHtml(page('style="height:0;overflow:hidden" aria-hidden="true"')).body.includes(answer), 'zero height');
  assert.ok(!extractHtml(page('aria-hidden="true"')).body.includes(answer), 'plain hidden element dropped');
});

test('body: when the paragraphs beside the chosen container outweigh it, their parent (the article) is taken whole', () => {
  const links = (n: number) => `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="/c${i}">Harbour course ${i}</a></li>`).join('')}</ul>`;
  const para = (i: number) => `<p>${PARAS[i % 4]}</p>`;
  const section = (i: number) => `<h2>Course group ${i}</h2>${para(i)}<p>Cost: free.</p>${links(12)}`;
  const article = `<div class="wysiwyg"><div>${para(0)}${para(1)}</div>${[1, 2, 3, 4, 5, 6].map(section).join('')}</div>`;
  const { body } = extractHtml(wrap('<title>Free harbour courses</title>', `<nav>${links(3)}</nav>${article}<footer>${links(8)}</footer>`));
  assert.ok(body.includes('Cost: free.'), 'short lines between the paragraphs are kept');
  assert.ok(body.includes('Course group 6'), 'headings of the article kept');
  assert.ok(!body.includes('Harbour course 2\n'), 'long link runs still dropped');
});

test('titles: a site name written after a separator in the h1 is dropped; inner parts stay', () => {
  const head = '<meta property="og:site_name" content="Lorn Gazette"><title>Two ferries retire – Lorn Gazette</title>';
  const title = (h1: string) => extractHtml(wrap(head, `<article><h1>${h1}</h1>${prose()}</article>`)).doc.meta.title;
  assert.equal(title('Two ferries retire – Lorn Gazette'), 'Two ferries retire');
  assert.equal(title('Lorn Gazette | Two ferries retire'), 'Two ferries retire');
  assert.equal(title('Two ferries retire – a harbour story'), 'Two ferries retire – a harbour story');
  assert.equal(title('Lorn Gazette'), 'Two ferries retire', 'an h1 that is only the site name loses to the head title');
  assert.equal(trimSiteParts('Lorn Gazette', siteNames('Lorn Gazette', undefined)), 'Lorn Gazette', 'never emptied');
});

test('body: image credits written as paragraphs are dropped', () => {
  const credit = 'Crowds wait at the northern pier. | Photo by Maren Holt';
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<p>${credit}</p><p>Photo courtesy of the Lornhaven harbour office</p>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Photo by') && !body.includes('Photo courtesy'), body);
  assert.ok(body.includes(PARAS[3]));
});

test('body: labelled cross-link lines ("Related: …", "Read more: …") are dropped; prose that mentions them stays', () => {
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<p>Related: <a href="/b">Winter timetable for the northern route</a></p><p><strong>Read more:</strong> <a href="/c">How the new vessel was built</a></p><p>» Related: <a href="/d">Pier repairs begin in May</a></p><p>[See also: <a href="/e">The old ferry's last crossing</a>]</p>${prose(PARAS.slice(2))}<p>More ferries were related to the harbour plan: the council said so in March.</p></article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Winter timetable') && !body.includes('How the new vessel'), body);
  assert.ok(!body.includes('Pier repairs') && !body.includes('last crossing'), 'after a bullet or bracket');
  assert.ok(body.includes('More ferries were related'), 'prose kept');
});

test('body: sign-up calls to action are dropped; prose about subscriptions stays', () => {
  const cta = 'Want the timetable first? Sign up for our newsletter and get it every Friday.';
  const fact = 'The ferry company said a yearly subscription for commuters will cost the same as last year.';
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<p>${cta}</p><p>${fact}</p><p>Thanks for signing up!</p>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Sign up for our newsletter') && !body.includes('Thanks for signing up'), body);
  assert.ok(body.includes(fact));
});

test('body: shopping and quote buttons are dropped; a sentence naming a price stays', () => {
  const fact = 'A return ticket costs $25 at the harbour office and $22 online.';
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<p><a href="/s">$250 at Harbour Outfitters</a></p><p><a href="/a">Check Amazon Price</a></p><p><a href="/q">Get a Quote (555) 010-0000</a></p><p>${fact}</p>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Harbour Outfitters') && !body.includes('Check Amazon') && !body.includes('Get a Quote'), body);
  assert.ok(body.includes(fact));
});

test('body: headings left at the end of the body (their section was furniture) are dropped', () => {
  const html = wrap('<title>Ferries</title>', `<article><h2>Why the boats retire</h2>${prose()}<h3>More from the harbour desk</h3><ul class="related">${'<li><a href="/x">Another ferry story</a></li>'.repeat(4)}</ul></article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('More from the harbour desk'), body);
  assert.ok(body.includes('Why the boats retire'), 'a heading followed by text stays');
});

test('body: copyright notices inside the article are dropped', () => {
  const html = wrap('<title>Ferries</title>', `<article>${prose()}<p>Copyright © 2025 Lornhaven Courier Ltd. All rights reserved.</p><p>© Maren Holt, first printed in the Courier.</p></article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Copyright') && !body.includes('©'), body);
  assert.ok(body.includes(PARAS[3]));
});

test('body: elements hidden by utility classes (d-none, hidden) are dropped unless shown from some width up', () => {
  const modal = 'Thank you for your feedback, our editors will review what you submitted.';
  const page = (cls: string) => wrap('<title>Ferries</title>', `<article>${prose()}<div class="${cls}"><p>${modal}</p></div>${prose(PARAS.slice(0, 1))}</article>`);
  assert.ok(!extractHtml(page('feedback-modal d-none')).body.includes(modal), 'd-none');
  assert.ok(!extractHtml(page('tw:hidden')).body.includes(modal), 'prefixed hidden');
  assert.ok(extractHtml(page('d-none d-md-block')).body.includes(modal), 'shown on wider screens');
  assert.ok(extractHtml(page('hidden lg:flex')).body.includes(modal), 'shown on wider screens (tailwind)');
  const wrapped = wrap('<title>Ferries</title>', `<div class="root hide"><article>${prose()}</article></div>`);
  assert.ok(extractHtml(wrapped).body.includes(PARAS[0]), 'a hidden wrapper holding the page is revealed by script');
});

test('body: widget error and status messages are dropped', () => {
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<p>Sorry, we couldn't find a match for this pier. Please try again.</p><p>Please enable JavaScript to see the timetable.</p>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Sorry, we') && !body.includes('enable JavaScript'), body);
  assert.ok(body.includes(PARAS[3]));
});

test('dates: day-month-year joined by dashes, with abbreviations that are words elsewhere', () => {
  assert.equal(parseTextDate('Posted on 04-Aug-2021 5:11'), '2021-08-04');
  assert.equal(parseTextDate('Publicado el 04-ago-2021'), '2021-08-04');
  assert.equal(parseTextDate('12-dic-2020'), '2020-12-12');
  assert.equal(parseTextDate('we set out in 2021'), undefined, 'words are not months outside the dashed form');
  assert.equal(parseTextDate('ref 9-12-set-2020x'), undefined, 'not inside a longer token');
});

test('titles: a lone short h1 covering little of the head title is a label, not the headline', () => {
  const head = '<meta property="og:title" content="How the harbour office rebuilt its ferry timetable after the winter storms">';
  const title = (h1: string) => extractHtml(wrap(head, `<article><h1>${h1}</h1>${prose()}</article>`)).doc.meta.title;
  assert.equal(title('Timetable'), 'How the harbour office rebuilt its ferry timetable after the winter storms', 'one word of a long head title');
  const short = '<meta property="og:title" content="Ferry timetable notes">';
  assert.equal(extractHtml(wrap(short, `<article><h1>Ferry timetable</h1>${prose()}</article>`)).doc.meta.title, 'Ferry timetable', 'most of a short head title: the h1 stays');
});

test('titles: an upper-case h1 with nearly the words of a head title takes the head title', () => {
  const head = '<meta property="og:title" content="Best Ferry Routes 2025: Tips From Harbour Pilots">';
  const title = (h1: string) => extractHtml(wrap(head, `<article><h1>${h1}</h1>${prose()}</article>`)).doc.meta.title;
  assert.equal(title('BEST FERRY ROUTES IN 2025: TIPS FROM HARBOUR PILOTS'), 'Best Ferry Routes 2025: Tips From Harbour Pilots');
  assert.equal(title('BEST FERRY ROUTES: OUR PICKS'), 'BEST FERRY ROUTES: OUR PICKS', 'too few shared words: the h1 stays');
  assert.equal(title('Best Ferry Routes in 2025: Tips From Harbour Pilots'), 'Best Ferry Routes in 2025: Tips From Harbour Pilots', 'mixed case: the h1 stays');
});

test('titles: a sentence-case h1 takes the casing of a title-case head title with the same letters', () => {
  const title = (og: string, h1: string) => extractHtml(wrap(`<meta property="og:title" content="${og}"><meta property="og:site_name" content="Lorn Gazette">`, `<article><h1>${h1}</h1>${prose()}</article>`)).doc.meta.title;
  assert.equal(title('How to Book a Ferry Cabin in 2025 | Lorn Gazette', 'How to book a ferry cabin in 2025'), 'How to Book a Ferry Cabin in 2025');
  assert.equal(title('How to book a ferry cabin in 2025', 'How to Book a Ferry Cabin in 2025'), 'How to Book a Ferry Cabin in 2025', 'a title-case h1 keeps its casing');
  assert.equal(title('How To Book A Ferry Cabin Early', 'How to book a ferry cabin in 2025'), 'How to book a ferry cabin in 2025', 'other words: the h1 stays');
});

test('titles: the page host written as the first or last word of a title without a separator is dropped', () => {
  const page = wrap('<title>lornnotes.example Rebuilding the ferry timetable</title>', `<article>${prose()}</article>`);
  assert.equal(extractHtml(page, { url: 'https://www.lornnotes.example/2025/timetable.html' }).doc.meta.title, 'Rebuilding the ferry timetable');
  assert.equal(extractHtml(page, { url: 'https://other.example/timetable' }).doc.meta.title, 'lornnotes.example Rebuilding the ferry timetable', 'another host: kept');
});

test('body: the intro between the headline and the chosen container comes along; a standfirst or a heading in between does not', () => {
  const intro = 'Lornhaven has run ferries across the sound for ninety years, and the fleet has rarely changed.';
  const page = (between: string) => wrap('<title>Ferries</title>', `<div class="hero"><h1>Lornhaven retires its ferries</h1><div>By Ann Lee</div>${between}</div><div class="story-text">${prose()}</div>`);
  const taken = extractHtml(page(`<p>${intro}</p>`)).body;
  assert.ok(taken.startsWith(intro), taken.slice(0, 120));
  assert.ok(taken.includes(PARAS[3]));
  assert.ok(!extractHtml(page(`<p class="article-dek">${intro}</p>`)).body.includes(intro), 'a standfirst is left out');
  assert.ok(!extractHtml(page(`<h2>From the harbour desk</h2><p>${intro}</p>`)).body.includes(intro), 'a heading between: not the article start');
});

test('body: affiliate disclosures are dropped; prose about commissions stays', () => {
  const fact = 'Ticket agents earn a commission of five percent on every crossing they sell.';
  const html = wrap('<title>Ferries</title>', `<article><p>Our editors test every ferry app themselves. When you buy through links on this page, we get a small commission.</p>${prose(PARAS.slice(0, 2))}<p>We may be compensated when you click on a partner offer.</p><p>${fact}</p>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Our editors test') && !body.includes('be compensated'), body);
  assert.ok(body.includes(fact));
});

test('body: button rows (calls to action) are dropped', () => {
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}<div class="wp-block-buttons"><div class="wp-block-button"><a href="/book">Book your crossing to Skarvik today</a></div></div><p><a class="btn-primary" href="/t">Download the full summer timetable now</a></p>${prose(PARAS.slice(2))}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Book your crossing') && !body.includes('Download the full'), body);
  assert.ok(body.includes(PARAS[1]) && body.includes(PARAS[2]));
});

test('titles: an h1 inside a hero "banner" wrapper is the headline (the site header role=banner is not)', () => {
  const head = '<title>Lornhaven retires its two oldest ferries | Lorn Gazette</title><meta property="og:site_name" content="Lorn Gazette">';
  const page = (banner: string) => wrap(head, `${banner}<article>${prose()}<h2>Timetable changes</h2>${prose()}</article>`);
  const hero = extractHtml(page('<section class="banner-wrap"><div class="banner__content"><h1>Lornhaven retires its two oldest ferries before summer</h1></div></section>'));
  assert.equal(hero.doc.meta.title, 'Lornhaven retires its two oldest ferries before summer');
  assert.equal((hero.doc.meta.extraction as { sources: Record<string, string> }).sources.title, 'h1');
  const header = extractHtml(page('<div role="banner"><h1>Lornhaven retires its two oldest ferries before summer</h1></div>'));
  assert.equal(header.doc.meta.title, 'Lornhaven retires its two oldest ferries', 'an h1 in the site header is furniture: the head title wins');
});

test('titles: invisible format characters inside a heading do not split its words', () => {
  const html = wrap('<title>The ten best ferry routes of 2024 | Lorn Gazette</title>', `<article><h1>The ten B\ufeffest ferry rou\u00adtes of 2024</h1>${prose()}</article>`);
  assert.equal(extractHtml(html).doc.meta.title, 'The ten Best ferry routes of 2024');
});

test('titles: an h2 is the title only when it has the words of a head title', () => {
  const head = '<meta property="og:title" content="The Best Ferry Routes for Families [2024]">';
  const faq = extractHtml(wrap(head, `<article>${prose()}<h2>The best ferry routes for families FAQs</h2>${prose()}</article>`));
  assert.equal(faq.doc.meta.title, 'The Best Ferry Routes for Families [2024]', 'a section heading with other words: og:title');
  const same = extractHtml(wrap('<meta property="og:title" content="The Best Ferry Routes for Families | Lorn Gazette"><meta property="og:site_name" content="Lorn Gazette">', `<article><h2>The best ferry routes for families</h2>${prose()}</article>`));
  assert.equal(same.doc.meta.title, 'The best ferry routes for families', 'the same words: the h2 as displayed');
});

test('titles: a long subtitle after a pipe that the head title carries too stays; a short label goes', () => {
  const page = (h1: string, title: string) => extractHtml(wrap(`<title>${title}</title><meta property="og:site_name" content="Lorn Gazette">`, `<article><h1>${h1}</h1>${prose()}</article>`)).doc.meta.title;
  const long = 'The ten most loved ferry routes of 2024 under forty pounds | The quietest crossings of the sound';
  assert.equal(page(long, `${long} — Lorn Gazette`), long);
  assert.equal(page('Ferry routes of 2024 | Opinion', 'Ferry routes of 2024 | Opinion | Lorn Gazette'), 'Ferry routes of 2024');
});

test('titles: an h1 with "?" where the head title has other characters (lossy encoding) is the head title', () => {
  const page = (h1: string) => extractHtml(wrap('<title>Ferry Timetables Explained: A Traveller\'s Guide</title>', `<article><h1>${h1}</h1>${prose()}</article>`)).doc.meta.title;
  assert.equal(page('Ferry Timetables Explained? A Traveller?s Guide'), "Ferry Timetables Explained: A Traveller's Guide");
  assert.equal(page('Are Ferry Timetables Explained? A Traveller Asks'), 'Are Ferry Timetables Explained? A Traveller Asks', 'a real question mark stays');
});

test('authors: byline classes written in camelCase and "authors" are read; a date line before the name goes', () => {
  const page = (byline: string) => extractHtml(wrap('<title>Ferries</title>', `<article><h1>Ferries</h1>${byline}${prose()}</article>`)).doc.meta.author;
  assert.equal(page('<p class="authorName">Maren Holt</p>'), 'Maren Holt');
  assert.equal(page('<div class="hero__content-authors">By Maren Holt</div>'), 'Maren Holt');
  assert.equal(page('<div class="dateAndAuthorContainer"><span>Dec 17, 2024</span><span>Maren Holt</span></div>'), 'Maren Holt');
  assert.equal(page('<div class="publish-date-author">Dec. 19, 2024 · Maren Holt on behalf of the harbour team</div>'), 'Maren Holt');
  assert.equal(page('<div class="contentWrapper">Maren Holt</div>'), undefined, 'no author word: not a byline');
});

test('authors: a visible byline text or a "Written by" label beside the name, outside navigation', () => {
  const page = (html: string) => extractHtml(wrap('<title>Ferries</title>', html)).doc.meta.author;
  assert.equal(page(`<article><h1>Ferries</h1><p>By <a href="/people/mh">Maren Holt</a></p>${prose()}</article>`), 'Maren Holt');
  assert.equal(page(`<article><h1>Ferries</h1><p>by: Maren Holt, Dec 17, 2024</p>${prose()}</article>`), 'Maren Holt');
  assert.equal(page(`<article><h1>Ferries</h1><div><p>Written by</p><p>Maren Holt</p></div>${prose()}</article>`), 'Maren Holt');
  assert.equal(page(`<article><h1>Ferries</h1>${prose()}<span>Posted by Maren on Tuesday, May 2, 2024</span></article>`), 'Maren');
  assert.equal(page(`<nav><p>By Maren Holt</p></nav><article><h1>Ferries</h1>${prose()}</article>`), undefined, 'navigation does not count');
  assert.equal(page(`<article><h1>Ferries</h1><p>Photo by Maren Holt</p>${prose()}</article>`), undefined, 'a photo credit is not a byline');
});

test('authors: metadata naming the site or an organisation yields to a person in the printed byline', () => {
  const ld = (author: string) => `<meta property="og:site_name" content="Lorn Gazette"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferries","author":${author}}</script>`;
  const byline = '<div class="byline">By Maren Holt</div>';
  const page = (head: string, by = byline) => extractHtml(wrap(`<title>Ferries</title>${head}`, `<article><h1>Ferries</h1>${by}${prose()}</article>`)).doc.meta.author;
  assert.equal(page('<meta name="author" content="Lorn Gazette"><meta property="og:site_name" content="Lorn Gazette">'), 'Maren Holt');
  assert.equal(page(ld('{"@type":"Organization","name":"Harbour Trust"}')), 'Maren Holt');
  assert.equal(page(ld('{"@type":"Person","name":"Ivo Lind"}')), 'Ivo Lind', 'a person in metadata stays');
  assert.equal(page('<meta name="author" content="Lorn Gazette"><meta property="og:site_name" content="Lorn Gazette">', ''), 'Lorn Gazette', 'no printed person: the site stays');
  assert.equal(page('<meta name="author" content="262588213843476"><meta name="parsely-author" content="Ivo Lind">', ''), 'Ivo Lind', 'a numeric id is no name');
});

test('authors: several JSON-LD names are joined as the page prints them', () => {
  const head = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferries","author":[{"name":"Maren Holt"},{"name":"Ivo Lind"},{"name":"Ana Ruiz"}]}</script>';
  const page = (by: string) => extractHtml(wrap(`<title>Ferries</title>${head}`, `<article><h1>Ferries</h1><p>${by}</p>${prose()}</article>`)).doc.meta.author;
  assert.equal(page('By <a>Maren Holt</a>, <a>Ivo Lind</a>, and <a>Ana Ruiz</a>'), 'Maren Holt, Ivo Lind, and Ana Ruiz');
  assert.equal(page('Reporting from the harbour office'), 'Maren Holt, Ivo Lind, Ana Ruiz', 'not printed: joined with commas');
});

test('authors: the author of another article-typed JSON-LD object when the one chosen for the date has none', () => {
  const head = '<script type="application/ld+json">[{"@type":"WebPage","datePublished":"2024-05-02"},{"@type":"NewsArticle","headline":"Ferries","author":{"@type":"Person","name":"Maren Holt"}}]</script>';
  assert.equal(extractHtml(wrap(`<title>Ferries</title>${head}`, `<article><h1>Ferries</h1>${prose()}</article>`)).doc.meta.author, 'Maren Holt');
});

test('titles: the site name comes off a JSON-LD headline as it does off og:title and <title>', () => {
  const head = '<meta property="og:site_name" content="Lorn Gazette"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Lornhaven retires its two oldest ferries - Lorn Gazette"}</script>';
  const { doc } = extractHtml(wrap(head, `<article>${prose()}</article>`));
  assert.equal(doc.meta.title, 'Lornhaven retires its two oldest ferries');
  assert.equal((doc.meta.extraction as { sources: Record<string, string> }).sources.title, 'json-ld');
});

test('body: bibliography entries written as list items are dropped; numbered prose with a year stays', () => {
  const refs = '<ol><li>Lind KA, Berg TO, Vik PS. Winter currents in the northern sound. Harbour Studies. 2019;12:44-51.</li><li>Lornhaven Harbour Board (2021). Annual report on ferry safety.</li></ol>';
  const steps = '<ol><li>Buy a ticket at the quay office before the boat leaves (2024 fares apply).</li><li>Show the ticket to the crew when you board in Lornhaven.</li></ol>';
  const html = wrap('<title>Ferries</title>', `<article>${prose(PARAS.slice(0, 2))}${steps}${prose(PARAS.slice(2))}<h2>References</h2>${refs}</article>`);
  const { body } = extractHtml(html);
  assert.ok(!body.includes('Winter currents') && !body.includes('Annual report on ferry safety'), body);
  assert.ok(body.includes('Buy a ticket at the quay office') && body.includes('Show the ticket'), body);
  assert.ok(body.includes(PARAS[3]), body);
});
