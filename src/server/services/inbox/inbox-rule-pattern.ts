import { RE2JS, RE2JSSyntaxException } from 're2js';

// Inbox rules run on every inbound message of a workspace, in the process that answers every other
// request, and anyone who signs up owns a workspace. So a rule's pattern runs on RE2 (re2js): time linear
// in the text, whatever the pattern. What RE2 cannot promise that for (look-around, back-references) is
// refused with a sentence saying so. Linear still has a constant: repeat counts expand the program
// ({1,999} is 999 copies), so the program size is capped too, which bounds one test of a 4,000-character
// message to a few milliseconds of the event loop.

/** The largest compiled program (RE2 instructions) a rule's pattern may have. */
export const RULE_PATTERN_MAX_SIZE = 400;

const LINEAR = 'rules run on a linear-time engine';

/** A pattern ready to test, or why it cannot run. */
export type RulePattern = { ok: true; test(text: string): boolean } | { ok: false; reason: string };

/**
 * Compile a rule's pattern for RE2, case-insensitively (as rules always were).
 * @example compileRulePattern('order\\s*#\\d+').ok // true
 * @example compileRulePattern('(?=a)') // { ok: false, reason: 'Look-around such as (?=…) … is not supported: …' }
 */
export function compileRulePattern(source: string): RulePattern {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    return { ok: false, reason: explainRefusal(error) };
  }
  const size = compiled.programSize();
  if (size > RULE_PATTERN_MAX_SIZE) {
    return {
      ok: false,
      reason:
        `The pattern is too large to run on every message (it expands to ${size} steps, at most ` +
        `${RULE_PATTERN_MAX_SIZE}): use smaller repeat counts, such as {1,50} rather than {1,500}`,
    };
  }
  return { ok: true, test: (text) => compiled.test(text) };
}

/**
 * Why `source` cannot be a rule's pattern, or null when it can.
 * @example rulePatternProblem('(a)\\1') // 'Back-references such as \\1 … are not supported: …'
 */
export function rulePatternProblem(source: string): string | null {
  const pattern = compileRulePattern(source);
  return pattern.ok ? null : pattern.reason;
}

/** A plain sentence for what RE2's parser refused. */
function explainRefusal(error: unknown): string {
  if (!(error instanceof RE2JSSyntaxException)) return 'Not a valid pattern';
  const found = error.input ?? '';
  switch (error.error) {
    case 'invalid escape sequence':
      return explainEscape(found);
    case 'invalid or unsupported Perl syntax':
      if (found === '(?=' || found === '(?!') return lookAround();
      if (found === '(?>') return `Atomic groups (?>…) are not supported: ${LINEAR}`;
      return `The group ${found} is not supported`;
    case 'invalid named capture':
      if (found.startsWith('(?<=') || found.startsWith('(?<!')) return lookAround();
      return 'Name a group as (?<name>…) with letters, digits and underscores';
    case 'invalid nested repetition operator':
      return `Possessive quantifiers such as a++, or two quantifiers in a row (${found}), are not supported`;
    case 'invalid repeat count':
      return `The repeat count ${found} is not valid: counts are at most 1000, the smaller one first`;
    case 'missing argument to repetition operator':
      return `The quantifier ${found} has nothing before it to repeat`;
    case 'missing closing ]':
      return 'A [ is never closed with ]';
    case 'missing closing )':
      return 'A ( is never closed with )';
    case 'unexpected )':
      return 'A ) has no ( to close';
    case 'trailing backslash at end of expression':
      return 'The pattern ends with a lone backslash';
    case 'duplicate capture group name':
      return `Two groups are named ${found}`;
    case 'invalid character class range':
      return `The character range or class ${found} is not valid`;
    case 'expression nests too deeply':
    case 'expression too large':
      return 'The pattern is too large to run on every message';
    default:
      return `Not a valid pattern: ${error.error}`;
  }
}

function lookAround(): string {
  return `Look-around such as (?=…), (?!…), (?<=…) or (?<!…) is not supported: ${LINEAR}`;
}

function explainEscape(sequence: string): string {
  if (/^\\[1-9]$|^\\k/u.test(sequence)) {
    return `Back-references such as \\1 or \\k<name> are not supported: ${LINEAR}`;
  }
  if (sequence.startsWith('\\u')) return 'Write a character by its code as \\x{00E9}, not \\u00E9';
  if (sequence.startsWith('\\c')) return 'Write a control character by its code as \\x{01}, not \\cA';
  return `The escape ${sequence} is not supported`;
}
