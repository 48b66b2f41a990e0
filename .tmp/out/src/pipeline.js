import { createArticle, errorMessage, SpinscopeError } from './model/index.js';
import { cleanStage } from './clean/index.js';
import { nlpStage } from './nlp/index.js';
/**
 * The ordered list of stages. Order is explicit: a stage runs after every stage whose output
 * it requires. Later stages (entities, quotes, techniques, facts) are appended here.
 */
export const DEFAULT_STAGES = [cleanStage, nlpStage];
/** Names every article has before any stage runs. */
const GIVEN = ['text', 'meta'];
/** Checks that each stage's requirements are assigned by an earlier stage, and names are unique. */
export function checkStages(stages) {
    const available = new Set(GIVEN);
    const names = new Set();
    for (const stage of stages) {
        if (names.has(stage.name))
            throw new SpinscopeError('pipeline', `stage "${stage.name}" appears twice`);
        names.add(stage.name);
        for (const need of stage.requires) {
            if (!available.has(need))
                throw new SpinscopeError('pipeline', `stage "${stage.name}" requires "${need}", which no earlier stage assigns`);
        }
        for (const out of stage.assigns)
            available.add(out);
    }
}
/** Folds a stage's output into a new article (the input article is not mutated). */
function applyOutput(article, stage, out) {
    return {
        ...article,
        meta: out.meta ? { ...article.meta, ...out.meta } : article.meta,
        layers: out.layers ? { ...article.layers, ...out.layers } : article.layers,
        findings: out.findings ? { ...article.findings, ...out.findings } : article.findings,
        notices: out.notices?.length ? [...article.notices, ...out.notices] : article.notices,
        analysis: { ...article.analysis, [stage.name]: stage.version },
    };
}
/** A built pipeline: stages checked and their resources loaded once. */
export class Pipeline {
    stages;
    resources;
    constructor(stages, resources) {
        this.stages = stages;
        this.resources = resources;
    }
    /** Checks the stage list and loads every stage's resources. */
    static async build(stages = DEFAULT_STAGES) {
        checkStages(stages);
        const resources = [];
        for (const stage of stages)
            resources.push(stage.load ? await stage.load() : undefined);
        return new Pipeline(stages, resources);
    }
    /** The versions of every stage, recorded on each article (for re-analysis). */
    get version() {
        return Object.fromEntries(this.stages.map((s) => [s.name, s.version]));
    }
    /**
     * Analyses one document. A stage that throws does not lose the article: the error becomes a
     * notice and the stages after it that do not depend on its output still run.
     */
    run(input) {
        const doc = typeof input === 'string' ? { text: input, meta: {}, notices: [] } : input;
        let article = createArticle(doc.text, doc.meta, doc.notices);
        if (doc.id)
            article.id = doc.id;
        if (doc.layers)
            article = { ...article, layers: { ...doc.layers } };
        const failed = new Set();
        this.stages.forEach((stage, i) => {
            if (stage.requires.some((r) => failed.has(r))) {
                stage.assigns.forEach((a) => failed.add(a));
                return;
            }
            try {
                article = applyOutput(article, stage, stage.run(article, this.resources[i]));
            }
            catch (err) {
                stage.assigns.forEach((a) => failed.add(a));
                article = { ...article, notices: [...article.notices, { code: 'stage-failed', stage: stage.name, message: `${stage.name}: ${errorMessage(err)}` }] };
            }
        });
        return article;
    }
}
let shared;
/**
 * Analyses an article with the default pipeline (built once per process).
 *
 * @example
 * const article = await analyze('“We will win,” the minister said.');
 * article.layers.sentences.length; // 1
 */
export async function analyze(input, options = {}) {
    if (options.stages) {
        const wanted = new Set(options.stages);
        return (await Pipeline.build(DEFAULT_STAGES.filter((s) => wanted.has(s.name)))).run(input);
    }
    shared ??= Pipeline.build();
    return (await shared).run(input);
}
