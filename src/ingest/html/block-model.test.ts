// Tests for the block-classifier features (block-model.ts) and for the strict candidate blocks
// extractBody hands to them, on a small page written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from './dom.js';
import { extractBody } from './content.js';
import { blockFeatures, rulePlaces } from './block-model.js';
import { PARAS, prose, wrap } from './test-pages.js';

const page = () => {
  const menu = '<div class="top-links"><a href="/">Home</a> <a href="/news">News</a> <a href="/boats">Boats</a></div>';
  const related = '<div class="more-links"><p><a href="/a">Older ferries of the northern route and their crews</a></p></div>';
  const html = wrap('<title>Ferries</title>', `${menu}<div class="story-text">${prose()}</div>${related}`);
  const root = parsePage(html).root;
  return extractBody(root, 'Ferries');
};

test('block model: candidates hold the body blocks, and places follow the rule body', () => {
  const res = page();
  assert.equal(res.stage, 'score');
  const cands = res.candidates!.filter((b) => !b.caption);
  for (const b of res.blocks) assert.ok(cands.includes(b), `body block missing from candidates: ${b.text}`);
  const place = rulePlaces(cands, new Set(res.blocks));
  const at = (text: string) => place[cands.findIndex((b) => b.text.includes(text))];
  assert.equal(at('Home'), 'before');
  assert.equal(at(PARAS[0]), 'kept');
  assert.equal(at(PARAS[3]), 'kept');
  assert.equal(at('Older ferries'), 'after');
});

test('block model: features describe shape, names, place and neighbours', () => {
  const res = page();
  const cands = res.candidates!.filter((b) => !b.caption);
  const place = rulePlaces(cands, new Set(res.blocks));
  const feats = blockFeatures(cands, place, res.stage);
  assert.equal(feats.length, cands.length);
  const of = (text: string) => feats[cands.findIndex((b) => b.text.includes(text))];
  const menu = of('Home');
  const para = of(PARAS[1]);
  // The menu is nearly all links (the spaces between them are not); the paragraph has none and ends a sentence.
  assert.ok(menu.includes('ld=6') || menu.includes('ld=7'), menu.join(' '));
  assert.ok(para.includes('ld=0') && para.includes('end=true'), para.join(' '));
  // Class-name parts of the block's ancestors, split at hyphens.
  assert.ok(para.includes('c1=story') && para.includes('c1=text'), para.join(' '));
  assert.ok(menu.includes('c0=top') && menu.includes('c0=links'), menu.join(' '));
  assert.ok(para.includes('place=kept') && para.includes('prev.place=kept') && para.includes('next.place=kept'), para.join(' '));
  assert.ok(menu.includes('place=before') && menu.includes('prev=none'), menu.join(' '));
  // Feature lists are the same on a second run (deterministic input to the hashed model).
  assert.deepEqual(blockFeatures(cands, place, res.stage), feats);
});
