import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The compact on-disk form of a linear model: a JSON header (labels, hyper-parameters, a model
 * card) and the non-zero weights only, quantised to 16-bit integers with one scale, gzipped.
 * Layout: "SPNM" | u32 header length | header JSON | u32 count | u32 indices | i16 values.
 */
export interface ModelHeader {
  kind: string;
  bits: number;
  labels: string[];
  scale?: number;
  [key: string]: unknown;
}

const MAGIC = 'SPNM';
const INT16_MAX = 32767;

/** Serialises weights (dense, buckets × classes) with their header to a gzipped buffer. */
export function encodeModel(header: ModelHeader, weights: Float32Array): Buffer {
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
  const scale = maxAbs > 0 ? maxAbs / INT16_MAX : 1;
  const indices: number[] = [];
  const values: number[] = [];
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
  for (const i of indices) o = body.writeUInt32LE(i, o);
  for (const v of values) o = body.writeInt16LE(v, o);
  return gzipSync(body, { level: 9 });
}

/** Reads a buffer made by `encodeModel` back into its header and dense weights. */
export function decodeModel(buffer: Buffer): { header: ModelHeader; weights: Float32Array } {
  const { header, indices, values } = decodeModelEntries(buffer);
  const weights = new Float32Array(header.size);
  for (let k = 0; k < indices.length; k++) weights[indices[k]] = values[k];
  return { header, weights };
}

export function saveModel(path: string, header: ModelHeader, weights: Float32Array): void {
  writeFileSync(path, encodeModel(header, weights));
}

export function loadModel(path: string): { header: ModelHeader; weights: Float32Array } {
  return decodeModel(readFileSync(path));
}

/**
 * Reads a buffer made by `encodeModel` into its header and its non-zero weights only (indices
 * ascending, values de-quantised), without the dense array: for large sparse models whose
 * loader keeps the non-zero rows (see `SparseRows.fromEntries`).
 */
export function decodeModelEntries(buffer: Buffer): { header: ModelHeader & { size: number }; indices: Uint32Array; values: Float32Array } {
  const body = gunzipSync(buffer);
  if (body.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a spinscope model file');
  let o = 4;
  const headerLength = body.readUInt32LE(o);
  o += 4;
  const header = JSON.parse(body.toString('utf8', o, o + headerLength)) as ModelHeader & { size: number; scale: number };
  o += headerLength;
  const count = body.readUInt32LE(o);
  o += 4;
  // Copies into aligned arrays (the body's offsets need not be multiples of 4), little-endian as written.
  const indices = new Uint32Array(count);
  new Uint8Array(indices.buffer).set(body.subarray(o, o + count * 4));
  const quantised = new Int16Array(count);
  new Uint8Array(quantised.buffer).set(body.subarray(o + count * 4, o + count * 6));
  const values = new Float32Array(count);
  for (let k = 0; k < count; k++) values[k] = quantised[k] * header.scale;
  return { header, indices, values };
}
