import type { Article } from '../../src/model/index.js';
import { api, ApiError, type ArticleSummary, type FacetCount } from './api.js';
import { append, h, humanize, replace } from './dom.js';
import { downloadCsv, downloadJson } from './download.js';
import { figures, sourcingProfile, techniqueCounts, techniqueRates } from './findings.js';
import { bars, lineChart, stackedBars } from './charts.js';
import { dateSpan, humanDate, timeLabels } from './dates.js';
import { fewOf, plural, shownOf, speakerOrder } from './lists.js';

/*
 * The corpus explorer: stories, a story's outlets side by side, speakers, search with facets
 * and charts. Each view offers the rows it shows as CSV and JSON.
 */

const date = (s?: string) => s?.slice(0, 10) ?? '';

function downloads(name: string, rows: () => Record<string, unknown>[]): HTMLElement {
  return h('div', { class: 'downloads' },
    h('button', { attrs: { type: 'button' }, on: { click: () => downloadCsv(`${name}.csv`, rows()) } }, 'CSV'),
    h('button', { attrs: { type: 'button' }, on: { click: () => downloadJson(`${name}.json`, rows()) } }, 'JSON'));
}

function table(headers: string[], rows: Array<Array<Node | string>>, caption: string): HTMLElement {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { attrs: { scope: 'col' } }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))))));
}

const link = (href: string, text: string) => h('a', { attrs: { href } }, text);

/** Roles and outlets listed in a speakers table row; the rest are counted ("+27 more"). */
const ROLES_SHOWN = 3;
const OUTLETS_SHOWN = 4;


export async function storiesView(main: HTMLElement): Promise<void> {
  const page = await api.stories();
  const rows = () => page.items.map((s) => ({ id: s.id, label: s.label, articles: s.size, outlets: s.outlets.join('|'), first: date(s.first), last: date(s.last), speakers: s.topSpeakers.join('|') }));
  replace(main, h('h1', {}, 'Stories'), h('p', { class: 'muted' }, `${plural(page.total, 'story', 'stories')} — the same event told by different outlets.`, shownOf(page.items.length, page.total, 'biggest')), downloads('stories', rows),
    table(['Story', 'Articles', 'Outlets', 'Dates', 'Top speakers'], page.items.map((s) => [
      link(`#/story/${encodeURIComponent(s.id)}`, s.label), String(s.size), s.outlets.join(', '),
      dateSpan(s.first, s.last), s.topSpeakers.slice(0, 3).join(', ')]), 'Stories'));
}

interface Compared { summary: ArticleSummary; article: Article }

function compareRows(items: Compared[]): Record<string, unknown>[] {
  return items.map(({ summary, article }) => ({
    outlet: summary.outlet, title: summary.title, published: date(summary.published), id: summary.id,
    sources: sourcingProfile(article).map((r) => `${r.name} (${r.quotes})`).join('|'),
    techniques: techniqueCounts(article).map(([l, n]) => `${l} (${n})`).join('|'),
    figures: figures(article).map((f) => f.text).join('|'),
  }));
}

/** Articles of a story compared side by side per page. */
const STORY_PAGE = 24;
/** The layers the comparison reads (an article's tokens and sentences are most of its size). */
const COMPARED_LAYERS = ['quotes', 'techniques', 'figures'];

export async function storyView(main: HTMLElement, id: string, offset = 0): Promise<void> {
  const story = await api.story(id, offset, STORY_PAGE);
  const items: Compared[] = await Promise.all(story.articles.map(async (summary) => ({ summary, article: await api.article(summary.id, COMPARED_LAYERS) })));
  const byOutlet = new Map<string, Compared[]>();
  for (const c of items) byOutlet.set(c.summary.outlet ?? 'unknown', [...(byOutlet.get(c.summary.outlet ?? 'unknown') ?? []), c]);
  const outlets = [...byOutlet.keys()].sort();
  // Speakers × outlets: who each outlet lets speak, in quotes.
  const speakers = new Map<string, Map<string, number>>();
  for (const c of items) for (const r of sourcingProfile(c.article)) {
    const row = speakers.get(r.name) ?? new Map<string, number>();
    row.set(c.summary.outlet ?? 'unknown', (row.get(c.summary.outlet ?? 'unknown') ?? 0) + r.quotes);
    speakers.set(r.name, row);
  }
  const techTable: Record<string, Record<string, number>> = {};
  for (const c of items) for (const [label, n] of techniqueCounts(c.article)) {
    const row = (techTable[c.summary.outlet ?? 'unknown'] ??= {});
    row[label] = (row[label] ?? 0) + n;
  }
  const columns = outlets.map((outlet) => h('section', { class: 'outlet-col', attrs: { 'aria-label': outlet } },
    h('h2', {}, outlet),
    byOutlet.get(outlet)!.map(({ summary, article }) => {
      const src = sourcingProfile(article);
      const techs = techniqueCounts(article);
      const figs = figures(article);
      return h('article', { class: 'card' },
        h('h3', {}, link(`#/article/${encodeURIComponent(summary.id)}`, summary.title ?? summary.id)),
        h('p', { class: 'muted small' }, humanDate(date(summary.published))),
        h('h4', {}, 'Sources'), article.layers.quotes ? (src.length ? h('ul', {}, src.map((r) => h('li', {}, `${r.name} — ${r.quotes}`))) : h('p', { class: 'muted' }, 'no quotes')) : h('p', { class: 'muted' }, 'quotes not analysed'),
        h('h4', {}, 'Techniques'), article.layers.techniques ? (techs.length ? h('ul', {}, techs.map(([l, n]) => h('li', {}, `${humanize(l)} — ${n}`))) : h('p', { class: 'muted' }, 'none flagged')) : h('p', { class: 'muted' }, 'techniques not analysed'),
        h('h4', {}, 'Figures'), article.layers.figures ? (figs.length ? h('ul', {}, figs.map((f) => h('li', {}, f.text, f.source ? ` (${f.source})` : ''))) : h('p', { class: 'muted' }, 'none')) : h('p', { class: 'muted' }, 'figures not analysed'));
    })));
  replace(main,
    h('p', {}, link('#/stories', '← Stories')),
    h('h1', {}, story.label),
    h('p', { class: 'muted' }, [`${plural(story.size, 'article')} from ${plural(outlets.length, 'outlet')}`, dateSpan(story.first, story.last, humanDate)].filter(Boolean).join(', ')),
    story.size > items.length ? h('p', { class: 'muted' }, `Comparing articles ${story.offset + 1}–${story.offset + items.length} of ${story.size}, oldest first. `,
      story.offset > 0 ? link(`#/story/${encodeURIComponent(story.id)}?offset=${Math.max(0, story.offset - STORY_PAGE)}`, '← Earlier') : null,
      story.offset > 0 && story.offset + items.length < story.size ? ' · ' : null,
      story.offset + items.length < story.size ? link(`#/story/${encodeURIComponent(story.id)}?offset=${story.offset + items.length}`, 'Later →') : null) : null,
    downloads(`story-${story.id}`, () => compareRows(items)),
    h('div', { class: 'compare', attrs: { 'aria-label': 'Outlets side by side' } }, columns),
    speakers.size ? [h('h2', {}, 'Who each outlet quotes'), table(['Speaker', ...outlets],
      speakerOrder([...speakers].map(([name, row]) => [name, [...row.values()].reduce((n, c) => n + c, 0)] as const)).map((name) => [name, ...outlets.map((o) => String(speakers.get(name)!.get(o) ?? ''))]), 'Quotes per speaker and outlet')] : null,
    Object.keys(techTable).length ? [h('h2', {}, 'Techniques per outlet'), stackedBars('Techniques per outlet in this story', techTable, humanize)] : null);
}

/** What an unnamed source is, said once wherever they are listed. */
const UNNAMED_NOTE = 'Quotes credited to a description, not a name ("officials said", "a spokesperson said"): counted under that description across the corpus, but each article\'s may be different people.';

export async function speakersView(main: HTMLElement, query = ''): Promise<void> {
  const [named, unnamed] = await Promise.all([api.speakers(query || undefined, false), api.speakers(query || undefined, true)]);
  const input = h('input', { attrs: { type: 'search', id: 'speaker-q', value: query, placeholder: 'name' } });
  const form = h('form', { class: 'inline', attrs: { role: 'search' }, on: { submit: (e) => { e.preventDefault(); location.hash = `#/speakers?q=${encodeURIComponent(input.value)}`; } } },
    h('label', { attrs: { for: 'speaker-q' } }, 'Find a speaker '), input, h('button', { attrs: { type: 'submit' } }, 'Find'));
  const rows = () => [...named.items, ...unnamed.items].map((s) => ({ ...s, roles: s.roles.join('|'), affiliations: s.affiliations.join('|'), outlets: s.outlets.join('|') }));
  const none = !named.total && !unnamed.total;
  replace(main, h('h1', {}, 'Speakers'), form,
    none ? h('p', { class: 'muted' }, query ? `No speaker matches “${query}”.` : 'No speakers yet: speakers come from the quotes stage.') : null,
    none ? null : downloads('speakers', rows),
    named.total ? [h('h2', {}, `Named speakers (${named.total})`), named.items.length < named.total ? h('p', { class: 'muted small' }, shownOf(named.items.length, named.total, 'most quoted'), ' Find one by name above.') : null,
      table(['Speaker', 'Quotes', 'Articles', 'Roles', 'Outlets'], named.items.map((s) => [link(`#/speaker/${encodeURIComponent(s.id)}`, s.name), String(s.quotes), String(s.articles), fewOf(s.roles, ROLES_SHOWN), fewOf(s.outlets, OUTLETS_SHOWN)]), 'Named speakers')] : null,
    unnamed.total ? [h('h2', {}, `Unnamed sources (${unnamed.total})`), h('p', { class: 'muted small' }, UNNAMED_NOTE, unnamed.items.length < unnamed.total ? ` ${shownOf(unnamed.items.length, unnamed.total, 'most quoted')}` : ''),
      table(['Described as', 'Quotes', 'Articles', 'Outlets'], unnamed.items.map((s) => [link(`#/speaker/${encodeURIComponent(s.id)}`, s.name), String(s.quotes), String(s.articles), s.outlets.join(', ')]), 'Unnamed sources')] : null);
}

export async function speakerView(main: HTMLElement, id: string): Promise<void> {
  const s = await api.speaker(id);
  const articles = await api.articles({ speaker: s.id, limit: 100 }); // by id: a name key can differ from the person's (titles, initials)
  const per = `Quotes per ${s.overTimeUnit}`;
  replace(main, h('p', {}, link('#/speakers', '← Speakers')),
    h('h1', {}, s.name, s.generic ? h('span', { class: 'badge' }, 'unnamed source') : null),
    s.generic ? h('p', { class: 'muted small' }, UNNAMED_NOTE) : null,
    h('p', { class: 'muted' }, `${plural(s.quotes, 'quote')} in ${plural(s.articles, 'article')}`, s.roles.length ? ` · ${fewOf(s.roles, 3 * ROLES_SHOWN)}` : '', s.affiliations.length ? ` · ${fewOf(s.affiliations, 3 * ROLES_SHOWN)}` : ''),
    downloads(`speaker-${s.id}`, () => articles.items.map((a) => ({ ...a }))),
    h('div', { class: 'grid2' },
      h('section', {}, h('h2', {}, 'Quotes over time'), s.overTime.length ? bars(per, s.overTime, timeLabels(s.overTime.map((p) => p.value), s.overTimeUnit)) : h('p', { class: 'muted' }, 'No dated articles.')),
      h('section', {}, h('h2', {}, 'Outlets'), h('ul', {}, s.outlets.map((o) => h('li', {}, o))),
        h('h2', {}, 'Quoted alongside'), s.coQuoted.length ? h('ul', {}, s.coQuoted.map((c) => h('li', {}, link(`#/speaker/${encodeURIComponent(c.id)}`, c.value), ` (${c.count})`))) : h('p', { class: 'muted' }, 'nobody named'),
        s.techniques.length ? [h('h2', {}, 'Techniques in their quotes'), h('ul', {}, s.techniques.map((t) => h('li', {}, `${humanize(t.value)} (${t.count})`)))] : null)),
    h('h2', {}, 'Articles'), table(['Title', 'Outlet', 'Date'], articles.items.map((a) => [link(`#/article/${encodeURIComponent(a.id)}`, a.title ?? a.id), a.outlet ?? '', date(a.published)]), 'Articles quoting this speaker'));
}

/** Renders "text [match] text" with the matches as <mark>, from text nodes only. */
function snippet(s: string): HTMLElement {
  const p = h('p', { class: 'snippet' });
  for (const [i, part] of s.split(/\[|\]/).entries()) append(p, i % 2 ? h('mark', {}, part) : part);
  return p;
}

const FACETS = ['outlet', 'technique', 'speaker', 'entity', 'section', 'story'] as const;

export async function searchView(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const input = h('input', { attrs: { type: 'search', id: 'search-q', value: q, placeholder: 'words, "a phrase", prefix*' } });
  const go = (next: URLSearchParams) => { location.hash = `#/search?${next.toString()}`; };
  const form = h('form', { class: 'inline', attrs: { role: 'search' }, on: { submit: (e) => { e.preventDefault(); const n = new URLSearchParams(params); n.set('q', input.value); go(n); } } },
    h('label', { attrs: { for: 'search-q' } }, 'Search the corpus '), input, h('button', { attrs: { type: 'submit' } }, 'Search'));
  if (!q) return replace(main, h('h1', {}, 'Search'), form);
  const filter: Record<string, string> = { q };
  for (const f of FACETS) if (params.get(f)) filter[f] = params.get(f)!;
  let result: Awaited<ReturnType<typeof api.search>>;
  try {
    result = await api.search({ ...filter, limit: 100 });
  } catch (err) {
    // A query the index cannot read: say why beside the box, so it can be fixed in place.
    if (!(err instanceof ApiError) || err.status !== 400) throw err;
    return replace(main, h('h1', {}, 'Search'), form, h('p', { class: 'error', attrs: { role: 'alert' } }, err.message));
  }
  const facetBox = (name: string, counts: FacetCount[]) => counts.length ? h('section', { class: 'facet' }, h('h2', {}, name),
    h('ul', {}, counts.map((c) => {
      const active = params.get(name) === c.value;
      const next = new URLSearchParams(params);
      if (active) next.delete(name); else next.set(name, c.value);
      return h('li', {}, h('a', { class: active ? 'active' : '', attrs: { href: `#/search?${next.toString()}`, 'aria-current': active ? 'true' : undefined } }, name === 'technique' ? humanize(c.value) : c.label ?? c.value), ` ${c.count}`);
    }))) : null;
  const filtered = FACETS.some((f) => params.get(f));
  if (!result.total) {
    // Nothing found: say so and how to widen the search, instead of "0 articles" and empty downloads.
    return replace(main, h('h1', {}, 'Search'), form, h('p', { class: 'muted', attrs: { role: 'status' } },
      `No article matches “${q}”${filtered ? ' with these filters' : ''}. `,
      filtered ? h('a', { attrs: { href: `#/search?${new URLSearchParams({ q }).toString()}` } }, 'Search without filters') : 'Try fewer words, a word start with * (bridg*), or OR between words.'));
  }
  replace(main, h('h1', {}, 'Search'), form,
    h('div', { class: 'search' },
      h('aside', { class: 'facets', attrs: { 'aria-label': 'Filters' } }, FACETS.map((f) => facetBox(f, result.facets[f] ?? []))),
      h('section', { attrs: { 'aria-label': 'Results' } },
        h('p', { class: 'muted' }, plural(result.total, 'article'), result.total > result.items.length ? ` (the best ${result.items.length} shown)` : '', result.facetsOver ? `; filters count the best ${result.facetsOver}` : ''), downloads('search', () => result.items.map(({ snippet: s, ...rest }) => ({ ...rest, snippet: s }))),
        h('ol', { class: 'hits' }, result.items.map((hit) => h('li', {}, link(`#/article/${encodeURIComponent(hit.id)}`, hit.title ?? hit.id), h('span', { class: 'muted small' }, ` ${[hit.outlet, date(hit.published)].filter(Boolean).join(' · ')}`), snippet(hit.snippet)))))));
}

export async function overviewView(main: HTMLElement): Promise<void> {
  const stats = await api.stats();
  const techRows = () => Object.entries(stats.techniquesByOutlet).flatMap(([outlet, row]) => Object.entries(row).map(([technique, spans]) => ({ outlet, technique, spans, articles: stats.articlesByOutlet[outlet] ?? 0 })));
  replace(main, h('h1', {}, 'Overview'),
    h('p', { class: 'muted' }, `${plural(stats.articles, 'article')} · ${plural(stats.outlets, 'outlet')} · ${plural(stats.stories, 'story', 'stories')} · ${plural(stats.speakers, 'named speaker')}`),
    h('div', { class: 'grid2' },
      h('section', {}, h('h2', {}, 'Attention over time'), downloads(`articles-per-${stats.attention.unit}`, () => stats.attention.points.map((p) => ({ [stats.attention.unit]: p.value, articles: p.count }))),
        stats.attention.points.length ? lineChart(`Articles per ${stats.attention.unit}`, stats.attention.points, timeLabels(stats.attention.points.map((p) => p.value), stats.attention.unit)) : h('p', { class: 'muted' }, 'No dated articles.')),
      h('section', {}, h('h2', {}, 'Techniques per outlet'), downloads('techniques-per-outlet', techRows),
        // Per article, not raw counts: an outlet with many articles would dwarf the others.
        Object.keys(stats.techniquesByOutlet).length ? [h('p', { class: 'muted small' }, 'Technique spans per article of each outlet.'), stackedBars('Technique spans per article, by outlet', techniqueRates(stats.techniquesByOutlet, stats.articlesByOutlet), humanize, 2)] : h('p', { class: 'muted' }, 'No techniques yet: they come from the techniques stage.'))),
    h('div', { class: 'grid2' },
      h('section', {}, h('h2', {}, 'Most mentioned'), stats.topEntities.length ? table(['Entity', 'Type', 'Mentions'], stats.topEntities.map((e) => [link(`#/search?q=${encodeURIComponent(`"${e.value}"`)}`, e.value), e.type ?? '', String(e.count)]), 'Top entities') : h('p', { class: 'muted' }, 'No entities yet.')),
      h('section', {}, h('h2', {}, 'Most quoted'), stats.topSpeakers.length ? table(['Speaker', 'Quotes'], stats.topSpeakers.map((s) => [link(`#/speakers?q=${encodeURIComponent(s.value)}`, s.value), String(s.count)]), 'Top speakers') : h('p', { class: 'muted' }, 'No quotes from named speakers yet.'),
        stats.topUnnamed.length ? h('p', { class: 'muted small' }, 'Unnamed sources: ', stats.topUnnamed.map((s, i) => [i ? ', ' : '', link(`#/speakers?q=${encodeURIComponent(s.value)}`, s.value), ` (${s.count})`])) : null)));
}
