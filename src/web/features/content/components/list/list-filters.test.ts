import { describe, expect, it } from 'vitest';
import { readListFilters, toQuery, writeListFilters } from './list-filters.js';

describe('content list filters in the URL', () => {
  it('reads known values and leaves out unknown or malformed ones', () => {
    const params = new URLSearchParams(
      'status=in_review&channel=myspace&q=%20bread%20&from=2026-02-30&to=2026-03-01&campaign=c1',
    );
    expect(readListFilters(params)).toEqual({
      status: 'in_review',
      q: 'bread',
      to: '2026-03-01',
      campaign: 'c1',
    });
    expect(readListFilters(new URLSearchParams('status=deleted&from=2026-03-05&to=2026-03-01'))).toEqual({
      from: '2026-03-05',
    });
  });

  it('writes the filters, keeping other parameters', () => {
    const next = writeListFilters(new URLSearchParams('view=table&status=draft&q=old'), {
      status: 'approved',
    });
    expect(next.toString()).toBe('view=table&status=approved');
  });

  it('turns the days into the workspace’s midnights, the last day inclusive', () => {
    expect(toQuery({ from: '2026-03-08', to: '2026-03-08', campaign: 'c1' }, 'America/New_York')).toEqual({
      campaign_id: 'c1',
      // The clocks go forward that night: the next day starts an hour earlier in UTC.
      from: '2026-03-08T05:00:00.000Z',
      to: '2026-03-09T04:00:00.000Z',
    });
  });
});
