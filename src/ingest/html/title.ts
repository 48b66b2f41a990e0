// Title candidates for the ranker study (scripts/title-ranker-cv.ts, models/title.md): the
// rule-chosen title (metadata.ts chooseTitle) and the head titles (og:title, twitter:title,
// JSON-LD headline, <title>, site name removed), each described by a few features (which sources
// wrote it, how many agree, URL slug words, length, overlap with the rule's title). Not used to
// choose titles: a logistic model over these features kept the rule's choice in every fold.

/** Where a candidate title was read. */
export type TitleSourceKind = 'rule' | 'og' | 'twitter' | 'ld' | 'title' | 'title-full' | 'title-first';

/** One distinct candidate wording and the sources that wrote it. */
export interface TitleCandidate {
  text: string;
  sources: TitleSourceKind[];
}

/** What the features see of the page besides the candidates. */
export interface TitleContext {
  /** The rule's source label ("h1", "h1-single", "og:title", "slug-head", …). */
  ruleSource: string;
  /** Words of the URL slug (metadata.ts slugWords). */
  slug: readonly string[];
  /** Number of head sources present (og, twitter, ld, title). */
  heads: number;
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const slugKey = (s: string) => words(s.replace(/['\u2019]/g, ''));

/** Candidate key: wording with apostrophes, quotes, dashes and whitespace folded (two sources writing ’ and ' agree). */
export function candidateKey(s: string): string {
  return s.replace(/[\u2018\u2019`]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Adds a candidate, merging it with an earlier one of the same key. */
export function addCandidate(list: TitleCandidate[], text: string | undefined, source: TitleSourceKind): void {
  if (!text || !words(text).length) return;
  const key = candidateKey(text);
  const found = list.find((c) => candidateKey(c.text) === key);
  if (found) {
    if (!found.sources.includes(source)) found.sources.push(source);
  } else list.push({ text, sources: [source] });
}

const HEAD_KINDS: readonly TitleSourceKind[] = ['og', 'twitter', 'ld', 'title'];

/** Feature names and values of one candidate (sparse: absent features are 0). */
export function titleFeatures(c: TitleCandidate, all: readonly TitleCandidate[], ctx: TitleContext): [string[], number[]] {
  const f: string[] = ['bias'];
  const v: number[] = [1];
  const add = (name: string, value = 1) => {
    if (value === 0) return;
    f.push(name);
    v.push(value);
  };
  const rule = all.find((x) => x.sources.includes('rule'));
  const isRule = c.sources.includes('rule');
  if (isRule) add(`rule:${ctx.ruleSource}`);
  for (const s of c.sources) add(`src:${s}`);
  const agree = c.sources.filter((s) => HEAD_KINDS.includes(s)).length;
  add('agree', agree);
  add('agree-share', ctx.heads ? agree / ctx.heads : 0);
  const w = words(c.text);
  add('words', Math.min(w.length, 20) / 10);
  if (ctx.slug.length >= 3) {
    const set = new Set(slugKey(c.text));
    const cover = ctx.slug.filter((x) => set.has(x)).length / ctx.slug.length;
    add('slug-cover', cover);
    add('slug-all', cover >= 1 ? 1 : 0);
  } else add('no-slug');
  if (rule && !isRule) {
    const rw = words(rule.text);
    const rs = new Set(rw);
    const cs = new Set(w);
    add('has-rule-words', rw.filter((x) => cs.has(x)).length / rw.length);
    add('rule-has-words', w.filter((x) => rs.has(x)).length / Math.max(1, w.length));
    add('longer', w.length > rw.length ? 1 : 0);
    const ck = candidateKey(c.text);
    const rk = candidateKey(rule.text);
    add('prefix-of-rule', rk.startsWith(ck) ? 1 : 0);
    add('extends-rule', ck.startsWith(rk) ? 1 : 0);
    for (const s of c.sources) add(`vs:${ctx.ruleSource}:${s}`);
    for (const s of rule.sources) if (s !== 'rule') add(`rule-also:${s}`);
    add('year-extra', /\b(19|20)\d\d\b/.test(c.text) && !/\b(19|20)\d\d\b/.test(rule.text) ? 1 : 0);
  }
  return [f, v];
}
