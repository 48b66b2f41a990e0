/*
 * The only way the app makes DOM: elements with attributes and TEXT NODES. Article text,
 * titles, names and snippets are untrusted, so nothing here ever parses a string as HTML.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Props {
  class?: string;
  /** Attributes; event-handler names (on*) and inline styles are refused. */
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
  data?: Record<string, string | number>;
}

const FORBIDDEN_ATTR = /^(on|style$|srcdoc$)/i;
const SAFE_URL = /^(#|\/|https?:|blob:|mailto:)/i;

/** Appends children: strings become text nodes, arrays are flattened, falsy ones skipped. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, ...c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

/**
 * Creates an element.
 *
 * @example
 * h('p', { class: 'note' }, 'Said by ', h('strong', {}, name));
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    if (FORBIDDEN_ATTR.test(name)) throw new Error(`attribute ${name} is not allowed`);
    if ((name === 'href' || name === 'src') && !SAFE_URL.test(String(value))) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [k, v] of Object.entries(props.data ?? {})) el.dataset[k] = String(v);
  for (const [type, fn] of Object.entries(props.on ?? {})) el.addEventListener(type, fn as EventListener);
  append(el, ...children);
  return el;
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** "Loaded_Language" → "Loaded Language"; "Exaggeration,Minimisation" → "Exaggeration / Minimisation". */
export function humanize(label: string): string {
  return label.replace(/,/g, ' / ').replace(/_/g, ' ');
}
