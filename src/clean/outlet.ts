import { type Span } from '../model/index.js';
import { findKnownOutlet } from './outlets.js';
import * as P from './patterns.js';

/** Boilerplate kinds whose lines speak for the site itself (so a name in them is the outlet). */
const SELF_KINDS = new Set(['mirror-notice', 'app-promo', 'copyright', 'follow', 'share', 'newsletter']);

/**
 * Infers the outlet from the site's own boilerplate, most reliable first: the owner of a mirror
 * notice ("Press TV’s website can also be accessed …"), a known outlet named in an app, follow
 * or copyright line, then the owner of a copyright line. Body mentions ("told Press TV") are
 * not used: an article quotes many outlets.
 */
export function inferOutlet(text: string, boilerplate: readonly Span[]): string | undefined {
  const own = boilerplate.filter((s) => SELF_KINDS.has(s.label)).map((s) => ({ kind: s.label, line: text.slice(s.start, s.end) }));
  for (const { kind, line } of own) {
    if (kind !== 'mirror-notice') continue;
    const owner = P.MIRROR_OUTLET.exec(line)?.[1];
    if (owner) return findKnownOutlet(owner) ?? owner.trim();
  }
  for (const { line } of own) {
    const known = findKnownOutlet(line);
    if (known) return known;
  }
  for (const { kind, line } of own) {
    if (kind !== 'copyright') continue;
    const owner = P.COPYRIGHT_OWNER.exec(line)?.[1]?.trim();
    if (owner && /\p{L}{2}/u.test(owner)) return owner;
  }
  return undefined;
}
