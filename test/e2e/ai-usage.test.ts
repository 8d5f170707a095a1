import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { newPersonDetails } from './support/factories.js';
import { createFirstBusiness, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

const env = sharedServerAndBrowser();

async function writeTwoVariants(page: Page, brief: string): Promise<void> {
  const card = page.getByRole('region', { name: 'Try the AI' });
  await card.getByLabel('Channel').selectOption('instagram');
  await card.getByLabel('Brief').fill(brief);
  await card.getByRole('button', { name: 'Write 2 variants' }).click();
}

describe('AI usage flow', () => {
  it('sign up → create workspace → Try the AI (offline, streamed) → usage shows the call and the chart → budget in Settings → AI pauses and resumes AI', async () => {
    const me = newPersonDetails('owner');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await page.goto('/sign-up');
    await page.getByLabel('Name').fill(me.name);
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel('Password').fill(me.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await createFirstBusiness(page, { name: 'Bluebird Bakery', industry: 'Bakery' });

    // Try the AI: no provider is configured, so the offline writer answers, streamed over SSE.
    const streamed = page.waitForResponse((response) => response.url().endsWith('/api/content/generate'));
    await writeTwoVariants(
      page,
      'Our spring menu launches Friday: three new pastries, 10% off the first weekend.',
    );
    const variants = page.getByRole('list', { name: 'Variants' }).getByRole('article');
    expect((await streamed).headers()['content-type']).toContain('text/event-stream');
    await variants.nth(1).waitFor();
    expect(await variants.count()).toBe(2);
    for (const variant of await variants.all()) {
      await variant.getByText('Offline writer').waitFor();
      await variant.getByText(/ \/ 2,200 characters on Instagram/).waitFor();
    }
    await page.getByRole('status').filter({ hasText: '2 variants written' }).waitFor();
    await shootAllLooks(page, 'ai-try');

    // The usage page counts the call and draws the chart.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'AI usage' }).click();
    await page.getByRole('heading', { name: 'AI usage', level: 1 }).waitFor();
    const calls = page.getByRole('definition').first();
    await calls.waitFor();
    expect(Number(await calls.textContent())).toBeGreaterThanOrEqual(1);
    // Offline calls cost nothing, so the chart opens on calls; arrow keys read one day at a time.
    const chart = page.getByRole('img', { name: /AI calls per day/ });
    await chart.waitFor();
    await chart.focus();
    await page.keyboard.press('End');
    await page.getByText(/day, .*: 1 call, \$0\.00$/).waitFor({ state: 'attached' });
    await page.getByRole('radio', { name: 'Cost' }).check({ force: true });
    await page.getByRole('img', { name: /AI cost per day/ }).waitFor();
    const recent = page.getByRole('region', { name: 'Recent AI calls' });
    await recent.getByRole('cell', { name: 'Write content' }).first().waitFor();
    await recent.getByText('Offline writer').first().waitFor();
    await recent.getByText('OK').first().waitFor();
    await page.getByText('7 days').click();
    await page.waitForURL(/\?days=7$/);
    await page.getByRole('img', { name: /AI cost per day/ }).waitFor();
    await page.getByRole('radio', { name: 'Calls' }).check({ force: true });
    await page.getByRole('img', { name: /AI calls per day/ }).focus();
    await shootAllLooks(page, 'ai-usage');

    // Settings → AI: the workspace's own endpoint. The key is write-only: only its last four come back.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'AI', exact: true })
      .click();
    const provider = page.getByRole('region', { name: 'AI provider' });
    await provider.getByText('Offline writer — built in, no key, no cost', { exact: false }).waitFor();
    await provider.getByLabel('Model').fill('gpt-4o-mini');
    await provider.getByLabel('API key').fill('sk-e2e-never-shown-9876');
    await provider.getByRole('button', { name: 'Save provider' }).click();
    await toast(page, 'AI provider saved');
    await provider.getByText("This workspace's own endpoint:").waitFor();
    await provider.getByText('•••• 9876').waitFor();
    expect(await provider.getByLabel('API key').inputValue()).toBe('');
    expect(await page.content()).not.toContain('sk-e2e-never-shown');

    // A budget of $0 pauses model requests at once, before any token is spent.
    const budget = page.getByRole('region', { name: 'Monthly budget' });
    await budget.getByLabel('No limit').uncheck();
    await budget.getByLabel('Monthly limit (US dollars)').fill('0');
    await budget.getByRole('button', { name: 'Save budget' }).click();
    await toast(page, 'AI budget set to $0.00 a month');
    await budget
      .getByText('AI requests are paused: this workspace has spent its monthly budget. Raise it below.')
      .waitFor();
    await budget.getByText('$0.00 left').waitFor();
    await shootAllLooks(page, 'ai-settings-exceeded');

    // The 402 on the dashboard says why and links to where the budget is raised.
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await writeTwoVariants(page, 'Fresh sourdough every morning from 7am.');
    const raise = page.getByRole('link', { name: 'Raise the budget in Settings → AI' });
    await raise.waitFor();
    await shootAllLooks(page, 'ai-try-over-budget');
    await raise.click();

    // Raise it to $5 a month: the meter shows what is left and AI is no longer paused.
    const raised = page.getByRole('region', { name: 'Monthly budget' });
    await raised.getByLabel('Monthly limit (US dollars)').fill('5');
    await raised.getByRole('button', { name: 'Save budget' }).click();
    await toast(page, 'AI budget set to $5.00 a month');
    await raised.getByRole('meter', { name: 'Monthly AI budget used' }).waitFor();
    await raised.getByText('$5.00 left').waitFor();
    expect(await raised.getByText(/AI requests are paused/).count()).toBe(0);
    await shootAllLooks(page, 'ai-settings');

    // Back to the server default, which on this server is the offline writer.
    await page.getByRole('button', { name: 'Use the server default' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Use the server default' }).click();
    await toast(page, 'This workspace now uses the server default');
    await provider.getByText('Offline writer — built in, no key, no cost', { exact: false }).waitFor();

    expect(errors.filter((error) => !/402 \(Payment Required\)/.test(error))).toEqual([]);
    await context.close();
  });
});
