import { describe, expect, it } from 'vitest';
import { overviewRange } from './overview-range.js';

const NOW = new Date('2026-03-31T22:00:00Z');

describe('overviewRange', () => {
  it('reads the range from the URL, putting a reversed one the right way round', () => {
    expect(overviewRange(new URLSearchParams('from=2026-03-01&to=2026-03-10'), NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    expect(overviewRange(new URLSearchParams('from=2026-03-10&to=2026-03-01'), NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
  });

  it('falls back to the last 30 UTC days, today included', () => {
    expect(overviewRange(new URLSearchParams('from=yesterday'), NOW)).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
    });
  });
});
