import type { Span } from '../../model/index.js';
import type { Attribution } from './attribution.js';
import { EVALUATIVE_WORDS, FIRST_PERSON_STANCE, HEDGES, INTENSIFIERS, MODALS, OPINION_THRESHOLD, OPINION_WEIGHTS } from './constants.js';

/** The kinds of body sentence. */
export type StatementType = 'factual' | 'attributed-claim' | 'opinion' | 'question';

/** Attributes of a `statements` span. */
export interface StatementAttrs {
  [key: string]: string | number | boolean;
  /** Who the claim is attributed to ('' for the reporter's voice or an unnamed source). */
  source: string;
  sourceEntity: string;
  /** The attribution cue ("said", "according to", "quotation marks"), or ''. */
  cue: string;
  /** Summed weight of opinion cues (evaluative words, hedges, modals, first-person stance). */
  opinion: number;
  /** The sentence holds something a fact-checker can check: a date, a figure or a name. */
  checkable: boolean;
}

export type StatementSpan = Span<StatementAttrs>;

const WORD = /[A-Za-z][A-Za-z'-]*/g;
const QUESTION_END = /\?["”’')\]]*\s*$/;

/** Opinion cues of a sentence, as evidence strings and a summed weight. */
export function opinionCues(sentence: string): { weight: number; cues: string[] } {
  const cues: string[] = [];
  let weight = 0;
  for (const m of sentence.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    if (EVALUATIVE_WORDS.has(word)) {
      weight += OPINION_WEIGHTS.evaluative;
      cues.push(`evaluative '${m[0]}'`);
    } else if (HEDGES.has(word)) {
      weight += OPINION_WEIGHTS.hedge;
      cues.push(`hedge '${m[0]}'`);
    } else if (MODALS.has(word) && m[0] === word) {
      weight += OPINION_WEIGHTS.modal;
      cues.push(`modal '${m[0]}'`);
    } else if (INTENSIFIERS.has(word)) {
      weight += OPINION_WEIGHTS.intensifier;
      cues.push(`intensifier '${m[0]}'`);
    }
  }
  const stance = FIRST_PERSON_STANCE.exec(sentence);
  if (stance) {
    weight += OPINION_WEIGHTS.firstPerson;
    cues.push(`first-person '${stance[0]}'`);
  }
  if (/!/.test(sentence)) {
    weight += OPINION_WEIGHTS.exclamation;
    cues.push('exclamation mark');
  }
  return { weight, cues };
}

/** The attribution that best names the speaker: a named source over an unnamed one, quotes first. */
function mainAttribution(candidates: readonly Attribution[]): Attribution | undefined {
  return candidates.find((a) => a.kind === 'quote' && a.source) ?? candidates.find((a) => a.source) ?? candidates[0];
}

/**
 * Classifies one body sentence: a question (ends with "?"), an attributed claim (a quote, an
 * "according to" or a reporting verb), an opinion (opinion cues reach OPINION_THRESHOLD in the
 * reporter's voice), else a factual statement in the reporter's voice. Evidence lists the cues.
 *
 * @example
 * classifySentence({ start: 0, end: 20 }, 'Is this the end?', []).label; // 'question'
 */
export function classifySentence(sentence: Pick<Span, 'start' | 'end'>, text: string, candidates: readonly Attribution[], checkable = false): StatementSpan {
  const { weight, cues } = opinionCues(text);
  const main = mainAttribution(candidates);
  let label: StatementType;
  const evidence: string[] = [];
  if (QUESTION_END.test(text)) {
    label = 'question';
    evidence.push('ends with a question mark');
  } else if (main) {
    label = 'attributed-claim';
    evidence.push(main.kind === 'according-to' ? `'according to' ${main.source}`.trim() : main.kind === 'quoted' ? 'inside quotation marks' : `${main.kind === 'quote' ? 'quote' : 'reporting verb'} '${main.cue}'${main.source ? ` (${main.source})` : ''}`);
  } else if (weight >= OPINION_THRESHOLD) {
    label = 'opinion';
  } else {
    label = 'factual';
    evidence.push(checkable ? "reporter's voice, checkable detail (date, figure or name)" : "reporter's voice, no attribution or opinion cue");
  }
  evidence.push(...cues);
  return {
    start: sentence.start,
    end: sentence.end,
    label,
    attrs: { source: main?.source ?? '', sourceEntity: main?.entity ?? '', cue: main?.cue ?? '', opinion: weight, checkable },
    score: label === 'factual' ? Math.max(0, 1 - weight / OPINION_THRESHOLD / 2) : undefined,
    evidence,
    source: { stage: 'facts', rule: 'statement-rules' },
  };
}
