import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  type AiProviderSettings,
  aiProviderSettingsSchema,
  type BudgetStatus,
  budgetStatusSchema,
} from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import type { Business } from '#shared/business.schema.js';
import type { Role } from '#shared/roles.js';
import { type FakeApi, json, problem } from '#web/test/fake-api.js';
import { aBusiness } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { AiSettingsView } from './ai-settings-view.js';

const OFFLINE = aiProviderSettingsSchema.parse({
  source: 'offline',
  base_url: null,
  model: 'offline',
  api_key_last4: null,
  updated_at: null,
});

function budgetOf(limit: number | null, spent = 0, monthStart = '2026-03-01T00:00:00.000Z'): BudgetStatus {
  return budgetStatusSchema.parse({
    monthly_limit_micro_usd: limit,
    spent_this_month_micro_usd: spent,
    remaining_micro_usd: limit === null ? null : Math.max(0, limit - spent),
    month_start: monthStart,
    exceeded: limit !== null && spent >= limit,
  });
}

/** Settings → AI's endpoints over one workspace's provider and budget, as the API keeps them. */
function serveAiSettings(api: FakeApi, business: Business) {
  let provider: AiProviderSettings = OFFLINE;
  let budget = budgetOf(null);
  return api
    .on('GET', API.aiProvider(business.id), () => json(provider))
    .on('PUT', API.aiProvider(business.id), ({ body }) => {
      const { model, base_url, api_key } = body as {
        model: string;
        base_url: string | null;
        api_key?: string;
      };
      provider = aiProviderSettingsSchema.parse({
        source: 'workspace',
        base_url,
        model,
        api_key_last4: api_key ? api_key.slice(-4) : null,
        updated_at: '2026-03-02T10:00:00.000Z',
      });
      return json(provider);
    })
    .on('DELETE', API.aiProvider(business.id), () => {
      provider = OFFLINE;
      return json(provider);
    })
    .on('GET', API.aiBudget(business.id), () => json(budget))
    .on('PUT', API.aiBudget(business.id), ({ body }) => {
      budget = budgetOf((body as { monthly_limit_micro_usd: number | null }).monthly_limit_micro_usd);
      return json(budget);
    });
}

function renderSettings(role: Role = 'owner') {
  const business = aBusiness({ role });
  const api = serveAiSettings(fakeApi(), business);
  return { ...renderWithProviders(<AiSettingsView business={business} />), api, business };
}

/** The provider card, once the provider has loaded. */
async function providerCard() {
  await screen.findByRole('heading', { name: 'AI provider' });
  const card = screen.getByRole('region', { name: 'AI provider' });
  await within(card).findAllByText(/^(Offline writer|Server default|Own endpoint)$/);
  return card;
}

/** The budget card, once the budget has loaded (the loading card is another element). */
async function budgetCard() {
  await screen.findByText(/spent this month|left$/);
  return screen.getByRole('region', { name: 'Monthly budget' });
}

describe('AiSettingsView', () => {
  it('names the budget month as the workspace’s, in its time zone, not the browser’s', async () => {
    // Midnight on 1 December in Tokyo is 15:00 on 30 November in UTC (this test's browser zone).
    const business = aBusiness({ role: 'editor', time_zone: 'Asia/Tokyo' });
    fakeApi()
      .on('GET', API.aiProvider(business.id), json(OFFLINE))
      .on('GET', API.aiBudget(business.id), json(budgetOf(null, 0, '2026-11-30T15:00:00.000Z')));
    renderWithProviders(<AiSettingsView business={business} />);

    const description = await screen.findByText(/^Spending/);
    expect(description.textContent).toMatch(
      /^Spending in December, from midnight on (1 December|December 1) in Asia\/Tokyo\./,
    );
    expect(description.textContent).not.toMatch(/Nov/);
  });

  it('keeps a saved API key write-only: only its last four characters come back', async () => {
    const { user, api, business } = renderSettings();
    const provider = await providerCard();
    expect(await within(provider).findByText(/built in, no key, no cost/)).toBeTruthy();

    await user.type(within(provider).getByLabelText('Model'), 'gpt-4o-mini');
    await user.type(within(provider).getByLabelText('API key'), 'sk-never-shown-9876');
    await user.click(within(provider).getByRole('button', { name: 'Save provider' }));

    expect(await screen.findByText('AI provider saved')).toBeTruthy();
    expect(api.sent('PUT', API.aiProvider(business.id))[0]?.body).toMatchObject({
      model: 'gpt-4o-mini',
      api_key: 'sk-never-shown-9876',
    });
    expect(await within(provider).findByText('•••• 9876')).toBeTruthy();
    expect(within(provider).getByLabelText<HTMLInputElement>('API key').value).toBe('');
    expect(document.body.innerHTML).not.toContain('sk-never-shown');
  });

  it('goes back to the server default after asking', async () => {
    const { user } = renderSettings();
    const provider = await providerCard();
    await user.type(within(provider).getByLabelText('Model'), 'llama3.1');
    await user.click(within(provider).getByRole('button', { name: 'Save provider' }));

    await user.click(await within(provider).findByRole('button', { name: 'Use the server default' }));
    const dialog = screen.getByRole('dialog', { name: 'Use the server default?' });
    await user.click(within(dialog).getByRole('button', { name: 'Use the server default' }));

    expect(await screen.findByText('This workspace now uses the server default')).toBeTruthy();
    expect(await within(provider).findByText(/built in, no key, no cost/)).toBeTruthy();
  });

  it('pauses AI at a budget of $0 and says so; raising it shows what is left', async () => {
    const { user } = renderSettings();
    const budget = await budgetCard();
    expect(await within(budget).findByText('no limit')).toBeTruthy();

    await user.click(within(budget).getByRole('checkbox', { name: 'No limit' }));
    await user.type(within(budget).getByLabelText('Monthly limit (US dollars)'), '0');
    await user.click(within(budget).getByRole('button', { name: 'Save budget' }));

    expect(await screen.findByText('AI budget set to $0.00 a month')).toBeTruthy();
    expect(
      await within(await budgetCard()).findByText(
        'AI requests are paused: this workspace has spent its monthly budget. Raise it below.',
      ),
    ).toBeTruthy();
    expect(within(await budgetCard()).getByText('$0.00 left')).toBeTruthy();

    const amount = within(await budgetCard()).getByLabelText('Monthly limit (US dollars)');
    await user.clear(amount);
    await user.type(amount, '5');
    await user.click(within(await budgetCard()).getByRole('button', { name: 'Save budget' }));

    expect(await screen.findByText('AI budget set to $5.00 a month')).toBeTruthy();
    const raised = await budgetCard();
    expect(await within(raised).findByText('$5.00 left')).toBeTruthy();
    expect(within(raised).getByRole('meter', { name: 'Monthly AI budget used' })).toBeTruthy();
    expect(within(raised).queryByText(/AI requests are paused/)).toBeNull();
  });

  it('asks for an amount it can read', async () => {
    const { user, api, business } = renderSettings();
    const budget = await budgetCard();
    await within(budget).findByText('no limit');

    await user.click(within(budget).getByRole('checkbox', { name: 'No limit' }));
    await user.type(within(budget).getByLabelText('Monthly limit (US dollars)'), 'ten dollars');
    await user.click(within(budget).getByRole('button', { name: 'Save budget' }));

    expect(
      await within(budget).findByText('Enter an amount in US dollars, such as 10 or 12.50'),
    ).toBeTruthy();
    expect(api.sent('PUT', API.aiBudget(business.id))).toEqual([]);
  });

  it('lets an editor read the settings but not change them', async () => {
    renderSettings('editor');

    expect(
      await within(await budgetCard()).findByText('Only owners and admins can change the budget.'),
    ).toBeTruthy();
    expect(
      await within(await providerCard()).findByText('Only owners and admins can change the AI provider.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Save/ })).toBeNull();
  });

  it('shows a viewer no AI settings and loads none', () => {
    const api = fakeApi();
    renderWithProviders(<AiSettingsView business={aBusiness({ role: 'viewer' })} />);

    expect(screen.getByText('Only owners, admins and editors can see the AI settings.')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it('explains a budget that could not be loaded', async () => {
    const business = aBusiness();
    serveAiSettings(fakeApi(), business).on('GET', API.aiBudget(business.id), problem(500, 'internal_error'));
    renderWithProviders(<AiSettingsView business={business} />);

    const budget = await screen.findByRole('region', { name: 'Monthly budget' });
    expect((await within(budget).findByRole('alert')).textContent).toMatch(
      /^Something went wrong on our side\./,
    );
  });
});
