import { createHash } from 'node:crypto';

/** Hex digits of the SHA-256 kept as the article id: 64 bits, collisions negligible below ~10⁹ articles. */
const ID_HEX_DIGITS = 16;

/**
 * The content hash of an article text, used as its id: re-ingesting the same text is a no-op.
 *
 * @example
 * contentHash('Kerry met Lavrov.'); // '5f0c…' (16 hex digits)
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, ID_HEX_DIGITS);
}
