import { errorMessage, type Article } from '../../model/index.js';
import { DEFAULT_STAGES } from '../../pipeline.js';
import type { SourceDocument } from '../../ingest/types.js';
import type { CorpusStore } from '../store.js';
import type { Analyzer } from './pool.js';
import type { ItemProblem } from './ingest.js';

/** Articles re-analysed concurrently (keeps every worker busy). */
const IN_FLIGHT = 16;

/**
 * The source document an article was analysed from: its text and metadata, the reader's notices
 * (those not written by a stage) and the reader's layers (those no stage of the pipeline assigns).
 */
export function sourceOf(article: Article): SourceDocument {
  const assigned = new Set(DEFAULT_STAGES.flatMap((s) => s.assigns));
  const layers = Object.fromEntries(Object.entries(article.layers).filter(([name]) => !assigned.has(name)));
  return {
    text: article.text,
    meta: article.meta,
    notices: article.notices.filter((n) => !n.stage && n.code !== 'stage-failed'),
    ...(Object.keys(layers).length ? { layers } : {}),
  };
}

/**
 * Re-runs the analyzer's pipeline on every stored article whose recorded stage versions differ
 * from it, replacing the analysis in place (same id, same story). Safe to interrupt and re-run:
 * each article is replaced in its own transaction and stops being stale once done.
 */
export async function reanalyze(store: CorpusStore, analyzer: Analyzer, onProblem?: (p: ItemProblem) => void): Promise<{ stale: number; updated: number }> {
  const ids = await store.staleArticles(analyzer.version);
  let updated = 0;
  let next = 0;
  const work = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const old = await store.getArticle(id);
      if (!old) continue;
      try {
        const fresh = await analyzer.analyze(sourceOf(old));
        await store.replaceArticle(id, fresh);
        updated++;
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('db-') || (err as { code?: string }).code === 'disk-full') throw err;
        onProblem?.({ origin: id, code: 'reanalyze-failed', message: errorMessage(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, work));
  return { stale: ids.length, updated };
}
