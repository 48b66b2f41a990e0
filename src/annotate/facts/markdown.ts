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
      out.push(`- **${e.value || e.text}** (${e.text})${e.label ? `: ${e.label}` : ''}${actors}`);
    });
    if (timeline.nowIndex >= timeline.entries.length) out.push('- **— now —**');
  }
  const figures = article.layers.figures ?? [];
  if (figures.length) {
    out.push('', '## Figures', '');
    for (const f of figures) {
      const a = f.attrs ?? {};
      out.push(`- ${figurePhrase(text, f.start, f.end, String(a.counted || a.unit || ''))} — source: ${String(a.source ?? 'reporter')}${a.cue ? ` (${String(a.cue)})` : ''}`);
    }
  }
  const statements = article.layers.statements ?? [];
  if (statements.length) {
    const counts = STATEMENT_ORDER.map((t) => `${t}: ${statements.filter((s) => s.label === t).length}`);
    out.push('', '## Statements', '', counts.join(', '));
  }
  return out;
}

/** Words joining a figure to its counted noun as the article wrote them ("hundreds of families", "340 of the people"). */
const FIGURE_JOINER = /^(?:\s+of)?(?:\s+the)?\s+/i;

/**
 * A figure with what it counts, as it reads: the article's own words when the counted noun
 * follows the figure there ("hundreds of families", "4.2 million tonnes"); else the figure, the
 * noun after it, with "of" after a vague plural like "hundreds" ("hundreds of families").
 */
export function figurePhrase(text: string, start: number, end: number, counted: string): string {
  const figure = text.slice(start, end);
  if (!counted) return figure;
  const head = counted.split(' ')[0];
  const joiner = FIGURE_JOINER.exec(text.slice(end, end + 12));
  if (joiner && text.slice(end + joiner[0].length, end + joiner[0].length + head.length).toLowerCase() === head) {
    const written = text.slice(start, end + joiner[0].length + head.length);
    return counted === head ? written : `${written}${counted.slice(head.length)}`;
  }
  return /^\p{L}+s$/u.test(figure) ? `${figure} of ${counted}` : `${figure} ${counted}`;
}
