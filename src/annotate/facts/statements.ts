import type { Span } from '../../model/index.js';
import type { Attribution } from './attribution.js';
import { FIRST_PERSON_STANCE, OPINION_THRESHOLD, OPINION_WEIGHTS } from './constants.js';
import { W, wordClass } from './word-classes.js';

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
/** The modal is lowercase; "May" capitalised mid-sentence is the month. */
const MAY_MODAL = /\bmay\b|^May\s+(?:the|we|I|you|he|she|they|it|not)\b/;
/** Closing marks that may follow a final question mark. */
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', ' ', '\n', '\t']);

/** True when the sentence ends with "?" (before closing quotes or brackets). */
function endsWithQuestion(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text[i])) i--;
  return i >= 0 && text[i] === '?';
}

type CueKind = 'evaluative' | 'hedge' | 'modal' | 'intensifier';

/** The opinion cue kind of a word's flags; a word in several lists counts as the first of evaluative, hedge, modal, intensifier. */
function cueKind(flags: number): CueKind | undefined {
  if (flags & W.evaluative) return 'evaluative';
  if (flags & W.hedge) return 'hedge';
  if (flags & W.modal) return 'modal';
  if (flags & W.intensifier) return 'intensifier';
  return undefined;
}

/**
 * Opinion cues of a sentence, as evidence strings and a summed weight. `words` are the
 * sentence's words (lowercased) when the caller has them, with their flags (`classes`, see
 * word-classes.ts) when it has those; else the sentence is split (or the words looked up) here.
 */
export function opinionCues(sentence: string, words?: readonly string[], from = 0, to = words?.length ?? 0, classes?: ArrayLike<number>): { weight: number; cues: string[] } {
  const cues: string[] = [];
  let weight = 0;
  const list = words ?? Array.from(sentence.matchAll(WORD), (m) => m[0].toLowerCase());
  if (!words) to = list.length;
  const flags = words && classes ? classes : undefined;
  // Whether "may" is the modal is one test of the whole sentence, made once (per "may" it was
  // quadratic: a sentence of 20,000 "May"s took seconds).
  let mayModal: boolean | undefined;
  for (let i = from; i < to; i++) {
    const word = list[i];
    const kind = cueKind(flags ? flags[i] : wordClass(word));
    if (!kind) continue;
    if (word === 'may' && !(mayModal ??= MAY_MODAL.test(sentence))) continue; // "May" the month
    weight += OPINION_WEIGHTS[kind];
    cues.push(`${kind} '${word}'`);
  }
  if (mayStateStance(sentence)) {
    const stance = FIRST_PERSON_STANCE.exec(sentence);
    if (stance) {
      weight += OPINION_WEIGHTS.firstPerson;
      cues.push(`first-person '${stance[0]}'`);
    }
  }
  if (sentence.includes('!')) {
    weight += OPINION_WEIGHTS.exclamation;
    cues.push('exclamation mark');
  }
  return { weight, cues };
}

/**
 * Whether the sentence holds "I " or " we ", " my ", " our " (a cheap test before the
 * first-person regex: it matches only where one of these does). One pass over the spaces.
 */
function mayStateStance(sentence: string): boolean {
  for (let i = sentence.indexOf(' ', 1); i > 0; i = sentence.indexOf(' ', i + 1)) {
    const a = sentence.charCodeAt(i - 1);
    if (a === 73) return true; // "I "
    if (i >= 3 && sentence.charCodeAt(i - 3) === 32 && ((sentence.charCodeAt(i - 2) === 119 && a === 101) || (sentence.charCodeAt(i - 2) === 109 && a === 121))) return true; // " we ", " my "
    if (i >= 4 && sentence.charCodeAt(i - 4) === 32 && sentence.charCodeAt(i - 3) === 111 && sentence.charCodeAt(i - 2) === 117 && a === 114) return true; // " our "
  }
  return false;
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
export function classifySentence(sentence: Pick<Span, 'start' | 'end'>, text: string, candidates: readonly Attribution[], checkable = false, words?: readonly string[], from?: number, to?: number, classes?: ArrayLike<number>): StatementSpan {
  const { weight, cues } = opinionCues(text, words, from, to, classes);
  const main = mainAttribution(candidates);
  let label: StatementType;
  const evidence: string[] = [];
  if (endsWithQuestion(text)) {
    label = 'question';
    evidence.push('ends with a question mark');
  } else if (main) {
    label = 'attributed-claim';
    evidence.push(main.kind === 'according-to' ? `'according to' ${main.source}`.trim() : main.kind === 'quoted' ? `inside quotation marks${main.source ? ` (${main.source})` : ''}` : `${main.kind === 'quote' ? 'quote' : 'reporting verb'} '${main.cue}'${main.source ? ` (${main.source})` : ''}`);
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
