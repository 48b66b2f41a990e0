import { renderFactsMarkdown } from '../annotate/facts/markdown.js';
import type { Article, Span } from '../model/index.js';
import { bodyRanges } from '../clean/body.js';

/** Layers too dense to list span by span: the report gives counts per label instead. */
const SUMMARISED_LAYERS = new Set(['tokens', 'sentences', 'paragraphs']);
/** Structure labels that are not body text (listed under "Removed from the body"). */
const NON_BODY_STRUCTURE = new Set(['section', 'title', 'caption', 'credit', 'byline', 'dateline']);
/** How many spans of one layer are listed before "… and N more". */
const MAX_LISTED_SPANS = 30;
/** Span text and finding values are cut to this many characters. */
const MAX_SNIPPET_CHARS = 160;
/** How many labels a label-count line shows. */
const MAX_LABELS = 12;
/** How many items of a findings list are shown. */
const MAX_FINDING_ITEMS = 10;

const META_FIELDS = [
  ['title', 'Title'], ['section', 'Section'], ['outlet', 'Outlet'], ['author', 'Author'], ['published', 'Published'],
  ['language', 'Language'], ['url', 'URL'], ['origin', 'Source'], ['format', 'Format'],
] as const;

/** One line of text, white space folded, cut to a length with an ellipsis. */
function snippet(text: string, max = MAX_SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function attrsText(span: Span): string {
  const parts = Object.entries(span.attrs ?? {})
    .filter(([k, v]) => v !== undefined && v !== null && !(k === 'kind' && v === span.label))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`);
  if (span.score !== undefined) parts.push(`score=${span.score.toFixed(2)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** "NOUN 310, VERB 120, …" — the most frequent labels of a layer. */
function labelCounts(spans: readonly Span[]): string {
  const counts = new Map<string, number>();
  for (const s of spans) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, MAX_LABELS).map(([l, n]) => `${l} ${n}`);
  if (sorted.length > MAX_LABELS) shown.push(`… ${sorted.length - MAX_LABELS} more labels`);
  return shown.join(', ');
}

function spanLine(article: Article, span: Span): string {
  const evidence = span.evidence?.length ? ` — ${snippet(span.evidence.join('; '), 100)}` : '';
  return `- **${span.label}** “${snippet(article.text.slice(span.start, span.end))}”${attrsText(span)}${evidence}`;
}

/** A layer section: dense layers as label counts, others span by span (up to a limit). */
function renderLayer(article: Article, name: string, spans: readonly Span[]): string[] {
  const out = [`### ${name} (${spans.length} span${spans.length === 1 ? '' : 's'})`, ''];
  if (spans.length === 0) return [...out, '_none_', ''];
  if (SUMMARISED_LAYERS.has(name) || spans.length > MAX_LISTED_SPANS) out.push(`Labels: ${labelCounts(spans)}`, '');
  if (!SUMMARISED_LAYERS.has(name)) {
    for (const span of spans.slice(0, MAX_LISTED_SPANS)) out.push(spanLine(article, span));
    if (spans.length > MAX_LISTED_SPANS) out.push(`- … and ${spans.length - MAX_LISTED_SPANS} more`);
    out.push('');
  }
  return out;
}

/** A compact one-line view of any finding value. */
function findingText(value: unknown): string {
  if (value === null || typeof value !== 'object') return snippet(String(value));
  return snippet(JSON.stringify(value));
}

/** A findings section: lists show their first items, records their fields. */
function renderFinding(name: string, value: unknown): string[] {
  if (Array.isArray(value)) {
    const out = [`### ${name} (${value.length})`, ''];
    for (const item of value.slice(0, MAX_FINDING_ITEMS)) out.push(`- ${findingText(item)}`);
    if (value.length > MAX_FINDING_ITEMS) out.push(`- … and ${value.length - MAX_FINDING_ITEMS} more`);
    return [...out, ''];
  }
  if (value && typeof value === 'object') {
    const out = [`### ${name}`, ''];
    for (const [k, v] of Object.entries(value)) out.push(`- **${k}:** ${findingText(v)}`);
    return [...out, ''];
  }
  return [`### ${name}`, '', findingText(value), ''];
}

/** Quote kinds in words. */
const QUOTE_KINDS: Record<string, string> = { direct: 'direct', indirect: 'reported', mixed: 'partly quoted' };

/** Text in curly quotes, unless it already opens with a quotation mark (a direct quote's span holds its own). */
function inQuotes(text: string): string {
  return /^[“"‘'«]/.test(text) ? text : `“${text}”`;
}

/** Marks an unnamed source's key ("officials"), so it is not grouped with a person of that name. */
const UNNAMED = '\u0000unnamed';

/** Who speaks: quotes grouped by speaker (most quoted first), each with its cue; quotes with no speaker last. */
function renderQuotes(article: Article): string[] {
  const quotes = article.layers.quotes;
  if (!quotes) return [];
  const out = ['## Who speaks', ''];
  if (!quotes.length) return [...out, '_no quotes found_', ''];
  const bySpeaker = new Map<string, Span[]>();
  for (const q of quotes) {
    const name = q.attrs?.speakerName ?? q.attrs?.speakerText;
    const who = typeof name === 'string' && name ? (q.attrs?.sourceKind === 'anonymous' ? `${name}${UNNAMED}` : name) : '';
    bySpeaker.set(who, [...(bySpeaker.get(who) ?? []), q]);
  }
  const order = [...bySpeaker].sort((a, b) => Number(a[0] === '') - Number(b[0] === '') || b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [who, spans] of order) {
    const heading = who.endsWith(UNNAMED) ? `**${who.slice(0, -UNNAMED.length)}** (unnamed source)` : `**${who || 'no speaker found'}**`;
    out.push(`- ${heading} — ${spans.length} quote${spans.length === 1 ? '' : 's'}`);
    for (const q of spans.slice(0, MAX_FINDING_ITEMS)) {
      const cue = typeof q.attrs?.cue === 'string' && q.attrs.cue ? ` (${q.attrs.cue})` : '';
      const kind = typeof q.attrs?.kind === 'string' ? QUOTE_KINDS[q.attrs.kind] ?? q.attrs.kind : '';
      out.push(`  - ${inQuotes(snippet(article.text.slice(q.start, q.end)))}${cue}${kind ? ` _${kind}_` : ''}`);
    }
    if (spans.length > MAX_FINDING_ITEMS) out.push(`  - … and ${spans.length - MAX_FINDING_ITEMS} more`);
  }
  return [...out, ''];
}

/** Persuasion techniques, span by span: the words, the technique, its score and its evidence. */
function renderTechniques(article: Article): string[] {
  const spans = article.layers.techniques;
  if (!spans) return [];
  const out = ['## Techniques', ''];
  if (!spans.length) return [...out, '_none flagged_', ''];
  for (const t of spans.slice(0, MAX_LISTED_SPANS)) {
    const score = t.score !== undefined ? ` (${Math.round(t.score * 100)}%)` : '';
    const evidence = t.evidence?.length ? ` — ${snippet(t.evidence.join('; '), 120)}` : '';
    out.push(`- **${t.label.replace(/_/g, ' ').replace(/,/g, ' / ')}**${score} “${snippet(article.text.slice(t.start, t.end))}”${evidence}`);
  }
  if (spans.length > MAX_LISTED_SPANS) out.push(`- … and ${spans.length - MAX_LISTED_SPANS} more`);
  return [...out, ''];
}

/**
 * A readable report of an article for a person: metadata, counts, what cleanup marked as not
 * body, notices, who speaks, the techniques with their evidence, dates and figures, then every
 * layer and every finding the pipeline produced. The report is
 * generic over layers and findings, so later stages show up without changes here.
 */
export function renderMarkdown(article: Article): string {
  const m = article.meta;
  const layers = article.layers;
  const out = [`# ${m.title ? snippet(String(m.title), 300) : '(untitled)'}`, ''];
  for (const [key, label] of META_FIELDS) if (key !== 'title' && m[key]) out.push(`- **${label}:** ${snippet(String(m[key]))}`);
  const bodyChars = bodyRanges(article).reduce((n, r) => n + r.end - r.start, 0);
  out.push(
    `- **Sentences:** ${layers.sentences?.length ?? 0} · **tokens:** ${layers.tokens?.length ?? 0} · **paragraphs:** ${layers.paragraphs?.length ?? 0}`,
    `- **Text:** ${article.text.length} characters, ${bodyChars} of them body`,
  );
  const analysis = Object.entries(article.analysis).map(([k, v]) => `${k} ${v}`).join(', ');
  if (analysis) out.push(`- **Stages:** ${analysis}`);
  out.push('');

  if (article.notices.length) {
    out.push('## Notices', '');
    for (const n of article.notices) out.push(`- ${n.stage ? `[${n.stage}] ` : ''}${snippet(n.message, 300)}`);
    out.push('');
  }
  const removed = [...(layers.structure ?? []).filter((s) => NON_BODY_STRUCTURE.has(s.label)), ...(layers.boilerplate ?? [])]
    .sort((a, b) => a.start - b.start || a.end - b.end);
  out.push('## Removed from the body (marked, not deleted)', '');
  if (removed.length === 0) out.push('_nothing_');
  for (const s of removed.slice(0, MAX_LISTED_SPANS)) out.push(spanLine(article, s));
  if (removed.length > MAX_LISTED_SPANS) out.push(`- … and ${removed.length - MAX_LISTED_SPANS} more`);
  out.push('');

  out.push(...renderQuotes(article), ...renderTechniques(article));
  out.push(...renderFactsMarkdown(article));

  const names = Object.keys(layers);
  if (names.length) {
    if (out[out.length - 1] !== '') out.push('');
    out.push('## Layers', '');
    for (const name of names) out.push(...renderLayer(article, name, layers[name]));
  }
  const findings = Object.entries(article.findings);
  if (findings.length) {
    out.push('## Findings', '');
    for (const [name, value] of findings) out.push(...renderFinding(name, value));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
