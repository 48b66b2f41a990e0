import { fnv1a } from '../../learn/index.js';

/**
 * Where feature extraction writes: `add(template, value)` stands for the feature string
 * `template=value`, `pair(template, a, b)` for `template=a|b`. The string sink makes those
 * strings (training, explanations); the hash sink makes the same buckets the learner would
 * (`fnv1a(string) & mask`) without building strings (the fast path at run time).
 */
export interface FeatureSink {
  add(template: string, value: string): void;
  pair(template: string, a: string, b: string): void;
}

/** Collects feature strings. */
export class StringSink implements FeatureSink {
  out: string[] = [];
  add(template: string, value: string): void {
    this.out.push(`${template}=${value}`);
  }
  pair(template: string, a: string, b: string): void {
    this.out.push(`${template}=${a}|${b}`);
  }
}

const PIPE = '|';

/** Collects hashed buckets, equal to `hashFeatures(stringSink.out, bits)`. */
export class HashSink implements FeatureSink {
  out: number[] = [];
  private readonly prefixes = new Map<string, number>();
  constructor(readonly mask: number) {}

  /** FNV state after `template=`; FNV-1a is sequential, so the value continues from it. */
  private prefix(template: string): number {
    let p = this.prefixes.get(template);
    if (p === undefined) {
      p = fnv1a(`${template}=`);
      this.prefixes.set(template, p);
    }
    return p;
  }
  add(template: string, value: string): void {
    this.out.push(fnv1a(value, this.prefix(template)) & this.mask);
  }
  pair(template: string, a: string, b: string): void {
    this.out.push(fnv1a(b, fnv1a(PIPE, fnv1a(a, this.prefix(template)))) & this.mask);
  }
}
