import type { Article, Span } from '../../src/model/index.js';
import { append, h, humanize, replace } from './dom.js';
import { figures, findingTip, KNOWN_LAYERS, quoteSpeaker, sourcingProfile, strAttr, techniqueCounts, timeline, toggleableLayers, entityRecords, sourcingSummary } from './findings.js';
import { segment } from './segments.js';
import { humanDate } from './dates.js';
import { hideTip, showTip } from './tip.js';
import { setKeys } from './keys.js';
import { downloadJson } from './download.js';
import { techniqueHelp } from './technique-help.js';

/*
 * The reader: the article text with its layers drawn over it, a side panel of findings, and
 * j/k to walk through them. Everything is built from text nodes (see dom.ts).
 */

const SPEAKER_COLOURS = 8;
/** Layers j/k walk through, in text order (entities are too many to step through). */
const NAVIGABLE = new Set(['quotes', 'techniques', 'figures', 'dates', 'statements']);
/** Layers whose spans take a keyboard stop of their own (Tab), so their explanation shows on focus. */
const FOCUSABLE = new Set(['quotes', 'techniques']);
/** Analysis layers the reader expects; absent ones are listed as "not in this pipeline". */
const EXPECTED = ['entities', 'quotes', 'techniques', 'dates', 'figures'];

interface DrawnMark extends Span {
  layer: string;
  cls: string[];
  speaker?: string;
}

function classesFor(article: Article, layer: string, span: Span, speakerIndex: Map<string, number>): { cls: string[]; speaker?: string } {
  const label = span.label.replace(/[^A-Za-z0-9_-]/g, '');
  switch (layer) {
    case 'quotes': {
      const speaker = quoteSpeaker(article, span);
      const n = speaker ? speakerIndex.get(speaker) ?? SPEAKER_COLOURS : SPEAKER_COLOURS;
      return { cls: ['q', n < SPEAKER_COLOURS ? `q-c${n}` : 'q-none'], speaker };
    }
    case 'entities': return { cls: ['ent', `ent-${label}`] };
    case 'techniques': return { cls: ['tech'] };
    case 'boilerplate': return { cls: ['boiler'] };
    case 'structure': return { cls: [`st-${label}`] };
    case 'figures': return { cls: ['fig'] };
    case 'dates': return { cls: ['date'] };
    case 'statements': return { cls: ['stmt'] };
    default: return { cls: ['other'] };
  }
}

/** Quote kinds (quotes stage) in words. */
const QUOTE_KINDS: Record<string, string> = {
  direct: 'direct quote, in quotation marks',
  indirect: 'reported speech, in the writer\'s words',
  mixed: 'partly quoted, partly paraphrased',
};

/** The tooltip lines for the marks covering one piece of text. */
function describe(article: Article, marks: DrawnMark[]): Node[] {
  return marks.filter((m) => m.layer !== 'structure').map((m) => {
    const text = article.text.slice(m.start, m.end);
    if (m.layer === 'techniques') {
      return h('div', { class: 'tip-item' },
        h('strong', {}, humanize(m.label)),
        m.score !== undefined ? ` · confidence ${Math.round(m.score * 100)}%` : '',
        techniqueHelp(m.label) ? h('div', { class: 'muted' }, techniqueHelp(m.label)!) : null,
        m.evidence?.length ? h('ul', {}, m.evidence.slice(0, 4).map((e) => h('li', {}, e))) : h('div', { class: 'muted' }, 'no evidence recorded'));
    }
    if (m.layer === 'quotes') {
      const cue = strAttr(m, 'cue') ?? strAttr(m, 'verb');
      const kind = strAttr(m, 'kind');
      return h('div', { class: 'tip-item' }, h('strong', {}, 'Quote'), ` · ${m.speaker ?? 'no speaker found'}`, cue ? ` (“${cue}”)` : '', kind ? h('div', { class: 'muted' }, QUOTE_KINDS[kind] ?? kind) : null);
    }
    if (m.layer === 'entities') {
      const id = strAttr(m, 'entity');
      const name = id ? entityRecords(article).find((e) => e.id === id)?.name : undefined;
      return h('div', { class: 'tip-item' }, h('strong', {}, m.label), ` · ${name ?? text}`);
    }
    const tip = findingTip(article, m.layer, m);
    if (tip) return h('div', { class: 'tip-item' }, h('strong', {}, tip.title), tip.lines.length ? h('div', { class: 'muted' }, tip.lines.join(' · ')) : null);
    // Layers the reader does not know: their plain attributes, ids and empty values left out.
    const attrs = Object.entries(m.attrs ?? {}).filter(([k, v]) => ((typeof v === 'string' && v !== '' && !/^e\d+$/.test(v)) || (typeof v === 'number' && v !== 0)) && !/entity$/i.test(k)).slice(0, 4).map(([k, v]) => `${k}: ${v}`);
    return h('div', { class: 'tip-item' }, h('strong', {}, `${m.layer}`), ` · ${humanize(m.label)}`, attrs.length ? h('div', { class: 'muted' }, attrs.join(', ')) : null);
  });
}

/** Draws the article text with the chosen layers; returns the elements to step through with j/k. */
function drawText(article: Article, visible: Set<string>, speakerIndex: Map<string, number>): { node: HTMLElement; stops: HTMLElement[] } {
  const marks: DrawnMark[] = [];
  for (const layer of visible) {
    for (const span of article.layers[layer] ?? []) {
      const { cls, speaker } = classesFor(article, layer, span, speakerIndex);
      marks.push({ ...span, layer, cls, speaker });
    }
  }
  const node = h('div', { class: 'text', attrs: { role: 'article', 'aria-label': 'Annotated article text' } });
  const firstOf = new Map<number, HTMLElement>();
  const markOf = new WeakMap<HTMLElement, DrawnMark[]>();
  for (const seg of segment(article.text.length, marks)) {
    const text = article.text.slice(seg.start, seg.end);
    if (!seg.marks.length) {
      node.appendChild(document.createTextNode(text));
      continue;
    }
    const covering = seg.marks.map((i) => marks[i]);
    const isTech = covering.some((m) => m.layer === 'techniques');
    const el = h(isTech ? 'mark' : 'span', { class: [...new Set(covering.flatMap((m) => m.cls))].join(' ') }, text);
    markOf.set(el, covering);
    for (const i of seg.marks) {
      if (firstOf.has(i)) continue;
      firstOf.set(i, el);
      if (FOCUSABLE.has(marks[i].layer)) el.tabIndex = 0;
    }
    node.appendChild(el);
  }
  const show = (el: HTMLElement) => {
    const covering = markOf.get(el);
    if (covering?.some((m) => m.layer !== 'structure')) showTip(el, describe(article, covering));
  };
  node.addEventListener('mouseover', (e) => { if (e.target instanceof HTMLElement && markOf.has(e.target)) show(e.target); });
  node.addEventListener('mouseout', (e) => { if (e.target instanceof HTMLElement && markOf.has(e.target) && document.activeElement !== e.target) hideTip(); });
  node.addEventListener('focusin', (e) => { if (e.target instanceof HTMLElement && markOf.has(e.target)) show(e.target); });
  node.addEventListener('focusout', () => hideTip());
  const stops = [...firstOf].filter(([i]) => NAVIGABLE.has(marks[i].layer))
    .sort((a, b) => marks[a[0]].start - marks[b[0]].start || a[0] - b[0]).map(([, el]) => el)
    .filter((el, i, all) => all.indexOf(el) === i);
  for (const el of stops) if (el.tabIndex < 0) el.tabIndex = -1;
  return { node, stops };
}

function section(title: string, ...body: Parameters<typeof h>[2][]): HTMLElement {
  return h('section', { class: 'panel-section' }, h('h2', {}, title), ...body);
}

function jumpTo(text: HTMLElement, start: number, article: Article): void {
  // Find the element whose text begins at or after `start` by walking the drawn text.
  let offset = 0;
  for (const child of Array.from(text.childNodes)) {
    const len = child.textContent?.length ?? 0;
    if (offset + len > start && child instanceof HTMLElement) {
      if (child.tabIndex < 0) child.tabIndex = -1;
      child.focus();
      child.scrollIntoView({ block: 'center' });
      return;
    }
    offset += len;
  }
  void article;
}

function sidePanel(article: Article, speakerIndex: Map<string, number>, textEl: () => HTMLElement): HTMLElement {
  const panel = h('aside', { class: 'panel', attrs: { 'aria-label': 'Findings' } });
  const profile = sourcingProfile(article);
  if (article.layers.quotes) {
    const total = profile.reduce((s, r) => s + r.chars, 0) || 1;
    append(panel, section('Who speaks',
      profile.length ? h('ol', { class: 'sources' }, profile.map((r) => h('li', {},
        h('span', { class: `swatch ${speakerIndex.has(r.name) && speakerIndex.get(r.name)! < SPEAKER_COLOURS ? `q-c${speakerIndex.get(r.name)}` : 'q-none'}`, attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'src-name' }, r.name),
        h('span', { class: 'muted' }, ` ${r.quotes} quote${r.quotes === 1 ? '' : 's'}, ${Math.round((100 * r.chars) / total)}% of quoted text`),
        h('meter', { attrs: { min: 0, max: total, value: r.chars, 'aria-label': `${r.name}: share of quoted text` } }),
      ))) : h('p', { class: 'muted' }, 'No quotes found.'),
      sourcingList(article)));
  }
  const techs = techniqueCounts(article);
  if (article.layers.techniques) {
    append(panel, section('Techniques', techs.length ? h('ul', { class: 'counts' }, techs.map(([label, n]) => h('li', {},
      h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => jumpTo(textEl(), (article.layers.techniques ?? []).find((t) => t.label === label)!.start, article) } }, humanize(label)),
      h('span', { class: 'count' }, String(n)),
      techniqueHelp(label) ? h('div', { class: 'muted small help' }, techniqueHelp(label)!) : null))) : h('p', { class: 'muted' }, 'No techniques flagged.')));
  }
  const tl = timeline(article);
  if (tl.length) append(panel, section('Timeline', h('ol', { class: 'timeline' }, tl.map((r) => h('li', { class: r.afterNow ? 'after-now' : undefined },
    h('strong', {}, r.when), r.written ? h('span', { class: 'muted' }, ` (“${r.written}”)`) : null, r.what ? h('div', { class: 'muted' }, r.what) : null)))));
  const figs = figures(article);
  if (figs.length) append(panel, section('Figures', h('ul', { class: 'figures' }, figs.map((f) => h('li', {}, h('strong', {}, f.text), f.source ? ` — ${f.source}` : h('span', { class: 'muted' }, ' — source not stated'), f.gloss ? h('div', { class: 'muted' }, f.gloss) : null)))));
  const ents = entityRecords(article);
  const entityList = ents.length
    ? ents.filter((e) => e.name).map((e) => [e.name!, e.type ?? '', e.mentions ?? e.count ?? 0] as const).sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0])).slice(0, 15)
    : countEntities(article);
  if (entityList.length) append(panel, section('Entities', h('ul', { class: 'counts' }, entityList.map(([name, type, n]) => h('li', {}, h('span', { class: `ent ent-${type}` }, name), h('span', { class: 'muted' }, ` ${type}`), n ? h('span', { class: 'count' }, String(n)) : null)))));
  const missing = EXPECTED.filter((l) => !(l in article.layers) && !Object.keys(article.analysis).includes(l));
  if (missing.length) append(panel, h('p', { class: 'muted small' }, `Not in this pipeline: ${missing.join(', ')}.`));
  if (article.notices.length) append(panel, section('Notices', h('ul', {}, article.notices.map((n) => h('li', {}, n.message)))));
  return panel;
}

function countEntities(article: Article): Array<readonly [string, string, number]> {
  const counts = new Map<string, { type: string; n: number }>();
  for (const s of article.layers.entities ?? []) {
    const name = article.text.slice(s.start, s.end);
    const c = counts.get(name) ?? { type: s.label, n: 0 };
    c.n++;
    counts.set(name, c);
  }
  return [...counts].sort((a, b) => b[1].n - a[1].n).slice(0, 15).map(([name, c]) => [name, c.type, c.n] as const);
}

function sourcingList(article: Article): HTMLElement | null {
  const rows = sourcingSummary(article);
  return rows.length ? h('dl', { class: 'scalars' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : null;
}

/**
 * Renders an analysed article into `host`: layer toggles, the annotated text and the side panel.
 */
export function renderArticle(host: HTMLElement, article: Article): void {
  const layers = toggleableLayers(article);
  const visible = new Set(layers);
  const speakerIndex = new Map(sourcingProfile(article).filter((r) => r.name !== 'unattributed').map((r, i) => [r.name, i]));
  const textHost = h('div', { class: 'text-host' });
  let stops: HTMLElement[] = [];
  let at = -1;
  const counter = h('span', { class: 'muted small', attrs: { 'aria-live': 'polite' } });
  const draw = () => {
    const drawn = drawText(article, visible, speakerIndex);
    stops = drawn.stops;
    at = -1;
    replace(textHost, drawn.node);
    counter.textContent = stops.length ? `${stops.length} finding${stops.length === 1 ? '' : 's'} — press j / k to step through ${stops.length === 1 ? 'it' : 'them'}` : '';
  };
  const step = (delta: number) => {
    if (!stops.length) return;
    at = (at + delta + stops.length) % stops.length;
    const el = stops[at];
    el.focus();
    el.scrollIntoView({ block: 'center', behavior: 'auto' });
  };
  setKeys({ j: () => step(1), k: () => step(-1), n: () => step(1), p: () => step(-1) });

  const collapse = h('input', { attrs: { type: 'checkbox', id: 'collapse-boiler' }, on: { change: () => textHost.classList.toggle('collapse-boiler', collapse.checked) } });
  const toggles = h('fieldset', { class: 'toggles' }, h('legend', {}, 'Layers'),
    layers.map((layer) => {
      const box = h('input', { attrs: { type: 'checkbox', id: `layer-${layer}`, checked: true }, data: { layer }, on: { change: () => { if (box.checked) visible.add(layer); else visible.delete(layer); draw(); } } });
      return h('label', { class: `toggle toggle-${layer}`, attrs: { for: `layer-${layer}`, title: KNOWN_LAYERS[layer] ?? layer } }, box, ` ${layer} (${article.layers[layer].length})`);
    }),
    article.layers.boilerplate?.length ? h('label', { class: 'toggle', attrs: { for: 'collapse-boiler' } }, collapse, ' collapse boilerplate') : null);

  const meta = article.meta;
  const byline = [meta.outlet, meta.published ? humanDate(meta.published.slice(0, 10)) : undefined, meta.author].filter(Boolean).join(' · ');
  replace(host,
    h('div', { class: 'article-head' },
      byline ? h('p', { class: 'byline' }, byline) : null,
      h('div', { class: 'actions' }, counter, h('button', { attrs: { type: 'button' }, on: { click: () => downloadJson(`article-${article.id ?? 'analysis'}.json`, article) } }, 'Download JSON'))),
    layers.length ? toggles : h('p', { class: 'muted' }, 'No layers to show.'),
    h('div', { class: 'reader' }, textHost, sidePanel(article, speakerIndex, () => textHost.firstElementChild as HTMLElement)));
  draw();
}
