// A model's answer that failed validation twice is described twice: the exact problems (schema paths, the
// rule each part broke) go to the ledger and the logs for whoever debugs the model, and one plain sentence
// goes to the person who asked, who can do nothing with "items.0.time: Invalid string".

/** What a person can do about an answer the model could not get right. */
const NEXT_STEP = 'nothing was saved. Try again or choose another model.';

/** The part of the answer at fault, from the last named field of a problem's path, as people call it. */
const FIELD_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/^time$/, 'posting times we could not read'],
  [/^date$/, 'dates we could not read'],
  [/^channel$/, 'channels we do not publish to'],
  [/^format$/, 'post formats we do not know'],
  [/^hashtags$/, 'hashtags we could not use'],
  [/^(variants|items)$/, 'the wrong number of items'],
  [
    /^(title|body|thread|preheader|call_to_action|media_brief|text|brief)$/,
    'text that broke the channel’s rules',
  ],
];

/** Problems from the task's own rules (see the tasks' `finalize`), recognised by their wording. */
const RULE_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/no JSON object|not valid JSON/i, 'no data we could read'],
  [/Keep every date between/i, 'dates outside the requested weeks'],
  [/Plan only for/i, 'channels that were not asked for'],
  [/Return exactly \d+ variants/i, 'the wrong number of variants'],
  [/words? to avoid|avoid/i, 'words the brand avoids'],
  [/system prompt|instructions|fence/i, 'text about its own instructions'],
  [/, (hashtags|body|title|thread|preheader)\b/i, 'text that broke the channel’s rules'],
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

function phraseOf(problem: string): string | undefined {
  const field = fieldOf(problem);
  if (field) {
    const match = FIELD_PHRASES.find(([pattern]) => pattern.test(field));
    if (match) return match[1];
  }
  return RULE_PHRASES.find(([pattern]) => pattern.test(problem))?.[1];
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
  const phrases = [...new Set(problems.map(phraseOf).filter((phrase) => phrase !== undefined))];
  if (phrases.length === 0) return `The model's answer did not fit the form we asked for; ${NEXT_STEP}`;
  const named = phrases.length > 2 ? [...phrases.slice(0, 2), 'other problems'] : phrases;
  const listed = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
  return `The model's answer had ${listed}; ${NEXT_STEP}`;
}

/** The problems as the ledger keeps them: every one, bounded. */
export function diagnosticsOf(problems: readonly string[]): string {
  return `Invalid after one repair attempt: ${problems.join('; ')}`.slice(0, 2000);
}
