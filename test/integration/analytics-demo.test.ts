import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemoAnalytics } from '#server/demo/analytics-demo.js';
import type { CampaignReport, Overview } from '#shared/analytics.schema.js';
import type { Business } from '#shared/business.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describeEachDialect('analytics: the demo seed', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(() => t.close());

  it('leaves a campaign three weeks in, with actual results and a forecast to compare them with', async () => {
    const now = new Date();
    const campaignId = await seedDemoAnalytics(
      t.services,
      { kind: 'user', userId: owner.session.user.id },
      business.id,
      now,
    );
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/analytics/campaign/${campaignId}`,
      headers: owner.auth,
    });
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json<CampaignReport>();
    expect(body.days_elapsed).toBe(22);
    expect(body.simulation?.seed).toBe(2026);
    expect(body.daily.length).toBeGreaterThanOrEqual(15);
    expect(body.actual.clicks).toBeGreaterThan(0);
    expect(body.kpis.map((kpi) => kpi.status)).not.toContain('no_forecast');

    const from = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const to = now.toISOString().slice(0, 10);
    const overview = await t.app.inject({
      method: 'GET',
      url: `/api/analytics/overview?business_id=${business.id}&from=${from}&to=${to}&group_by=week`,
      headers: owner.auth,
    });
    expect(overview.json<Overview>().by_channel.map((row) => row.channel)).toEqual([
      'email',
      'facebook',
      'instagram',
    ]);
  });
});
