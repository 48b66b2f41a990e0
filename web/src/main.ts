import './style.css';
import { api, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { overviewView, searchView, speakersView, speakerView, storiesView, storyView } from './explorer.js';
import { installKeys, setKeys } from './keys.js';
import { renderArticle } from './reader.js';
import { hideTip } from './tip.js';

/** An invented example for the "Try an example" button (fictional people and places). */
const EXAMPLE = `Harbour talks collapse as strike enters second week

Talks between the Lowmere harbour board and dock pilots collapsed on Friday, leaving 31 ships at anchor.

“The board has treated us with total contempt from day one,” said Irena Walsh, who speaks for the pilots' union. “We will stay out as long as it takes,” she added.

Board chairman Victor Hale said the pilots were holding the whole region hostage. According to Hale, the strike has already cost 14 million pounds.

Economist Dr. Omar Reyes said both sides would return to the table by March 20.`;

const main = document.getElementById('main')!;

/** What the reader keeps for this tab (sessionStorage): the pasted text, the URL, and what was last analysed. */
interface ReaderState { text: string; url: string; analysed?: 'text' | 'url' }
const READER_KEY = 'spinscope:reader';

function recall(): ReaderState | undefined {
  try {
    const v = JSON.parse(sessionStorage.getItem(READER_KEY) ?? 'null') as ReaderState | null;
    return v && typeof v.text === 'string' && typeof v.url === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function remember(state: ReaderState): void {
  try {
    sessionStorage.setItem(READER_KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled: the reader works as before, it only forgets on leaving.
  }
}

function readerHome(): void {
  const text = h('textarea', { attrs: { id: 'paste', rows: 10, placeholder: 'Paste the article text here (title on the first line)…' } });
  const url = h('input', { attrs: { type: 'url', id: 'url', placeholder: 'https://…' } });
  const out = h('div', { class: 'result', attrs: { 'aria-live': 'polite' } });
  const status = h('p', { class: 'status', attrs: { role: 'status' } });
  const run = async (body: { text?: string; url?: string }, scroll = true) => {
    status.textContent = 'Analysing…';
    status.classList.remove('error');
    try {
      const article = await api.analyze(body);
      status.textContent = '';
      renderArticle(out, article);
      remember({ text: text.value, url: url.value, analysed: body.text !== undefined && body.text === text.value ? 'text' : body.url !== undefined && body.url === url.value.trim() ? 'url' : undefined });
      if (scroll) out.scrollIntoView({ block: 'start' });
    } catch (err) {
      status.textContent = err instanceof ApiError ? err.message : 'The server could not be reached.';
      status.classList.add('error');
    }
  };
  const form = h('form', { class: 'paste', on: { submit: (e) => { e.preventDefault(); if (text.value.trim()) void run({ text: text.value }); else if (url.value.trim()) void run({ url: url.value.trim() }); else status.textContent = 'Paste some text or give a URL.'; } } },
    h('label', { attrs: { for: 'paste' } }, 'Article text'), text,
    h('label', { attrs: { for: 'url' } }, 'or a URL'), url,
    h('div', { class: 'buttons' },
      h('button', { attrs: { type: 'submit', id: 'analyze' } }, 'Analyse'),
      h('button', { attrs: { type: 'button' }, on: { click: () => { text.value = EXAMPLE; void run({ text: EXAMPLE }); } } }, 'Try an example')));
  // Nothing pasted is lost by visiting Stories and coming back (or reloading): the box and the last analysis return.
  const kept = recall();
  if (kept) {
    text.value = kept.text;
    url.value = kept.url;
    if (kept.analysed === 'text' && kept.text.trim()) void run({ text: kept.text }, false);
    else if (kept.analysed === 'url' && kept.url.trim()) void run({ url: kept.url.trim() }, false);
  }
  text.addEventListener('input', () => remember({ ...recall(), text: text.value, url: url.value, analysed: undefined }));
  url.addEventListener('input', () => remember({ ...recall(), text: text.value, url: url.value, analysed: undefined }));
  const recent = h('section', { class: 'recent' });
  replace(main, h('h1', {}, 'Read an article'), h('p', { class: 'muted' }, 'Who speaks, what is claimed, and how it is framed — every finding is a highlight over the text.'), form, status, out, recent);
  api.articles({ limit: 8 }).then((page) => {
    if (page.items.length) replace(recent, h('h2', {}, 'Or open one from the corpus'), h('ul', {}, page.items.map((a) => h('li', {}, h('a', { attrs: { href: `#/article/${encodeURIComponent(a.id)}` } }, a.title ?? a.id), h('span', { class: 'muted small' }, ` ${a.outlet ?? ''}`)))));
  }).catch(() => {});
}

async function articlePage(id: string): Promise<void> {
  const article = await api.article(id);
  const out = h('div', { class: 'result' });
  replace(main, h('h1', {}, article.meta.title ?? 'Article'), out);
  renderArticle(out, article);
}

async function route(): Promise<void> {
  hideTip();
  setKeys({});
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  document.querySelectorAll('nav a').forEach((a) => a.toggleAttribute('aria-current', a.getAttribute('href') === `#/${parts[0] ?? ''}` || (parts[0] === 'story' && a.getAttribute('href') === '#/stories') || (parts[0] === 'speaker' && a.getAttribute('href') === '#/speakers')));
  try {
    switch (parts[0]) {
      case undefined: return readerHome();
      case 'article': return await articlePage(parts[1]);
      case 'stories': return await storiesView(main);
      case 'story': return await storyView(main, parts[1], Number(params.get('offset') ?? 0) || 0);
      case 'speakers': return await speakersView(main, params.get('q') ?? '');
      case 'speaker': return await speakerView(main, parts[1]);
      case 'search': return await searchView(main, params);
      case 'overview': return await overviewView(main);
      default: replace(main, h('h1', {}, 'Not found'), h('p', {}, h('a', { attrs: { href: '#/' } }, 'Back to the reader')));
    }
  } catch (err) {
    // A stale or mistyped link (404) is not a failure of the app: say what is missing and where to go.
    const missing = err instanceof ApiError && err.status === 404;
    replace(main, h('h1', {}, missing ? 'Not found' : 'Something went wrong'), h('p', { class: missing ? undefined : 'error' }, err instanceof ApiError ? err.message : 'The server could not be reached.'),
      h('p', {}, h('a', { attrs: { href: '#/' } }, 'Back to the reader')));
  }
}

installKeys();
window.addEventListener('hashchange', () => { void route(); main.focus({ preventScroll: true }); });
void route();
