import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('x'.repeat(48));

  it('round-trips and never repeats a ciphertext', () => {
    const a = box.seal('sk-live-1234');
    expect(box.open(a)).toBe('sk-live-1234');
    expect(box.seal('sk-live-1234')).not.toBe(a);
    expect(a).not.toContain('sk-live');
  });

  it('refuses another key and tampering', () => {
    const sealed = box.seal('sk-live-1234');
    expect(() => new SecretBox('y'.repeat(48)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('sk-evil-0000').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => box.open('garbage')).toThrow();
  });
});
