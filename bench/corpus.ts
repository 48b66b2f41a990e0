import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SHARED = join(import.meta.dirname, '..', '..', 'shared');
const PTC_ARTICLES = join(SHARED, 'data', 'ptc', 'train-articles');

/** The PTC training articles when ../shared is present, else a generated corpus of the same size. */
export function benchArticles(): { texts: string[]; source: string } {
  if (existsSync(PTC_ARTICLES)) {
    const files = readdirSync(PTC_ARTICLES).filter((f) => f.endsWith('.txt')).sort();
    return { texts: files.map((f) => readFileSync(join(PTC_ARTICLES, f), 'utf8')), source: 'PTC train' };
  }
  return { texts: generatedArticles(371), source: 'generated' };
}

const WORDS = 'the minister said talks would resume next week while analysts warned that the ceasefire remained fragile and officials in the capital denied any deal'.split(' ');

/** Deterministic filler articles: a title and a dozen sentences of news-like words. */
export function generatedArticles(n: number): string[] {
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => {
    const sentences = Array.from({ length: 14 }, () => {
      const words = Array.from({ length: 18 }, () => WORDS[Math.floor(next() * WORDS.length)]);
      return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
    });
    return `Generated article ${i}\n\n${sentences.join('\n')}`;
  });
}

/** The bench articles with their nlp layers already made, for benchmarks of one later stage. */
export async function benchArticlesWithNlp(): Promise<{ articles: import('../src/model/index.js').Article[]; source: string }> {
  const { createArticle } = await import('../src/model/index.js');
  const { nlpLayers } = await import('../src/nlp/index.js');
  const { texts, source } = benchArticles();
  return { articles: texts.map((text) => ({ ...createArticle(text), layers: { ...nlpLayers(text) } })), source };
}
