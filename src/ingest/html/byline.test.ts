import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bylineName, decodeReferences } from './byline.js';
import { extractHtml } from './index.js';

test('byline: labels before the name go', () => {
  assert.equal(bylineName('By Maren Holt'), 'Maren Holt');
  assert.equal(bylineName('Written By: Maren Holt'), 'Maren Holt');
  assert.equal(bylineName('Recipe by Maren Holt'), 'Maren Holt');
  assert.equal(bylineName('Author Maren Holt'), 'Maren Holt');
  assert.equal(bylineName('Byron Vale'), 'Byron Vale', 'a name starting with "By" stays');
});

test('byline: a date, update line, reviewer, separator or reading time after the name goes', () => {
  assert.equal(bylineName('Maren Holt March 3, 2024'), 'Maren Holt');
  assert.equal(bylineName('Maren Holt - 3 March 2024'), 'Maren Holt');
  assert.equal(bylineName('By: Lorn Ferries Team on 2024-03-03 10:12'), 'Lorn Ferries Team');
  assert.equal(bylineName('Maren Holt Updated by Ivo Lind Updated May 1, 2024'), 'Maren Holt');
  assert.equal(bylineName('Maren Holt, RN . Reviewed by Ivo Lind, MD'), 'Maren Holt, RN');
  assert.equal(bylineName('Maren Holt | Harbour desk'), 'Maren Holt');
  assert.equal(bylineName('Maren Holt 6 min read'), 'Maren Holt');
  assert.equal(bylineName('Maren Holt , Harbour Correspondent'), 'Maren Holt, Harbour Correspondent', 'space before a comma closed');
});

test('byline: a date written first goes with its "by"', () => {
  assert.equal(bylineName('3 March 2024 by Maren Holt'), 'Maren Holt');
  assert.equal(bylineName('03/03/2024 by Lorn Gazette'), 'Lorn Gazette');
});

test('byline: labels, date lines and comment signatures are not names', () => {
  assert.equal(bylineName('By'), undefined);
  assert.equal(bylineName('Written by'), undefined);
  assert.equal(bylineName('Name *'), undefined);
  assert.equal(bylineName('Ivo Lind says:'), undefined);
  assert.equal(bylineName('March 3, 2024 • 6 min read'), undefined);
  assert.equal(bylineName('Updated March 3, 2024'), undefined);
});

test('byline: character references in script text are decoded', () => {
  assert.equal(decodeReferences('Holt &amp; Lind'), 'Holt & Lind');
  assert.equal(decodeReferences('Lorn&#8217;s &#x201C;desk&#x201D;'), 'Lorn’s “desk”');
  assert.equal(decodeReferences('&unknown; &#0;'), '&unknown; &#0;', 'unknown and invalid references stay');
});

test('authors: JSON-LD names are decoded, twitter:creator handles are not bylines, byline elements are cleaned', () => {
  const wrap = (head: string, body: string) => `<html><head><title>Ferries</title>${head}</head><body><article>${body}<p>The harbour office published the new ferry timetable this week after months of delays.</p></article></body></html>`;
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferries","author":{"name":"Holt &amp; Lind"}}</script>';
  assert.equal(extractHtml(wrap(ld, '')).doc.meta.author, 'Holt & Lind');
  const handle = '<meta name="twitter:creator" content="@lorngazette">';
  assert.equal(extractHtml(wrap(handle, '<div class="byline">By Maren Holt March 3, 2024</div>')).doc.meta.author, 'Maren Holt');
  assert.equal(extractHtml(wrap(handle, '')).doc.meta.author, undefined);
});

test('authors: a JSON-LD author given by @id is the named object with that id; a "Written by" twitter label gives the author', () => {
  const page = (head: string) => `<html><head><title>Ferries</title>${head}</head><body><article><p>The harbour office published the new ferry timetable this week after months of delays.</p></article></body></html>`;
  const graph = '<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"Ferries","datePublished":"2024-03-03","author":{"@id":"https://lorn.example/#person-1"}},{"@type":"Person","@id":"https://lorn.example/#person-1","name":"Maren Holt"}]}</script>';
  assert.equal(extractHtml(page(graph)).doc.meta.author, 'Maren Holt');
  const labelled = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ivo Lind"><meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">';
  assert.equal(extractHtml(page(labelled)).doc.meta.author, 'Ivo Lind');
  const other = '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">';
  assert.equal(extractHtml(page(other)).doc.meta.author, undefined, 'another label: no author');
});

test('authors: the text of a link to an author page is the author when nothing else names one', () => {
  const page = (body: string) => `<html><head><title>Ferries</title></head><body><article>${body}<p>The harbour office published the new ferry timetable this week after months of delays.</p></article></body></html>`;
  assert.equal(extractHtml(page('<p><a href="/authors/maren-holt/">Maren Holt</a></p>')).doc.meta.author, 'Maren Holt');
  assert.equal(extractHtml(page('<p><a href="https://lorn.example/author/maren-holt?ref=top">Maren Holt</a></p>')).doc.meta.author, 'Maren Holt');
  assert.equal(extractHtml(page('<p><a href="/authors/">All our writers</a></p>')).doc.meta.author, undefined, 'the authors index is not an author page');
  assert.equal(extractHtml(page('<p><a href="/ferries/timetable">Timetable</a></p>')).doc.meta.author, undefined);
});

test('authors: a byline written as separate pieces gives its first piece after the label; joined names stay whole', () => {
  const page = (byline: string) => `<html><head><title>Ferries</title></head><body><article><div class="author">${byline}</div><p>The harbour office published the new ferry timetable this week after months of delays.</p></article></body></html>`;
  assert.equal(extractHtml(page('<span>By</span> <a href="#">Maren Holt</a> <span>Harbour Correspondent</span>')).doc.meta.author, 'Maren Holt');
  assert.equal(extractHtml(page('<span>Guide</span> <span>by</span> <span>Maren Holt</span> <em>Former Ferry Pilot</em>')).doc.meta.author, 'Maren Holt', 'a label over two pieces');
  assert.equal(extractHtml(page('By <a href="#">Maren Holt</a> and <a href="#">Ivo Lind</a>')).doc.meta.author, 'Maren Holt and Ivo Lind');
  assert.equal(extractHtml(page('Maren Holt, Harbour Correspondent')).doc.meta.author, 'Maren Holt, Harbour Correspondent', 'one piece: the text as written');
});

test('authors: JSON-LD author names lose surrounding quotes and a ", Site Name" suffix', () => {
  const page = (name: string) => `<html><head><title>Ferries</title><meta property="og:site_name" content="Lorn Gazette"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferries","author":{"name":${JSON.stringify(name)}}}</script></head><body><article><p>The harbour office published the new ferry timetable this week after months of delays.</p></article></body></html>`;
  assert.equal(extractHtml(page('"Maren Holt"')).doc.meta.author, 'Maren Holt');
  assert.equal(extractHtml(page('Maren Holt and Ivo Lind, Lorn Gazette')).doc.meta.author, 'Maren Holt and Ivo Lind');
  assert.equal(extractHtml(page('Maren Holt, RN')).doc.meta.author, 'Maren Holt, RN', 'a suffix that is not the site stays');
  assert.equal(extractHtml(page(', Lorn Gazette')).doc.meta.author, undefined, 'nothing but the site: no author');
});

test('byline: a leading date line, a repeated label, a weekday or a yearless date are not part of the name', () => {
  assert.equal(bylineName('Dec 17, 2024 · Maren Holt'), 'Maren Holt');
  assert.equal(bylineName('Author Posted by Maren Holt'), 'Maren Holt');
  assert.equal(bylineName('Posted by Lorn Gazette on Tuesday, May 2, 2024'), 'Lorn Gazette');
  assert.equal(bylineName('May 28 Written By Maren Holt'), 'Maren Holt');
  assert.equal(bylineName('Maren Holt Published May 2, 2024'), 'Maren Holt');
  assert.equal(bylineName('Jun 2'), undefined);
  assert.equal(bylineName('Sat'), undefined);
  assert.equal(bylineName('March 3, 2024 • 6 min read'), undefined, 'a date line alone is still no name');
});

test('authors: a byline text element is measured without the template\'s indentation; a "●" after the name goes', () => {
  const page = (meta: string) => `<html><head><title>Ferries</title></head><body><article><h1>Ferries</h1>${meta}<p>The harbour office published the new ferry timetable this week after months of delays.</p></article></body></html>`;
  const pad = '\n' + ' '.repeat(40);
  const indented = `<div class="m-meta">${pad}by${pad}<span>Maren Holt</span>${pad}${pad}on${pad}<span>Jan 22, 2024</span>${pad}</div>`;
  assert.ok(indented.length > 200, 'more raw characters than a byline text may have');
  assert.equal(extractHtml(page(indented)).doc.meta.author, 'Maren Holt');
  const long = `<div class="m-meta">by Maren Holt ${'and the whole harbour desk '.repeat(5)}</div>`;
  assert.equal(extractHtml(page(long)).doc.meta.author, undefined, 'a long text is still no byline');
  assert.equal(bylineName('Maren Holt ●'), 'Maren Holt');
  assert.equal(bylineName('Maren Holt ● 6 min read'), 'Maren Holt');
});

test('byline: an author box link\'s "Read more about" / "More from" label goes', () => {
  assert.equal(bylineName('Read more about The Harbour Team'), 'The Harbour Team');
  assert.equal(bylineName('More from Maren Holt'), 'Maren Holt');
  assert.equal(bylineName('Moreau Lind'), 'Moreau Lind', 'a name starting with "More" stays');
});

test('authors: an avatar\'s initials in an author element are not the name; a capitalised "On" ends no name', () => {
  const page = (box: string) => `<html><head><title>Ferries</title></head><body><article><h1>Ferries</h1>${box}<p>The harbour office published the new ferry timetable this week after months of delays.</p></article></body></html>`;
  const box = '<a href="#"><span class="avatar author-avatar"><span>MH</span></span> <div class="author-meta"><span class="author-meta--name">Maren Holt</span></div></a>';
  assert.equal(extractHtml(page(box)).doc.meta.author, 'Maren Holt');
  assert.equal(bylineName('Lorn Audio On'), 'Lorn Audio On');
  assert.equal(bylineName('Posted by Maren Holt on'), 'Maren Holt', 'a lower-case "on" left by a cut date goes');
});

test('authors: a commenter ("comment-author" in a comment thread) is not the article\'s author', () => {
  const page = (meta: string) => `<html><head><title>Ferries</title></head><body><article><h1>Ferries</h1>${meta}<p>The harbour office published the new ferry timetable this week after months of delays.</p></article><div id="comments" class="comments-area"><ol class="comment-list"><li class="comment"><div class="comment-author vcard"><cite class="fn">Ivo Lind</cite> <span class="says">says:</span></div><p>Finally some news about the ferries, thank you.</p></li></ol></div></body></html>`;
  assert.equal(extractHtml(page('<div class="entry-meta"><p>by <a href="/author/maren-holt/">Maren Holt</a> · 3 March 2024</p></div>')).doc.meta.author, 'Maren Holt');
  assert.equal(extractHtml(page('')).doc.meta.author, undefined, 'no byline: still not the commenter');
  assert.equal(extractHtml(page('<div class="post-author">Maren Holt</div>')).doc.meta.author, 'Maren Holt', 'an author element outside the thread');
});

test('authors: a "Contributors:" line and a byline naming a body that starts with a digit are bylines', () => {
  const page = (meta: string) => `<html><head><title>Ferries</title></head><body><article><h1>Ferries</h1>${meta}<p>The harbour office published the new ferry timetable this week after months of delays.</p></article></body></html>`;
  assert.equal(extractHtml(page('<div class="tags"><div><strong>Contributors:</strong> Maren Holt</div></div>')).doc.meta.author, 'Maren Holt');
  assert.equal(extractHtml(page('<p class="text-with-icon">By 3rd Harbour Trust</p>')).doc.meta.author, '3rd Harbour Trust');
  assert.equal(extractHtml(page('<p class="note">By 5 March 2024 the timetable will change.</p>')).doc.meta.author, undefined, 'a date after "By" is no name');
  assert.equal(extractHtml(page('<p class="note">By 2030 the fleet will run on batteries.</p>')).doc.meta.author, undefined, 'a year after "By" is no name');
  assert.equal(bylineName('Contributor: Ivo Lind'), 'Ivo Lind');
  assert.equal(bylineName('Contributors Guild'), 'Contributors Guild', 'no colon: not a label');
});
