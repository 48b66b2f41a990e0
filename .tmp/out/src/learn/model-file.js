import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
const MAGIC = 'SPNM';
const INT16_MAX = 32767;
/** Serialises weights (dense, buckets × classes) with their header to a gzipped buffer. */
export function encodeModel(header, weights) {
    let maxAbs = 0;
    for (let i = 0; i < weights.length; i++)
        maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
    const scale = maxAbs > 0 ? maxAbs / INT16_MAX : 1;
    const indices = [];
    const values = [];
    for (let i = 0; i < weights.length; i++) {
        const q = Math.round(weights[i] / scale);
        if (q !== 0) {
            indices.push(i);
            values.push(q);
        }
    }
    const headerBytes = Buffer.from(JSON.stringify({ ...header, scale, size: weights.length }), 'utf8');
    const body = Buffer.alloc(4 + 4 + headerBytes.length + 4 + indices.length * 6);
    let o = body.write(MAGIC, 0, 'latin1');
    o = body.writeUInt32LE(headerBytes.length, o);
    o += headerBytes.copy(body, o);
    o = body.writeUInt32LE(indices.length, o);
    for (const i of indices)
        o = body.writeUInt32LE(i, o);
    for (const v of values)
        o = body.writeInt16LE(v, o);
    return gzipSync(body, { level: 9 });
}
/** Reads a buffer made by `encodeModel` back into its header and dense weights. */
export function decodeModel(buffer) {
    const body = gunzipSync(buffer);
    if (body.toString('latin1', 0, 4) !== MAGIC)
        throw new Error('not a spinscope model file');
    let o = 4;
    const headerLength = body.readUInt32LE(o);
    o += 4;
    const header = JSON.parse(body.toString('utf8', o, o + headerLength));
    o += headerLength;
    const count = body.readUInt32LE(o);
    o += 4;
    const weights = new Float32Array(header.size);
    const valuesAt = o + count * 4;
    for (let k = 0; k < count; k++)
        weights[body.readUInt32LE(o + k * 4)] = body.readInt16LE(valuesAt + k * 2) * header.scale;
    return { header, weights };
}
export function saveModel(path, header, weights) {
    writeFileSync(path, encodeModel(header, weights));
}
export function loadModel(path) {
    return decodeModel(readFileSync(path));
}
