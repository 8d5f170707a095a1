import { describe, expect, it } from 'vitest';
import { RULE_TEXT_LIMIT } from './inbox-rule-matcher.js';
import { compileRulePattern, RULE_PATTERN_MAX_SIZE, rulePatternProblem } from './inbox-rule-pattern.js';

const LINEAR = 'rules run on a linear-time engine';

/** A compiled pattern's test, failing loudly when the pattern was refused. */
function tester(source: string): (text: string) => boolean {
  const pattern = compileRulePattern(source);
  if (!pattern.ok) throw new Error(`${source} was refused: ${pattern.reason}`);
  return pattern.test;
}

describe('rule patterns on RE2', () => {
  // A backtracking engine takes hours or more on these; RE2 answers in one pass over the text, so each
  // test below returns at all (and quickly, see the integration test and the report for timings).
  const noBang = `${'a'.repeat(RULE_TEXT_LIMIT - 1)}?`;
  const bang = `${'a'.repeat(RULE_TEXT_LIMIT - 1)}!`;
  it.each([
    ['\\w*\\w*\\w*!', false, true],
    ['(a+)+$', false, false],
    ['(a+)+\\?$', true, false],
    ['(a|a)*b', false, false],
    ['(\\w*)*x', false, false],
    ['(x+x+)+y', false, false],
    ['(a|aa)+\\?$', true, false],
    ['^(\\w+\\s?)*$', false, false],
    ['(.*a){20}!', false, true],
  ])('runs the hostile pattern %s on a 4,000-character message', (source, onNoBang, onBang) => {
    const test = tester(source);
    expect(test(noBang)).toBe(onNoBang);
    expect(test(bang)).toBe(onBang);
  });

  it('tests case-insensitively, Unicode letters included, like the JavaScript patterns rules had', () => {
    expect(tester('order\\s*#?\\d{4,}')('Where is ORDER #12345')).toBe(true);
    expect(tester('café')('CAFÉ CREMA')).toBe(true);
    expect(tester('^hi\\b')('Hi there')).toBe(true);
    expect(tester('refund|money back')('I want my Money Back')).toBe(true);
    expect(tester('[a-z]+@[a-z]+\\.com')('write to ANA@SHOP.COM')).toBe(true);
    expect(tester('\\p{Lu}{3}')('abc')).toBe(true);
    expect(tester('refund')('refurbished')).toBe(false);
  });

  it.each([
    ['refund(?!ed)', `Look-around such as (?=…), (?!…), (?<=…) or (?<!…) is not supported: ${LINEAR}`],
    ['(?=refund)', `Look-around such as (?=…), (?!…), (?<=…) or (?<!…) is not supported: ${LINEAR}`],
    ['(?<=order )\\d+', `Look-around such as (?=…), (?!…), (?<=…) or (?<!…) is not supported: ${LINEAR}`],
    ['(?<!not )happy', `Look-around such as (?=…), (?!…), (?<=…) or (?<!…) is not supported: ${LINEAR}`],
    ['(a)\\1', `Back-references such as \\1 or \\k<name> are not supported: ${LINEAR}`],
    ['(?<w>\\w)\\k<w>', `Back-references such as \\1 or \\k<name> are not supported: ${LINEAR}`],
    ['(?>a+)b', `Atomic groups (?>…) are not supported: ${LINEAR}`],
    ['a++', 'Possessive quantifiers such as a++, or two quantifiers in a row (++), are not supported'],
    ['caf\\u00e9', 'Write a character by its code as \\x{00E9}, not \\u00E9'],
    ['[a-z', 'A [ is never closed with ]'],
    ['(refund', 'A ( is never closed with )'],
    ['a{1001}', 'The repeat count {1001} is not valid: counts are at most 1000, the smaller one first'],
    ['*refund', 'The quantifier * has nothing before it to repeat'],
  ])('refuses %s and says why', (source, reason) => {
    expect(compileRulePattern(source)).toEqual({ ok: false, reason });
    expect(rulePatternProblem(source)).toBe(reason);
  });

  it('refuses a pattern whose repeat counts expand it past the size that keeps one test short', () => {
    expect(rulePatternProblem(`[\\s\\S]{${RULE_PATTERN_MAX_SIZE}}!`)).toMatch(
      /^The pattern is too large to run on every message \(it expands to \d+ steps, at most 400\)/,
    );
    expect(rulePatternProblem('.{0,80}refund.{0,80}')).toBeNull();
  });

  it('accepts the patterns people write for support inboxes', () => {
    for (const source of [
      'order\\s*#?\\d{4,}',
      '\\b(refund|money back|chargeback)s?\\b',
      '[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}',
      '^(hi|hello|hey)\\b',
      '\\+?\\d[\\d ()-]{7,}\\d',
    ]) {
      expect(rulePatternProblem(source), source).toBeNull();
    }
  });
});
