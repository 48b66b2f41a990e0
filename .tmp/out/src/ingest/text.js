import { readFileSync } from 'node:fs';
/** Decodes a plain-text file's bytes to a source document. */
export function readTextFile(path) {
    const text = readFileSync(path, 'utf8');
    return { text, meta: { origin: path, format: 'text' }, notices: [] };
}
