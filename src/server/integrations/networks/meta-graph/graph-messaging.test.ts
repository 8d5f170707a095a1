import { describe, expect, it } from 'vitest';
import { metaDirectMessageId, recipientOf } from './graph-messaging.js';

describe('direct message ids', () => {
  it('carry the person to answer, and stay stable and within the inbox’s 200 characters', () => {
    const id = metaDirectMessageId('6543210987654321', 'm_AbC-1');
    expect(id).toBe('dm:6543210987654321:m_AbC-1');
    expect(recipientOf(id)).toBe('6543210987654321');

    const long = 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj'.repeat(6);
    const hashed = metaDirectMessageId('17841400000000001', long);
    expect(hashed.length).toBeLessThanOrEqual(200);
    expect(hashed).toBe(metaDirectMessageId('17841400000000001', long));
    expect(hashed).not.toBe(metaDirectMessageId('17841400000000001', `${long}x`));
    expect(recipientOf(hashed)).toBe('17841400000000001');

    const colon = metaDirectMessageId('6543210987654321', 'mid.1457764197618:41d102a3e1ae206a38');
    expect(colon).toMatch(/^dm:6543210987654321:#[\w-]+$/);
    expect(recipientOf(colon)).toBe('6543210987654321');
  });

  it('are told apart from comment ids', () => {
    expect(recipientOf('112233_445566')).toBeNull();
    expect(recipientOf('17990000000000001')).toBeNull();
    expect(recipientOf('dm:not-a-person:m_1')).toBeNull();
  });
});
