import iconv from 'iconv-lite';

/** Bytes of the page head searched for a <meta> charset declaration (as in the HTML standard's prescan). */
export const META_PRESCAN_BYTES = 4096;
/** A page whose first bytes hold more than this share of control bytes is binary, not HTML. */
export const BINARY_CONTROL_SHARE = 0.05;
const BINARY_SAMPLE_BYTES = 4096;

/** Which charset was used and why. */
export interface DecodedHtml {
  html: string;
  charset: string;
  charsetSource: 'bom' | 'header' | 'meta' | 'utf8-valid' | 'fallback' | 'string';
  /** Set when the declared charset did not fit the bytes and another was used. */
  mismatch?: string;
  /** True when double-encoded UTF-8 was repaired (see repairDoubleEncoding). */
  repaired?: boolean;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType && /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1].toLowerCase() : undefined;
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return undefined;
}

/** Finds <meta charset=…> or <meta http-equiv content="…; charset=…"> in the first bytes. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, META_PRESCAN_BYTES)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

/** True when the sample looks like binary data (NULs and control bytes), not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  if (n === 0) return false;
  if (bomCharset(bytes)?.charset.startsWith('utf-16')) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control / n > BINARY_CONTROL_SHARE;
}

/** One strict decoder for all pages (it keeps no state between whole-input decodes). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The bytes decoded as UTF-8, or undefined when they are not valid UTF-8. Checking and decoding
 * are one pass (they were two: a check, then a second decode of the same megabytes).
 */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A UTF-8 lead byte read as Latin-1 followed by a C1 control character: the mark of text that was
 * UTF-8, decoded as Latin-1 and encoded as UTF-8 again ("â\u0080\u0099" for "’"). C1 controls never
 * appear in real text, so one such pair proves the page was double-encoded.
 */
export const DOUBLE_ENCODED_MARK = /[\u00c2-\u00f4][\u0080-\u009f]/;
/** One double-encoded character: a UTF-8 lead byte and its continuation bytes, each read as Latin-1. */
const DOUBLE_ENCODED_CHAR = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;

/**
 * Repairs text that was UTF-8 decoded as Latin-1 and stored again as UTF-8 (crawlers and CMS
 * imports do this): each such character sequence is read back as the UTF-8 bytes it was. Text
 * without the C1-control mark of double encoding is returned unchanged.
 *
 * @example
 * repairDoubleEncoding('Earth\u00e2\u0080\u0099s') // 'Earth’s'
 */
export function repairDoubleEncoding(text: string): string {
  if (!DOUBLE_ENCODED_MARK.test(text)) return text;
  return text.replace(DOUBLE_ENCODED_CHAR, (seq) => {
    const bytes = Buffer.from(seq, 'latin1');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return seq;
    }
  });
}

/**
 * Decodes page bytes: BOM first, then the HTTP header charset, then <meta>, then UTF-8 if the
 * bytes are valid UTF-8, else windows-1252. A declared UTF-8 that the bytes break falls back to
 * windows-1252 and says so.
 *
 * @example
 * decodeHtml(bytes, 'text/html; charset=iso-8859-1').html
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const decoded = decodeDeclared(bytes, contentType);
  if (!decoded.charset.startsWith('utf-8') && decoded.charset !== 'utf8') return decoded;
  const html = repairDoubleEncoding(decoded.html);
  return html === decoded.html ? decoded : { ...decoded, html, repaired: true };
}

function decodeDeclared(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const bom = bomCharset(bytes);
  if (bom) return { html: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.charset), charset: bom.charset, charsetSource: 'bom' };
  const declared: [string | undefined, 'header' | 'meta'][] = [
    [charsetFromContentType(contentType), 'header'],
    [metaCharset(bytes), 'meta'],
  ];
  for (const [label, source] of declared) {
    if (!label || !iconv.encodingExists(label)) continue;
    const norm = label.replace(/[^a-z0-9]/g, '');
    if (norm === 'utf8') {
      const html = strictUtf8(bytes);
      if (html !== undefined) return { html, charset: label, charsetSource: source };
      return { html: iconv.decode(Buffer.from(bytes), 'windows-1252'), charset: 'windows-1252', charsetSource: 'fallback', mismatch: `declared ${label} (${source}) but the bytes are not valid UTF-8` };
    }
    // Pages labelled Latin-1/ASCII are really windows-1252 (as browsers treat them).
    const charset = /^(?:iso88591|latin1|usascii|ascii)$/.test(norm) ? 'windows-1252' : label;
    return { html: iconv.decode(Buffer.from(bytes), charset), charset, charsetSource: source };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { html: utf8, charset: 'utf-8', charsetSource: 'utf8-valid' };
  return { html: iconv.decode(Buffer.from(bytes), 'windows-1252'), charset: 'windows-1252', charsetSource: 'fallback' };
}
