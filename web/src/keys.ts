/*
 * Single-letter shortcuts for the current view (j/k in the reader). They never fire while the
 * user types in a field or holds a modifier key.
 */
let current: Record<string, () => void> = {};

export function setKeys(map: Record<string, () => void>): void {
  current = map;
}

export function installKeys(): void {
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement | null;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    if (e.key === 'Escape') {
      document.getElementById('tip')?.setAttribute('hidden', '');
      return;
    }
    const fn = current[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  });
}
