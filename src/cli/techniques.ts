import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import { offsetMap, SpinscopeError } from '../model/index.js';
import { Pipeline } from '../pipeline.js';
import { readSources, isReadFailure } from '../ingest/index.js';
import { readTextInput } from '../ingest/text.js';
import { tokenize } from '../nlp/index.js';
import { articleIdOf, buildViews, classifySpans, parseLabelLines, TechniqueModel } from '../annotate/techniques/index.js';

/** The PTC article id of a path (`article123.txt` → `123`), else the file name without extension. */
function idOfPath(path: string): string {
  const name = basename(path);
  return articleIdOf(name) ?? name.replace(/\.[^.]*$/, '');
}

/** A technique span as the semeval lines need it. */
interface LabelledRange { start: number; end: number; label: string }

/**
 * Overlapping spans joined into one line, labelled by its longest member: SemEval's SI scorer
 * rejects (or, asked to, merges) overlapping predictions, and unmerged nested spans would earn
 * recall for the same characters twice.
 */
export function mergeOverlapping(spans: readonly LabelledRange[]): LabelledRange[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: (LabelledRange & { longest: number })[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (!last || s.start >= last.end) {
      out.push({ start: s.start, end: s.end, label: s.label, longest: s.end - s.start });
      continue;
    }
    last.end = Math.max(last.end, s.end);
    if (s.end - s.start > last.longest) Object.assign(last, { label: s.label, longest: s.end - s.start });
  }
  return out.map(({ start, end, label }) => ({ start, end, label }));
}

/** `spinscope techniques detect <dir|files>... --format semeval|jsonl` */
function detectCommand(): Command {
  return new Command('detect')
    .description('find persuasion-technique spans; semeval lines: articleID<TAB>Technique<TAB>start<TAB>end (code points)')
    .argument('<inputs...>', 'article files or directories')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['semeval', 'jsonl']).default('semeval'))
    .option('--keep-overlaps', 'semeval: one line per span, nested and overlapping spans included (default: overlaps joined, as the SI scorer wants)')
    .action(async (inputs: string[], options: { format: 'semeval' | 'jsonl'; keepOverlaps?: boolean }) => {
      const pipeline = await Pipeline.build();
      let done = 0;
      for await (const result of readSources(inputs)) {
        if (isReadFailure(result)) {
          process.stderr.write(`spinscope: ${result.error}\n`);
          continue;
        }
        const article = pipeline.run(result);
        const id = idOfPath(String(result.meta.origin ?? ''));
        const spans = article.layers.techniques ?? [];
        done++;
        if (options.format === 'jsonl') {
          process.stdout.write(JSON.stringify({ id, techniques: spans, summary: article.findings.techniqueSummary }) + '\n');
          continue;
        }
        const map = offsetMap(article.text);
        for (const s of options.keepOverlaps ? spans : mergeOverlapping(spans)) process.stdout.write(`${id}\t${s.label}\t${map.toCodePoint(s.start)}\t${map.toCodePoint(s.end)}\n`);
      }
      if (done === 0) process.exitCode = 1;
    });
}

/** `spinscope techniques classify --articles <dir> --spans <template>` */
function classifyCommand(): Command {
  return new Command('classify')
    .description('fill a PTC technique-classification template (ID<TAB>?<TAB>start<TAB>end) with technique names')
    .requiredOption('--articles <dir>', 'folder of article<ID>.txt files')
    .requiredOption('--spans <template>', 'template file, one span per line')
    .action(async (options: { articles: string; spans: string }) => {
      const lines = parseLabelLines((await readTextInput(options.spans)).text);
      const model = TechniqueModel.load();
      const byArticle = new Map<string, number[]>();
      lines.forEach((cols, i) => {
        if (cols.length < 4) throw new SpinscopeError('input', `${options.spans}:${i + 1}: expected ID<TAB>?<TAB>start<TAB>end`);
        byArticle.set(cols[0], [...(byArticle.get(cols[0]) ?? []), i]);
      });
      const labels = new Array<string>(lines.length);
      for (const [id, rows] of byArticle) {
        const path = join(options.articles, `article${id}.txt`);
        if (!existsSync(path)) throw new SpinscopeError('input', `${path}: no such file (article ${id} of the template)`);
        const { text } = await readTextInput(path);
        const map = offsetMap(text);
        const { tokens, sentences } = tokenize(text);
        const views = buildViews(text, tokens, sentences);
        const ranges = rows.map((r) => ({ start: map.toUtf16(Number(lines[r][2])), end: map.toUtf16(Number(lines[r][3])) }));
        const ctx = { text, lowerText: text.toLowerCase(), views };
        classifySpans(model, ctx, ranges).forEach((l, k) => (labels[rows[k]] = l.label));
      }
      for (let i = 0; i < lines.length; i++) process.stdout.write([lines[i][0], labels[i], ...lines[i].slice(2)].join('\t') + '\n');
    });
}

/** `spinscope techniques detect|classify` — the SemEval-2020 Task 11 evaluation contract. */
export function techniquesCommand(): Command {
  return new Command('techniques')
    .description('persuasion techniques (PTC): span detection and technique classification')
    .addCommand(detectCommand())
    .addCommand(classifyCommand());
}
