import { describe, expect, it } from 'vitest';
import { isAllowedHost } from './host-allow-list.plugin.js';

describe('isAllowedHost', () => {
  it('matches names exactly, without case or a trailing dot, and wildcards by subdomain', () => {
    const list = ['mcc.example.com', '*.corp.example', '[::1]'];
    expect(isAllowedHost('mcc.example.com', list)).toBe(true);
    expect(isAllowedHost('MCC.Example.COM.', list)).toBe(true);
    expect(isAllowedHost('evil.example.com', list)).toBe(false);
    expect(isAllowedHost('mcc.example.com.evil.net', list)).toBe(false);
    expect(isAllowedHost('a.corp.example', list)).toBe(true);
    expect(isAllowedHost('a.b.corp.example', list)).toBe(true);
    expect(isAllowedHost('corp.example', list)).toBe(false);
    expect(isAllowedHost('evilcorp.example', list)).toBe(false);
    expect(isAllowedHost('[::1]', list)).toBe(true);
    expect(isAllowedHost('', list)).toBe(false);
  });
});
