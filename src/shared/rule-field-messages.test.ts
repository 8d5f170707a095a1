import { describe, expect, it } from 'vitest';
import { RULE_FIELD_MESSAGES, ruleFieldMessage } from './rule-field-messages.js';

describe('ruleFieldMessage', () => {
  it('fills every placeholder, leaving none', () => {
    expect(ruleFieldMessage('outsideCampaign', { start: '2026-12-07', end: '2026-12-24' })).toBe(
      'The campaign runs from 2026-12-07 to 2026-12-24; pick dates that overlap it',
    );
    expect(ruleFieldMessage('invitedAddress', { email: 'ana@example.com' })).toBe(
      'Sign up with the address the invitation was sent to: ana@example.com',
    );
  });

  it('gives a message without placeholders as it is', () => {
    expect(ruleFieldMessage('attachFile')).toBe(RULE_FIELD_MESSAGES.attachFile);
  });
});
