/** Structure labels that are not body text. */
const NON_BODY_STRUCTURE = new Set(['title', 'section', 'caption', 'byline', 'dateline', 'credit']);
/**
 * The ranges of the article that are body text: everything outside boilerplate spans and
 * outside non-body structure (title, section line, captions, bylines). Sorted, disjoint.
 */
export function bodyRanges(article) {
    const excluded = [
        ...(article.layers.boilerplate ?? []),
        ...(article.layers.structure ?? []).filter((s) => NON_BODY_STRUCTURE.has(s.label)),
    ].sort((a, b) => a.start - b.start);
    const ranges = [];
    let cursor = 0;
    for (const span of excluded) {
        if (span.start > cursor)
            ranges.push({ start: cursor, end: span.start, label: 'body' });
        cursor = Math.max(cursor, span.end);
    }
    if (cursor < article.text.length)
        ranges.push({ start: cursor, end: article.text.length, label: 'body' });
    return ranges.filter((r) => article.text.slice(r.start, r.end).trim().length > 0);
}
/** True when the span lies wholly in body text. */
export function inBody(article, span, ranges = bodyRanges(article)) {
    return ranges.some((r) => r.start <= span.start && span.end <= r.end);
}
