import { afterEach, describe, expect, it } from 'vitest';
import { setWorkspaceRegion } from '#web/lib/workspace-format.js';
import { toMajorInput, toMinor } from './campaign-format.js';

describe('campaign money', () => {
  afterEach(() => setWorkspaceRegion(undefined));

  it('turns typed amounts into minor units', () => {
    setWorkspaceRegion({ locale: 'en-GB', time_zone: 'Europe/London' });
    expect(toMinor('1,500.5', 'EUR')).toBe(150050);
    expect(toMinor('1500', 'JPY')).toBe(1500);
    expect(toMinor('0.1', 'USD')).toBe(10);
    expect(toMinor('-3', 'USD')).toBeUndefined();
    expect(toMinor('abc', 'USD')).toBeUndefined();
    expect(toMinor('1.2.3', 'USD')).toBeUndefined();
  });

  it('reads amounts with the workspace’s separators, and writes them back so', () => {
    setWorkspaceRegion({ locale: 'fr-FR', time_zone: 'Europe/Paris' });
    // Typed with a plain space, a no-break space, or none; a point still reads as the decimal separator.
    expect(toMinor('1 500,50', 'EUR')).toBe(150050);
    expect(toMinor('1\u202f500,5', 'EUR')).toBe(150050);
    expect(toMinor('1500.5', 'EUR')).toBe(150050);
    expect(toMajorInput(150050, 'EUR')).toBe('1500,50');
    setWorkspaceRegion({ locale: 'de-DE', time_zone: 'Europe/Berlin' });
    expect(toMinor('1.500,50', 'EUR')).toBe(150050);
    expect(toMajorInput(150050, 'EUR')).toBe('1500,50');
    setWorkspaceRegion({ locale: 'en-GB', time_zone: 'Europe/London' });
    expect(toMajorInput(150050, 'EUR')).toBe('1500.50');
    expect(toMajorInput(1500, 'JPY')).toBe('1500');
  });
});
