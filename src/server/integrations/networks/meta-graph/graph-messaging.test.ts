import { describe, expect, it } from 'vitest';
import { directMessageId, recipientOf } from './graph-messaging.js';

describe('direct message ids', () => {
  it('carry the person to answer, and stay stable and within the inbox’s 200 characters', () => {
    const id = directMessageId('6543210987654321', 'm_AbC-1');
    expect(id).toBe('dm:6543210987654321:m_AbC-1');
    expect(recipientOf(id)).toBe('6543210987654321');

    const long = 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj'.repeat(6);
    const hashed = directMessageId('17841400000000001', long);
    expect(hashed.length).toBeLessThanOrEqual(200);
    expect(hashed).toBe(directMessageId('17841400000000001', long));
    expect(hashed).not.toBe(directMessageId('17841400000000001', `${long}x`));
    expect(recipientOf(hashed)).toBe('17841400000000001');
  });

  it('are told apart from comment ids', () => {
    expect(recipientOf('112233_445566')).toBeNull();
    expect(recipientOf('17990000000000001')).toBeNull();
    expect(recipientOf('dm:not-a-person:m_1')).toBeNull();
  });
});
