import type { AiAnswerFault } from '#shared/problem-facts.js';

// A model's answer that failed validation twice is described twice: the exact problems (schema paths, the
// rule each part broke) go to the ledger and the logs for whoever debugs the model, and one plain sentence
// goes to the person who asked, who can do nothing with "items.0.time: Invalid string".

/** What a person can do about an answer the model could not get right. */
const NEXT_STEP = 'nothing was saved. Try again or choose another model.';

/** Each fault in everyday words, for the English sentence; the web app has its own (problem-facts-text.ts). */
const FAULT_PHRASES: Record<AiAnswerFault, string> = {
  times: 'posting times we could not read',
  dates: 'dates we could not read',
  channels: 'channels we do not publish to',
  formats: 'post formats we do not know',
  hashtags: 'hashtags we could not use',
  item_count: 'the wrong number of items',
  channel_rules: 'text that broke the channel’s rules',
  no_data: 'no data we could read',
  dates_outside: 'dates outside the requested weeks',
  channels_not_asked: 'channels that were not asked for',
  variant_count: 'the wrong number of variants',
  avoided_words: 'words the brand avoids',
  own_instructions: 'text about its own instructions',
  other: 'other problems',
};

/** The part of the answer at fault, from the last named field of a problem's path. */
const FIELD_FAULTS: ReadonlyArray<[RegExp, AiAnswerFault]> = [
  [/^time$/, 'times'],
  [/^date$/, 'dates'],
  [/^channel$/, 'channels'],
  [/^format$/, 'formats'],
  [/^hashtags$/, 'hashtags'],
  [/^(variants|items)$/, 'item_count'],
  [/^(title|body|thread|preheader|call_to_action|media_brief|text|brief)$/, 'channel_rules'],
];

/** Problems from the task's own rules (see the tasks' `finalize`), recognised by their wording. */
const RULE_FAULTS: ReadonlyArray<[RegExp, AiAnswerFault]> = [
  [/no JSON object|not valid JSON/i, 'no_data'],
  [/Keep every date between/i, 'dates_outside'],
  [/Plan only for/i, 'channels_not_asked'],
  [/Return exactly \d+ variants/i, 'variant_count'],
  [/words? to avoid|avoid/i, 'avoided_words'],
  [/system prompt|instructions|fence/i, 'own_instructions'],
  [/, (hashtags|body|title|thread|preheader)\b/i, 'channel_rules'],
];

/** The field names along a schema problem's path (`items.0.time: …` → `time`). */
function fieldOf(problem: string): string | undefined {
  const colon = problem.indexOf(':');
  if (colon <= 0) return undefined;
  const path = problem.slice(0, colon);
  if (!/^[\w.]+$/.test(path)) return undefined;
  return path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .at(-1);
}

function faultOf(problem: string): AiAnswerFault | undefined {
  const field = fieldOf(problem);
  if (field) {
    const match = FIELD_FAULTS.find(([pattern]) => pattern.test(field));
    if (match) return match[1];
  }
  return RULE_FAULTS.find(([pattern]) => pattern.test(problem))?.[1];
}

/**
 * What was wrong with an answer that stayed unusable, as codes (up to two, then `other`), for a client
 * that words it itself.
 */
export function answerFaults(problems: readonly string[]): AiAnswerFault[] {
  const faults = [...new Set(problems.map(faultOf).filter((fault) => fault !== undefined))];
  return faults.length > 2 ? [...faults.slice(0, 2), 'other'] : faults;
}

/**
 * One sentence about an answer that stayed unusable, naming what was wrong with it in everyday words (up
 * to two things) and what to do next.
 *
 * @example
 * describeUnusableAnswer(['items.0.time: Invalid string: must match pattern /^…$/']);
 * // "The model's answer had posting times we could not read; nothing was saved. Try again or choose another model."
 */
export function describeUnusableAnswer(problems: readonly string[]): string {
  const named = answerFaults(problems).map((fault) => FAULT_PHRASES[fault]);
  if (named.length === 0) return `The model's answer did not fit the form we asked for; ${NEXT_STEP}`;
  const listed = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
  return `The model's answer had ${listed}; ${NEXT_STEP}`;
}

/** The problems as the ledger keeps them: every one, bounded. */
export function diagnosticsOf(problems: readonly string[]): string {
  return `Invalid after one repair attempt: ${problems.join('; ')}`.slice(0, 2000);
}
