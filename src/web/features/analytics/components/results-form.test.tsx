import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { addDays, todayIn } from '#shared/zoned-time.js';
import { json, problem } from '#web/test/fake-api.js';
import { aBusiness, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ResultsForm } from './results-form.js';

const business = aBusiness({ time_zone: 'Pacific/Kiritimati' });
const itemId = anId();
/** Today where the workspace is, which the form defaults to and never goes past. */
const today = todayIn(business.time_zone);

function renderForm() {
  return renderWithProviders(<ResultsForm business={business} itemId={itemId} />);
}

const aRow = (body: Record<string, unknown>) => ({
  content_item_id: itemId,
  impressions: 0,
  reach: 0,
  engagements: 0,
  clicks: 0,
  conversions: 0,
  spend_minor: 0,
  currency: null,
  source: 'manual',
  updated_at: '2026-12-07T10:00:00.000Z',
  ...body,
});

describe('ResultsForm', () => {
  it('records the day’s counts, blanks as 0, dated today in the workspace by default', async () => {
    const rows: Record<string, unknown>[] = [
      aRow({ day: '2026-11-30', impressions: 900, source: 'mastodon' }),
    ];
    const api = fakeApi()
      .on('GET', API.contentResults(itemId), () => json({ items: rows }))
      .on('POST', API.contentResults(itemId), ({ body }) => {
        const row = aRow(body as Record<string, unknown>);
        rows.unshift(row);
        return json(row);
      });
    const { user } = renderForm();
    expect((screen.getByLabelText('Day') as HTMLInputElement).value).toBe(today);
    expect(screen.getByLabelText('Day').getAttribute('max')).toBe(today);

    await user.type(screen.getByLabelText('Impressions'), '1200');
    await user.type(screen.getByLabelText('Engagements'), '85');
    await user.type(screen.getByLabelText('Clicks'), '30');
    await user.click(screen.getByRole('button', { name: 'Save results' }));

    expect(await screen.findByText(/^Results for .* saved$/)).toBeTruthy();
    expect(api.sent('POST', API.contentResults(itemId)).map((request) => request.body)).toEqual([
      { day: today, impressions: 1200, reach: 0, engagements: 85, clicks: 30, conversions: 0 },
    ]);
    // The recorded days, the new one on top, each saying who wrote it.
    const table = await screen.findByRole('region', { name: 'Recorded results' });
    await within(table).findByText('1,200');
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(within(first as HTMLElement).getByText('By hand')).toBeTruthy();
    expect(within(second as HTMLElement).getByText('Mastodon')).toBeTruthy();
  });

  it('refuses a day in the future and more clicks than impressions before asking the server', async () => {
    const api = fakeApi().on('GET', API.contentResults(itemId), json({ items: [] }));
    const { user } = renderForm();
    const day = screen.getByLabelText('Day');
    await user.clear(day);
    await user.type(day, addDays(today, 1));
    await user.type(screen.getByLabelText('Impressions'), '10');
    await user.type(screen.getByLabelText('Clicks'), '11');
    await user.click(screen.getByRole('button', { name: 'Save results' }));

    expect(await screen.findByText(/^Results cannot be dated in the future/)).toBeTruthy();
    expect(screen.getByText('More clicks than impressions')).toBeTruthy();
    expect(screen.getByLabelText('Day').getAttribute('aria-invalid')).toBe('true');
    expect(api.sent('POST', API.contentResults(itemId))).toEqual([]);
  });

  it('shows the server’s problem beside its field', async () => {
    fakeApi()
      .on('GET', API.contentResults(itemId), json({ items: [] }))
      .on(
        'POST',
        API.contentResults(itemId),
        problem(400, 'validation_failed', 'Results cannot be dated in the future', [
          {
            path: 'body.day',
            message: 'Results cannot be dated in the future (today is 2026-12-06)',
            code: 'future_date',
          },
        ]),
      );
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Reach'), '5');
    await user.click(screen.getByRole('button', { name: 'Save results' }));

    expect(
      await screen.findByText('Results cannot be dated in the future (today is 2026-12-06)'),
    ).toBeTruthy();
    expect(screen.getByLabelText('Day').getAttribute('aria-invalid')).toBe('true');
  });
});
