import * as P from './patterns.js';
/** Non-blank lines with their trimmed offsets. */
function lines(text) {
    const out = [];
    let start = 0;
    for (const raw of text.split('\n')) {
        const lead = raw.length - raw.trimStart().length;
        const trimmed = raw.trim();
        if (trimmed)
            out.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
        start += raw.length + 1;
    }
    return out;
}
const BOILERPLATE_RULES = [
    ['share', P.SHARE_LINE],
    ['mirror-notice', P.MIRROR_NOTICE],
    ['app-promo', P.APP_PROMO],
    ['newsletter', P.NEWSLETTER],
    ['related', P.RELATED_HEADER],
    ['copyright', P.COPYRIGHT],
];
/**
 * Finds the section line, the title and site boilerplate in crawled plain text. Only whole
 * lines are marked, and nothing is deleted.
 */
export function cleanText(text, meta = {}) {
    const boilerplate = [];
    const structure = [];
    const found = {};
    const all = lines(text);
    let i = 0;
    if (all[i] && P.BREADCRUMB.test(all[i].text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' '))) {
        structure.push({ ...span(all[i], 'section', 'breadcrumb') });
        found.section = all[i].text.replace(/[\s\u00a0]+/g, ' ');
        i++;
    }
    if (all[i] && !meta.title) {
        structure.push(span(all[i], 'title', 'first-line'));
        found.title = all[i].text;
    }
    let afterNotice = false;
    for (const line of all.slice(i + 1)) {
        const rule = BOILERPLATE_RULES.find(([, re]) => re.test(line.text));
        if (rule) {
            boilerplate.push({ ...span(line, rule[0], rule[0]), attrs: { kind: rule[0] } });
            afterNotice = rule[0] === 'mirror-notice';
        }
        else if (afterNotice && P.BARE_ADDRESS.test(line.text)) {
            boilerplate.push({ ...span(line, 'mirror-address', 'bare-address'), attrs: { kind: 'mirror-address' } });
        }
        else
            afterNotice = false;
    }
    return { boilerplate, structure, meta: found };
}
function span(line, label, rule) {
    return { start: line.start, end: line.end, label, source: { stage: 'clean', rule } };
}
