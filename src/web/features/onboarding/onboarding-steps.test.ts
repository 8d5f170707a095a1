import { describe, expect, it } from 'vitest';
import { ONBOARDING_STEPS, stepFromParams } from './onboarding-steps.js';

describe('stepFromParams', () => {
  it('keeps a person without a business on the first step, whatever the address says', () => {
    expect(stepFromParams('3', undefined)).toBe(1);
    expect(stepFromParams(null, undefined)).toBe(1);
  });

  it('resumes a known step once the business exists', () => {
    expect(stepFromParams('1', 'b1')).toBe(1);
    expect(stepFromParams('3', 'b1')).toBe(3);
  });

  it('falls back to the first brand step for a missing or unreadable step, and caps at the last', () => {
    expect(stepFromParams(null, 'b1')).toBe(2);
    expect(stepFromParams('two', 'b1')).toBe(2);
    expect(stepFromParams('0', 'b1')).toBe(2);
    expect(stepFromParams('1.5', 'b1')).toBe(2);
    expect(stepFromParams('9', 'b1')).toBe(ONBOARDING_STEPS.length);
  });
});
