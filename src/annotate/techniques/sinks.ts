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
  /** A feature without a value: the string `name`. */
  flag(name: string): void;
  /**
   * A feature only the technique network reads (`template=value`, kept apart from the others):
   * word pieces the logistic model overfits on, which the network's shared hidden layer
   * generalises over.
   */
  network(template: string, value: string): void;
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
  flag(name: string): void {
    this.out.push(name);
  }
  /** The network-only features. */
  networkOut: string[] = [];
  network(template: string, value: string): void {
    this.networkOut.push(`${template}=${value}`);
  }
}

const PIPE = '|';

/** Collects hashed buckets, equal to `hashFeatures(stringSink.out, bits)`. */
export class HashSink implements FeatureSink {
  out: number[] = [];
  private readonly prefixes = new Map<string, number>();
  private readonly flags = new Map<string, number>();
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
  /** Buckets of the network-only features. */
  networkOut: number[] = [];
  network(template: string, value: string): void {
    this.networkOut.push(fnv1a(value, this.prefix(template)) & this.mask);
  }
  pair(template: string, a: string, b: string): void {
    this.out.push(fnv1a(b, fnv1a(PIPE, fnv1a(a, this.prefix(template)))) & this.mask);
  }
  flag(name: string): void {
    let h = this.flags.get(name);
    if (h === undefined) this.flags.set(name, (h = fnv1a(name)));
    this.out.push(h & this.mask);
  }
}

/**
 * A hash sink that also remembers each feature's template and value (without building the
 * string), so the few features shown as evidence can be spelled out afterwards.
 */
export class ExplainingSink extends HashSink {
  templates: string[] = [];
  values: string[] = [];
  /** Second value of a pair feature ('' otherwise). */
  seconds: string[] = [];
  /** Empties the sink for the next span. */
  clear(): void {
    this.out.length = 0;
    this.networkOut.length = 0;
    this.templates.length = 0;
    this.values.length = 0;
    this.seconds.length = 0;
    this.kinds.length = 0;
  }
  override add(template: string, value: string): void {
    super.add(template, value);
    this.remember(template, value, '', 1);
  }
  override pair(template: string, a: string, b: string): void {
    super.pair(template, a, b);
    this.remember(template, a, b, 2);
  }
  override flag(name: string): void {
    super.flag(name);
    this.remember(name, '', '', 0);
  }
  private kinds: number[] = [];
  private remember(template: string, value: string, second: string, kind: number): void {
    this.templates.push(template);
    this.values.push(value);
    this.seconds.push(second);
    this.kinds[this.templates.length - 1] = kind;
  }
  /** The feature string of feature k (as the string sink writes it). */
  feature(k: number): string {
    const kind = this.kinds[k];
    return kind === 0 ? this.templates[k] : kind === 1 ? `${this.templates[k]}=${this.values[k]}` : `${this.templates[k]}=${this.values[k]}|${this.seconds[k]}`;
  }
}
