/** The JSON form of an article used by `--format json|jsonl` (the evaluation contract). */
export function articleToJson(article) {
    return {
        id: article.id,
        text: article.text,
        meta: article.meta,
        layers: article.layers,
        findings: article.findings,
        notices: article.notices,
        analysis: article.analysis,
    };
}
