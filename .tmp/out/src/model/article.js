/** Creates an article with no layers. */
export function createArticle(text, meta = {}, notices = []) {
    return { text, meta: { ...meta }, layers: {}, findings: {}, notices: [...notices], analysis: {} };
}
