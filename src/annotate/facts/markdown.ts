import type { Article } from '../../model/index.js';
import type { Timeline } from './timeline.js';

/** Statement types in the order the report lists them. */
const STATEMENT_ORDER = ['factual', 'attributed-claim', 'opinion', 'question'];

/**
 * Markdown lines for the facts stage: the timeline, the figures with their sources, and the
 * count of statement types. Empty when the stage did not run.
 */
export function renderFactsMarkdown(article: Article): string[] {
  const out: string[] = [];
  const text = article.text;
  const timeline = article.findings.timeline as Timeline | undefined;
  if (timeline?.entries.length) {
    out.push('', '## Timeline', '', `_Now: ${timeline.now.date || 'unknown (relative dates left unresolved)'}${timeline.now.from ? ` (from ${timeline.now.from})` : ''}_`, '');
    timeline.entries.forEach((e, i) => {
      if (i === timeline.nowIndex) out.push('- **— now —**');
      const actors = e.actors.length ? ` [${e.actors.map((a) => a.name).join(', ')}]` : '';
      out.push(`- **${e.value || e.text}** (${e.text}): ${e.label}${actors}`);
    });
    if (timeline.nowIndex >= timeline.entries.length) out.push('- **— now —**');
  }
  const figures = article.layers.figures ?? [];
  if (figures.length) {
    out.push('', '## Figures', '');
    for (const f of figures) {
      const a = f.attrs ?? {};
      const what = a.counted || a.unit ? ` ${String(a.counted || a.unit)}` : '';
      out.push(`- ${text.slice(f.start, f.end)}${what} — source: ${String(a.source ?? 'reporter')}${a.cue ? ` (${String(a.cue)})` : ''}`);
    }
  }
  const statements = article.layers.statements ?? [];
  if (statements.length) {
    const counts = STATEMENT_ORDER.map((t) => `${t}: ${statements.filter((s) => s.label === t).length}`);
    out.push('', '## Statements', '', counts.join(', '));
  }
  return out;
}
