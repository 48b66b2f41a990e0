/** A readable report of an article for a person: metadata, what was marked, every layer. */
export function renderMarkdown(article) {
    const m = article.meta;
    const out = [`# ${m.title ?? '(untitled)'}`, ''];
    for (const [key, label] of [['section', 'Section'], ['outlet', 'Outlet'], ['published', 'Published'], ['author', 'Author'], ['origin', 'Source']]) {
        if (m[key])
            out.push(`- **${label}:** ${String(m[key])}`);
    }
    const layers = article.layers;
    out.push(`- **Sentences:** ${layers.sentences?.length ?? 0}, **tokens:** ${layers.tokens?.length ?? 0}`);
    const removed = layers.boilerplate ?? [];
    if (removed.length) {
        out.push('', '## Marked as boilerplate', '');
        for (const s of removed)
            out.push(`- _${s.label}_: ${article.text.slice(s.start, s.end)}`);
    }
    for (const notice of article.notices)
        out.push(`> ${notice.message}`);
    return out.join('\n');
}
