/** The one tooltip: shown next to a piece of text on hover or keyboard focus. */
const MARGIN = 8;

function tipEl(): HTMLElement {
  return document.getElementById('tip')!;
}

/** Shows `content` (built nodes) beside `anchor`, and links them for assistive technology. */
export function showTip(anchor: HTMLElement, content: Node[]): void {
  const tip = tipEl();
  if (!content.length) return hideTip();
  tip.replaceChildren(...content);
  tip.hidden = false;
  document.querySelectorAll('[aria-describedby="tip"]').forEach((e) => e.removeAttribute('aria-describedby'));
  anchor.setAttribute('aria-describedby', 'tip');
  const r = anchor.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 2 * MARGIN);
  const left = Math.max(MARGIN, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - MARGIN));
  tip.style.maxWidth = `${width}px`;
  tip.style.left = `${left}px`;
  tip.style.top = `${r.bottom + window.scrollY + 6}px`;
}

export function hideTip(): void {
  const tip = tipEl();
  if (tip) tip.hidden = true;
}
