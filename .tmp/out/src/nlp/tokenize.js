import { wink } from './wink.js';
const PARAGRAPH_BREAK = /\n[ \t\u00a0]*\n/g;
const SOURCE = { stage: 'nlp', model: 'wink-eng-lite-web-model' };
/** Paragraphs: runs of text separated by blank lines, trimmed of surrounding white space. */
export function paragraphSpans(text) {
    const spans = [];
    let start = 0;
    const push = (from, to) => {
        while (from < to && /\s/.test(text[from]))
            from++;
        while (to > from && /\s/.test(text[to - 1]))
            to--;
        if (to > from)
            spans.push({ start: from, end: to, label: 'paragraph', source: { stage: 'nlp', rule: 'blank-line' } });
    };
    for (const m of text.matchAll(PARAGRAPH_BREAK)) {
        push(start, m.index);
        start = m.index + m[0].length;
    }
    push(start, text.length);
    return spans;
}
/**
 * Runs wink-nlp over each paragraph and aligns its tokens back onto the text (wink keeps token
 * values verbatim, so a forward search finds each one). Sentences never cross a paragraph.
 */
export function tokenize(text) {
    const nlp = wink();
    const its = nlp.its;
    const tokens = [];
    const sentences = [];
    const paragraphs = paragraphSpans(text);
    for (const para of paragraphs) {
        const doc = nlp.readDoc(text.slice(para.start, para.end));
        const values = doc.tokens().out(its.value);
        const pos = doc.tokens().out(its.pos);
        const starts = new Int32Array(values.length).fill(-1);
        const ends = new Int32Array(values.length).fill(-1);
        let cursor = para.start;
        for (let i = 0; i < values.length; i++) {
            if (pos[i] === 'SPACE')
                continue;
            const at = text.indexOf(values[i], cursor);
            if (at < 0 || at >= para.end)
                continue;
            starts[i] = at;
            ends[i] = cursor = at + values[i].length;
            tokens.push({ start: at, end: ends[i], label: pos[i] });
        }
        const bounds = doc.sentences().out(its.span);
        for (const [first, last] of bounds) {
            let a = first;
            let b = last;
            while (a <= b && starts[a] < 0)
                a++;
            while (b >= a && ends[b] < 0)
                b--;
            if (a <= b)
                sentences.push({ start: starts[a], end: ends[b], label: 'sentence', source: SOURCE });
        }
    }
    return { tokens, sentences, paragraphs };
}
