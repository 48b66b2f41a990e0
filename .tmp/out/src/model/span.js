/** Orders spans by start, then by end (longer first for equal starts is not assumed). */
export function compareSpans(a, b) {
    return a.start - b.start || a.end - b.end;
}
/** Returns a new, sorted copy of the spans. */
export function sortSpans(spans) {
    return [...spans].sort(compareSpans);
}
/** The text a span covers. */
export function spanText(text, span) {
    return text.slice(span.start, span.end);
}
/** True when the two half-open ranges share at least one code unit. */
export function overlaps(a, b) {
    return a.start < b.end && b.start < a.end;
}
/** True when `inner` lies within `outer`. */
export function contains(outer, inner) {
    return outer.start <= inner.start && inner.end <= outer.end;
}
