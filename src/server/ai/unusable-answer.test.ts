import { describe, expect, it } from 'vitest';
import { describeUnusableAnswer, diagnosticsOf } from './unusable-answer.js';

const NEXT = 'nothing was saved. Try again or choose another model.';

describe('describeUnusableAnswer', () => {
  it('names the part of the answer at fault in everyday words, never the schema path', () => {
    const sentence = describeUnusableAnswer([
      'items.0.time: Invalid string: must match pattern /^([01]\\d|2[0-3]):[0-5]\\d$/',
      'items.3.time: Invalid string: must match pattern /^([01]\\d|2[0-3]):[0-5]\\d$/',
    ]);
    expect(sentence).toBe(`The model's answer had posting times we could not read; ${NEXT}`);
  });

  it('lists two kinds of fault and sums up the rest', () => {
    expect(
      describeUnusableAnswer([
        'items.0.date: Invalid ISO date',
        'items.1.channel: Invalid option',
        'variants.0.hashtags.2: Invalid string',
      ]),
    ).toBe(
      `The model's answer had dates we could not read, channels we do not publish to and other problems; ${NEXT}`,
    );
  });

  it('recognises the task rules and unreadable JSON', () => {
    expect(describeUnusableAnswer(['The answer was not valid JSON (Unexpected token S).'])).toBe(
      `The model's answer had no data we could read; ${NEXT}`,
    );
    expect(describeUnusableAnswer(['Return exactly 3 variants, not 2.'])).toContain(
      'the wrong number of variants',
    );
  });

  it('falls back to a general sentence for a problem it does not know', () => {
    expect(describeUnusableAnswer(['(root): Invalid input'])).toBe(
      `The model's answer did not fit the form we asked for; ${NEXT}`,
    );
  });
});

describe('diagnosticsOf', () => {
  it('keeps every problem for the ledger, bounded to its column', () => {
    expect(diagnosticsOf(['items.0.time: Invalid string'])).toBe(
      'Invalid after one repair attempt: items.0.time: Invalid string',
    );
    expect(diagnosticsOf(Array.from({ length: 100 }, () => 'x'.repeat(50))).length).toBe(2000);
  });
});
