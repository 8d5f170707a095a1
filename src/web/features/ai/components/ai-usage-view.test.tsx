import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type AiCall, aiCallSchema, usageResponseSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { type FakeApi, json, problem } from '#web/test/fake-api.js';
import { aBusiness, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { rangeOfLastDays } from '../usage-range.js';
import { AiUsageView } from './ai-usage-view.js';

const business = aBusiness();
const totals = { calls: 1, prompt_tokens: 0, completion_tokens: 0, cost_micro_usd: 0, errors: 0 };

/** One offline call today, whatever range is asked for, and the call itself in the recent list. */
function serveUsage(api: FakeApi, call: Partial<AiCall> = {}) {
  const today = rangeOfLastDays(1).to;
  return api
    .on('GET', API.aiUsage, ({ query }) =>
      json(
        usageResponseSchema.parse({
          from: query.get('from'),
          to: query.get('to'),
          totals,
          by_day: [{ ...totals, day: today }],
          by_task: [{ ...totals, task: 'writeContent' }],
          by_model: [{ ...totals, model: 'offline' }],
          budget: {
            monthly_limit_micro_usd: null,
            spent_this_month_micro_usd: 0,
            remaining_micro_usd: null,
            month_start: `${today.slice(0, 8)}01T00:00:00.000Z`,
            exceeded: false,
          },
        }),
      ),
    )
    .on(
      'GET',
      API.aiCalls,
      json({
        items: [
          aiCallSchema.parse({
            id: anId(),
            task: 'writeContent',
            task_version: '1',
            provider: 'offline',
            model: 'offline',
            user_id: null,
            prompt_tokens: 0,
            completion_tokens: 0,
            cost_micro_usd: 0,
            price_known: true,
            estimated: false,
            latency_ms: 12,
            attempts: 1,
            outcome: 'ok',
            error_code: null,
            error_message: null,
            created_at: `${today}T08:00:00.000Z`,
            ...call,
          }),
        ],
        next_cursor: null,
      }),
    );
}

function renderUsage(url = `/w/${business.id}/ai-usage`) {
  return renderWithProviders(<AiUsageView business={business} />, { url, route: '/w/:businessId/ai-usage' });
}

describe('AiUsageView', () => {
  it('counts the calls and opens free usage on calls per day, read a day at a time from the keyboard', async () => {
    serveUsage(fakeApi());
    const { user } = renderUsage();

    const calls = (await screen.findByText('Calls', { selector: 'dt' })).nextElementSibling;
    expect(calls?.textContent).toBe('1');
    const chart = screen.getByRole('img', { name: /^AI calls per day/ });
    chart.focus();
    await user.keyboard('{End}');
    expect(screen.getByText(/day, .*: 1 call, \$0\.00$/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Cost' }));
    expect(screen.getByRole('img', { name: /^AI cost per day/ })).toBeTruthy();

    const recent = screen.getByRole('region', { name: 'Recent AI calls' });
    expect(await within(recent).findByRole('cell', { name: 'Write content' })).toBeTruthy();
    expect(within(recent).getByText('Offline writer')).toBeTruthy();
    expect(within(recent).getByText('OK')).toBeTruthy();
  });

  it('marks a call whose tokens were counted here, and shows its failure as people read it', async () => {
    serveUsage(fakeApi(), {
      provider: 'openai-compatible',
      model: 'gpt-4o-mini',
      prompt_tokens: 812,
      outcome: 'error',
      estimated: true,
      error_code: 'ai_provider_error',
      error_message: 'The AI provider did not answer in time; nothing was saved.',
    });
    renderUsage();

    const recent = await screen.findByRole('region', { name: 'Recent AI calls' });
    const tokens = await within(recent).findByRole('cell', { name: /^812 \/ 0/ });
    expect(within(tokens).getByText('estimated')).toBeTruthy();
    expect(
      within(recent).getByText('The AI provider did not answer in time; nothing was saved.'),
    ).toBeTruthy();
  });

  it('keeps the range in the address and asks for those days', async () => {
    const api = serveUsage(fakeApi());
    const { user, location } = renderUsage();
    await screen.findByRole('img', { name: /^AI calls per day/ });

    await user.click(screen.getByRole('radio', { name: '7 days' }));

    expect(location()).toBe(`/w/${business.id}/ai-usage?days=7`);
    await screen.findByRole('img', { name: /^AI calls per day/ });
    const asked = api.sent('GET', API.aiUsage).at(-1)?.query;
    expect(asked?.get('from')).toBe(rangeOfLastDays(7).from);
  });

  it('explains usage that could not be loaded, and tries again', async () => {
    const api = serveUsage(fakeApi()).on('GET', API.aiUsage, problem(503, 'service_unavailable'));
    const { user } = renderUsage();

    expect((await screen.findByRole('alert')).textContent).toMatch(/^The server is temporarily unavailable/);
    serveUsage(api);
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('img', { name: /^AI calls per day/ })).toBeTruthy();
  });
});
