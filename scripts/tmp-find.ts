import { createArticle } from '../src/model/index.js';
import { tokenize } from '../src/nlp/index.js';
import { TechniqueModel, sentenceViews } from '../src/annotate/techniques/index.js';
import { benchArticles } from '../bench/corpus.js';
const { texts } = benchArticles();
const model = TechniqueModel.load();
const views = texts.map((text) => { const a = createArticle(text); a.layers = { ...tokenize(text) }; return sentenceViews(a); });
const what = process.argv[2];
let best = Infinity;
for (let r = 0; r < 8; r++) {
  const c0 = process.cpuUsage();
  let x = 0;
  for (const v of views) x += what === 'emit' ? model.scorer.article(v).length : model.findSpans(v).length;
  const c = process.cpuUsage(c0);
  best = Math.min(best, (c.user + c.system) / 1000 / views.length);
}
console.log(what, process.env.EXP ?? '', best.toFixed(3), 'ms/article');
