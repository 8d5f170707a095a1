import { describe, expect, it } from 'vitest';
import type { Campaign } from '#shared/campaign.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import { addDays, todayIn } from '#shared/zoned-time.js';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks, shootPage } from './support/screenshots.js';

const env = sharedServerAndBrowser();
const HEADER = 'content_item_id,day,impressions,reach,engagements,clicks,conversions,spend_minor,currency';

/** The workspace's time zone (seedBusiness's default): its days date results and campaigns. */
const WORKSPACE_TIME_ZONE = 'Europe/Paris';

/**
 * `YYYY-MM-DD`, `offset` days from the workspace's today: what the campaign report, the overview's range
 * and the future-date check count (UTC's day would be yesterday's from 23:00 UTC in Paris).
 */
function workspaceDay(offset: number): string {
  return addDays(todayIn(WORKSPACE_TIME_ZONE), offset);
}

/** A week of results per item: each day the same counts, so the totals are easy to check. */
function weekOfResults(items: readonly { id: string; clicks: number; conversions: number }[]): string {
  const rows = [HEADER];
  for (let offset = -6; offset <= 0; offset += 1) {
    for (const item of items) {
      rows.push(`${item.id},${workspaceDay(offset)},1000,800,60,${item.clicks},${item.conversions},1500,USD`);
    }
  }
  return rows.join('\n');
}

describe('Analytics flow', () => {
  it('forecast a plan (shares that do not add up explained at once) → simulate a campaign → record a week of actuals by CSV (a bad row explained, nothing saved; then all rows) → the overview and the campaign page draw the actuals over the forecast with each KPI’s status, its pace and why the saved forecast’s chances are out of date → a campaign not begun reads “Not started”, and its calendar keeps to its dates', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Harbour Books', {
      time_zone: WORKSPACE_TIME_ZONE,
      locale: 'en',
    });
    // Started six days ago and runs three more weeks: today is day 7 of 28.
    const campaign = await callApiAs<Campaign>(env.server.url, owner, 'POST', '/api/campaign/', {
      business_id: business.id,
      name: 'Spring reading',
      objective: 'sales',
      channels: ['instagram', 'facebook'],
      budget_minor: 200_000,
      currency: 'USD',
      start_date: workspaceDay(-6),
      end_date: workspaceDay(21),
      kpis: [
        { metric: 'clicks', target: 800 },
        { metric: 'orders', target: 200 },
      ],
    });
    // Twenty campaigns that start later come first in the workspace's list, so the one to simulate is on
    // its second page: the workbench's menu must read on past the first.
    const later: Campaign[] = [];
    for (let i = 0; i < 20; i++) {
      const created = await callApiAs<Campaign>(env.server.url, owner, 'POST', '/api/campaign/', {
        business_id: business.id,
        name: `Later plan ${i + 1}`,
        objective: 'awareness',
        channels: ['instagram'],
        budget_minor: 10_000,
        currency: 'USD',
        start_date: workspaceDay(30 + i),
        end_date: workspaceDay(60 + i),
        ...(i === 0 ? { kpis: [{ metric: 'orders', target: 50 }] } : {}),
      });
      later.push(created);
    }
    const [instagram, facebook] = await Promise.all(
      (['instagram', 'facebook'] as const).map((channel) =>
        callApiAs<ContentItem>(env.server.url, owner, 'POST', '/api/content', {
          business_id: business.id,
          channel,
          campaign_id: campaign.id,
          title: `Spring reading on ${channel}`,
          body: 'Ten new novels for the long evenings, on the front table this week.',
        }),
      ),
    );
    if (!instagram || !facebook) throw new Error('content items were not created');

    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Harbour Books', level: 1 }).waitFor();

    // The workbench opens on a small plan and forecasts it at once.
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Analytics' })
      .click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Forecast a plan' }).click();
    await page.getByRole('heading', { name: 'Forecast', level: 1 }).waitFor();
    const status = page.getByRole('status').filter({ hasText: /Forecast ready|Running/ });
    await status.filter({ hasText: 'Forecast ready: 10,000 trials.' }).waitFor();
    const percentiles = page.getByRole('table', { name: 'Forecast percentiles: All channels' });
    await percentiles.getByRole('rowheader', { name: 'Conversions' }).waitFor();

    // Shares that do not add up to 100% are explained before anything is sent; fixing them re-runs it.
    const inputs = page.getByRole('form', { name: 'Forecast inputs' });
    const facebookShare = inputs.getByRole('group', { name: 'Facebook' }).getByLabel('Budget share (%)');
    await facebookShare.fill('30');
    await inputs
      .getByRole('alert')
      .filter({ hasText: 'Budget shares must add up to 1; these add up to 0.9' })
      .waitFor();
    await page.getByText('The forecast waits for a valid plan').waitFor();
    await facebookShare.fill('40');
    await status.filter({ hasText: 'Forecast ready: 10,000 trials.' }).waitFor();
    expect(await page.getByText('The forecast waits for a valid plan').count()).toBe(0);

    // Simulate the campaign: its channels, budget and KPIs make the plan.
    await inputs.getByText('From a campaign').click();
    await inputs.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Spring reading' });
    const odds = page.getByRole('region', { name: 'Chance of reaching each target' });
    await odds.getByRole('meter', { name: 'Chance of reaching clicks' }).waitFor();
    await odds.getByRole('meter', { name: 'Chance of reaching orders' }).waitFor();
    await status.filter({ hasText: 'Forecast ready: 10,000 trials.' }).waitFor();
    const assumptions = page.getByRole('table', { name: 'Forecast assumptions' });
    await assumptions.getByRole('cell', { name: 'Click-through rate' }).first().waitFor();
    await assumptions.getByText('Benchmark').first().waitFor();
    await page.getByRole('img', { name: /spread over 10,000 trials/ }).waitFor();
    await page
      .getByRole('region', { name: 'What drives the spread' })
      .getByRole('listitem')
      .first()
      .waitFor();

    // An owner overrides a benchmark: the open forecast re-runs and says the rate is the workspace's.
    const benchmarks = page.getByRole('region', { name: 'Benchmark rates' });
    await benchmarks.getByLabel('Click-through rate (%)').fill('2');
    await benchmarks.getByRole('button', { name: 'Save overrides' }).click();
    await toast(page, 'Benchmark overrides saved');
    const instagramCtr = assumptions
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Instagram' }) })
      .filter({ hasText: 'Click-through rate' });
    await instagramCtr.getByText('Workspace override').waitFor();
    expect(await instagramCtr.getByRole('cell').nth(1).textContent()).toBe('2.00%');
    await shootAllLooks(page, 'analytics-forecast');

    // Record actuals by CSV: a bad row is explained by line and column, and nothing is saved.
    await page.getByRole('link', { name: '← Analytics' }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    const importCard = page.getByRole('region', { name: 'Import results' });
    await importCard
      .getByLabel('CSV', { exact: true })
      .fill(
        `${HEADER}\n${instagram.id},${workspaceDay(0)},100,80,5,7,1,0,USD\n${facebook.id},${workspaceDay(0)},10,8,1,50,0,0,USD`,
      );
    await importCard.getByRole('button', { name: 'Import results' }).click();
    await importCard.getByText('1 problem(s) in the CSV; nothing was imported').waitFor();
    const problems = importCard.getByRole('table', { name: 'Import problems' });
    const problem = problems.getByRole('row').filter({ hasText: 'More clicks than impressions' });
    expect(await problem.getByRole('rowheader').textContent()).toBe('3');
    expect(await problem.getByRole('cell').first().textContent()).toBe('clicks');

    // The corrected file, chosen with the file picker: a week for both items, all rows in one go.
    const csv = weekOfResults([
      { id: instagram.id, clicks: 30, conversions: 2 },
      { id: facebook.id, clicks: 20, conversions: 1 },
    ]);
    await importCard
      .getByLabel('CSV file')
      .setInputFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => importCard.getByLabel('CSV', { exact: true }).inputValue()).toBe(csv);
    await importCard.getByRole('button', { name: 'Import results' }).click();
    await toast(page, 'Imported 14 rows of results');
    expect(await problems.count()).toBe(0);
    const clicks = page
      .getByRole('term')
      .filter({ hasText: /^Clicks$/ })
      .locator('xpath=following-sibling::dd');
    await expect.poll(() => clicks.textContent()).toBe('350');
    const byCampaign = page.getByRole('region', { name: 'By campaign' });
    await byCampaign.getByRole('link', { name: 'Spring reading' }).waitFor();
    const bestTitle = page
      .getByRole('region', { name: 'Best content' })
      .getByRole('link', { name: 'Spring reading on instagram' });
    await bestTitle.waitFor();
    // A title keeps its line beside the five numbers rather than breaking after every word.
    expect(await bestTitle.evaluate((link) => link.getClientRects().length)).toBe(1);
    await shootAllLooks(page, 'analytics-overview');
    // The printed overview is the results: the import form stays on screen only.
    await page.emulateMedia({ media: 'print' });
    expect(await importCard.isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: 'Best content' }).first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The campaign page draws the week over the forecast's bands and says where each KPI stands.
    await byCampaign.getByRole('link', { name: 'Spring reading' }).click();
    await page.getByRole('heading', { name: 'Spring reading', level: 1 }).waitFor();
    const card = page.getByRole('region', { name: 'Forecast and results' });
    await card.getByText(/^Day 7 of 28\. Forecast of 10,000 trials/).waitFor();
    const fan = card.getByRole('img', { name: /Clicks: forecast and actual, cumulative/ });
    await fan.waitFor();
    expect(await fan.getAttribute('aria-labelledby')).toBeTruthy();
    await card.getByRole('img', { name: /350 so far, on day 7/ }).waitFor();
    const kpis = card.getByRole('list', { name: 'Key results status' });
    await kpis.getByRole('listitem').filter({ hasText: 'clicks' }).getByText('On track').waitFor();
    const orders = kpis.getByRole('listitem').filter({ hasText: 'orders' });
    await orders.getByText('Behind').waitFor();
    await orders.getByText(/^21 so far of 200: at this pace, 84 by the end$/).waitFor();
    // The forecast was saved before the week of results: the card says why a run now differs, and a run
    // now (the same one the workbench makes) brings the page's chances up to date.
    const outdated = card.getByRole('region', { name: 'Forecast out of date' });
    await outdated.getByText(/results were recorded/).waitFor();
    const chanceBefore = await orders.getByText(/^Chance of reaching it by the end/).textContent();
    await card.getByRole('button', { name: 'Run the forecast again' }).click();
    await outdated.waitFor({ state: 'detached' });
    await expect
      .poll(() => orders.getByText(/^Chance of reaching it by the end/).textContent())
      .not.toBe(chanceBefore);
    // Keyboard: the chart reads the latest day first.
    await fan.focus();
    await card.getByText(/: forecast .* to .*, median .*; actual 350$/).waitFor();
    // The numbers behind the chart: the last day with results holds the week's total.
    await card.getByText('Show table').click();
    const table = card.getByRole('table', { name: /Clicks: forecast and actual, cumulative/ });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(29);
    expect(await rows.nth(7).getByRole('cell').last().textContent()).toBe('350');
    expect(await rows.nth(8).getByRole('cell').last().textContent()).toBe('—');
    await card.getByLabel('Metric').selectOption({ label: 'Spend' });
    await card.getByRole('img', { name: /\$210\.00 so far, on day 7/ }).waitFor();
    await shootAllLooks(page, 'campaign-forecast');

    // The printable report: the page without the app around it, on light paper, the chart's table open.
    await card.getByRole('button', { name: 'Print report' }).waitFor();
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await page.getByRole('navigation', { name: 'Workspace' }).isVisible()).toBe(false);
    expect(await card.getByRole('button', { name: 'Print report' }).isVisible()).toBe(false);
    expect(await card.getByRole('table', { name: /Spend: forecast and actual/ }).isVisible()).toBe(true);
    // Let the print styles reach the drawing (two frames) before the picture is taken.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await shootPage(page, 'campaign-report-print');
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });

    // A calendar for a campaign that has not started covers the campaign's own 31 days, says so before it
    // is generated and after, and plans nothing outside them.
    const nextCampaign = later[0];
    if (!nextCampaign) throw new Error('the later campaigns were not created');
    await page.goto(`/w/${business.id}/campaigns/${nextCampaign.id}`);
    await page.getByRole('heading', { name: nextCampaign.name, level: 1 }).waitFor();
    // Not begun: its KPI is not started, never "Behind".
    const nextKpis = page.getByRole('list', { name: 'Key results status' });
    await nextKpis.getByRole('listitem').filter({ hasText: 'orders' }).getByText('Not started').waitFor();
    await page.getByRole('button', { name: 'Generate a calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate a calendar' });
    expect(await dialog.getByLabel('Start date').inputValue()).toBe(nextCampaign.start_date);
    await dialog
      .getByRole('region', { name: 'Campaign dates' })
      .getByText(/keeps to those 31 days/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Generate calendar' }).click();
    await dialog
      .getByRole('list', { name: 'What the checks changed' })
      .getByText(`Planned ${nextCampaign.start_date} to ${nextCampaign.end_date} only`, { exact: false })
      .waitFor({ timeout: 30_000 });
    const { items: planned } = await callApiAs<{ items: ContentItem[] }>(
      env.server.url,
      owner,
      'GET',
      `/api/content?business_id=${business.id}&campaign_id=${nextCampaign.id}&limit=100`,
    );
    expect(planned.length).toBeGreaterThan(0);
    const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
    for (const item of planned) {
      const day = parisDay.format(new Date(item.scheduled_at ?? ''));
      expect(day >= nextCampaign.start_date && day <= nextCampaign.end_date, day).toBe(true);
    }

    expect(errors.filter((error) => !/422 \(Unprocessable (Entity|Content)\)/.test(error))).toEqual([]);
    await context.close();
  });
});
