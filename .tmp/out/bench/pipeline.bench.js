import { Pipeline } from '../src/pipeline.js';
import { benchArticles } from './corpus.js';
import { withPeakRss } from './table.js';
/** Whole-pipeline throughput on one core: articles/s and tokens/s. */
export async function benchPipeline() {
    const { texts, source } = benchArticles();
    const pipeline = await Pipeline.build();
    pipeline.run(texts[0]); // warm up
    const { result, peakRssMb } = await withPeakRss(() => {
        const t0 = performance.now();
        let tokens = 0;
        for (const text of texts)
            tokens += pipeline.run(text).layers.tokens?.length ?? 0;
        return { seconds: (performance.now() - t0) / 1000, tokens };
    });
    return [{ name: `pipeline (${pipeline.stages.map((s) => s.name).join('+')})`, items: texts.length, unit: 'articles', seconds: result.seconds, tokens: result.tokens, peakRssMb, note: source }];
}
