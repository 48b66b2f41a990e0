import assert from 'node:assert/strict';
const ATTR_SCALARS = new Set(['string', 'number', 'boolean']);
function assertAttrValue(value, where) {
    if (value === null || ATTR_SCALARS.has(typeof value))
        return;
    assert.ok(Array.isArray(value), `${where}: attribute must be a scalar or a flat list`);
    for (const item of value)
        assert.ok(ATTR_SCALARS.has(typeof item), `${where}: list items must be scalars`);
}
/**
 * The shared conformance check every stage's tests run on its layers: spans lie inside the
 * text, are well-formed and sorted, carry a label and provenance, and attributes are typed.
 */
export function assertLayerConforms(article, layerName, spans = article.layers[layerName] ?? []) {
    let previous;
    spans.forEach((span, i) => {
        const where = `${layerName}[${i}]`;
        assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where}: offsets must be integers`);
        assert.ok(span.start >= 0 && span.end <= article.text.length, `${where}: [${span.start}, ${span.end}) outside text`);
        assert.ok(span.start <= span.end, `${where}: start after end`);
        assert.equal(typeof span.label, 'string', `${where}: label must be a string`);
        assert.ok(span.label.length > 0, `${where}: empty label`);
        if (span.score !== undefined)
            assert.ok(span.score >= 0 && span.score <= 1, `${where}: score outside [0, 1]`);
        if (span.attrs)
            for (const [k, v] of Object.entries(span.attrs))
                assertAttrValue(v, `${where}.${k}`);
        if (previous) {
            assert.ok(previous.start < span.start || (previous.start === span.start && previous.end <= span.end), `${where}: spans not sorted`);
        }
        previous = span;
    });
}
/** Runs the conformance check on every layer of the article. */
export function assertArticleConforms(article) {
    assert.equal(typeof article.text, 'string');
    for (const name of Object.keys(article.layers))
        assertLayerConforms(article, name);
}
