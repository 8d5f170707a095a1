import { describe, expect, it } from 'vitest';
import { shortcutFor } from './use-inbox-shortcuts.js';

/** A stand-in for a focused element: only `closest` is consulted. */
function element(matchesTyping: boolean): EventTarget {
  return { closest: () => (matchesTyping ? {} : null) } as unknown as EventTarget;
}

const press = (key: string, overrides: Partial<KeyboardEvent> = {}) =>
  shortcutFor({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target: element(false),
    ...overrides,
  });

describe('shortcutFor', () => {
  it('maps j, k, r and e on the page', () => {
    expect(press('j')).toBe('next');
    expect(press('k')).toBe('previous');
    expect(press('r')).toBe('reply');
    expect(press('e')).toBe('resolve');
    expect(press('x')).toBeUndefined();
  });

  it('ignores keys typed into a field', () => {
    expect(press('e', { target: element(true) })).toBeUndefined();
  });

  it('ignores keys with a modifier or already handled', () => {
    expect(press('r', { ctrlKey: true })).toBeUndefined();
    expect(press('r', { metaKey: true })).toBeUndefined();
    expect(press('j', { altKey: true })).toBeUndefined();
    expect(press('j', { defaultPrevented: true })).toBeUndefined();
  });
});
