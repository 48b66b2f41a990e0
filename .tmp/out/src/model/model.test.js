import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offsetMap, createArticle, sortSpans, overlaps } from './index.js';
import { assertLayerConforms } from './conformance.js';
test('code point offsets round-trip through UTF-16 on emoji and combining marks', () => {
    const text = 'a😀b e\u0301 👩‍👩‍👧 z𝔘';
    const map = offsetMap(text);
    const codePoints = [...text];
    for (let cp = 0; cp <= codePoints.length; cp++) {
        const u16 = map.toUtf16(cp);
        assert.equal(text.slice(0, u16), codePoints.slice(0, cp).join(''));
        assert.equal(map.toCodePoint(u16), cp);
    }
});
test('offset map is the identity on BMP-only text', () => {
    const map = offsetMap('plain é text');
    assert.equal(map.toUtf16(5), 5);
    assert.equal(map.toCodePoint(7), 7);
});
test('conformance check rejects spans outside the text and unsorted spans', () => {
    const article = createArticle('hello world');
    assert.throws(() => assertLayerConforms(article, 'x', [{ start: 0, end: 99, label: 'a' }]));
    assert.throws(() => assertLayerConforms(article, 'x', [{ start: 6, end: 11, label: 'a' }, { start: 0, end: 5, label: 'a' }]));
    assertLayerConforms(article, 'x', sortSpans([{ start: 6, end: 11, label: 'a' }, { start: 0, end: 5, label: 'a' }]));
    assert.ok(overlaps({ start: 0, end: 5 }, { start: 4, end: 6 }));
    assert.ok(!overlaps({ start: 0, end: 5 }, { start: 5, end: 6 }));
});
