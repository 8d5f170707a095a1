import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemoAnalytics } from '#server/demo/analytics-demo.js';
import type { CampaignReport, Overview } from '#shared/analytics.schema.js';
import type { Business } from '#shared/business.schema.js';
import type { PublishAttempt } from '#shared/connector.schema.js';
import type { ContentHistoryEntry, ContentItem } from '#shared/content.schema.js';
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

  it('shows its posts as the publisher leaves them: published with results, and one that failed, with why', async () => {
    const now = new Date();
    const campaignId = await seedDemoAnalytics(
      t.services,
      { kind: 'user', userId: owner.session.user.id },
      business.id,
      now,
    );
    const get = async <T>(url: string) => {
      const response = await t.app.inject({ url, headers: owner.auth });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<T>();
    };
    const { items } = await get<{ items: ContentItem[] }>(
      `/api/content?business_id=${business.id}&campaign_id=${campaignId}&limit=100`,
    );
    const published = items.filter((item) => item.status === 'published');
    const failed = items.filter((item) => item.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(published.length).toBe(items.length - 1);
    for (const item of published) {
      expect(item.published_at).not.toBeNull();
      expect(item.published_at && item.published_at < now.toISOString()).toBe(true);
      // Instagram takes only posts with an image: each has one, described.
      if (item.channel === 'instagram') expect(item.media[0]?.alt_text).toBeTruthy();
    }
    const [sample] = published;
    const attempts = await get<{ items: PublishAttempt[] }>(`/api/content/${sample?.id}/publish-attempts`);
    expect(attempts.items.map((attempt) => attempt.outcome)).toEqual(['succeeded']);
    const history = await get<{ items: ContentHistoryEntry[] }>(`/api/content/${sample?.id}/history`);
    expect(history.items.map((entry) => entry.action).sort()).toEqual(
      ['approved', 'created', 'published', 'scheduled', 'submitted'].sort(),
    );

    const [broken] = failed;
    expect(broken?.publish_error).toMatch(/No publishing connector is set up/);
    const brokenAttempts = await get<{ items: PublishAttempt[] }>(
      `/api/content/${broken?.id}/publish-attempts`,
    );
    expect(brokenAttempts.items).toEqual([
      expect.objectContaining({ outcome: 'failed', failure_kind: 'no_connector' }),
    ]);
    // Nothing went out, so nothing was counted: the failed post has no results.
    const overview = await get<Overview>(
      `/api/analytics/overview?business_id=${business.id}&from=${new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10)}&to=${now.toISOString().slice(0, 10)}&group_by=day`,
    );
    expect(
      [...overview.best_content, ...overview.worst_content].map((row) => row.content_item_id),
    ).not.toContain(broken?.id);
  });

  it('writes only the past of an approved item of the caller’s own workspace', async () => {
    const me = { kind: 'user', userId: owner.session.user.id } as const;
    const draft = await t.services.content.create(me, {
      business_id: business.id,
      channel: 'linkedin',
      format: 'post',
      status: 'draft',
      title: 'Roastery open day',
      body: 'Come and see the roaster at work this Saturday.',
      thread: [],
      hashtags: [],
      call_to_action: '',
      media_brief: '',
      preheader: '',
      pillar: null,
      campaign_id: null,
      scheduled_at: null,
    });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await expect(
      t.services.pastPublications.record(me, draft.id, yesterday, 'published'),
    ).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    let item = draft;
    for (const to of ['in_review', 'approved'] as const) {
      item = await t.services.contentWorkflow.transition(me, item.id, { to, version: item.version });
    }
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await expect(
      t.services.pastPublications.record(me, item.id, tomorrow, 'published'),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const stranger = await registerAccount(t.app);
    await expect(
      t.services.pastPublications.record(
        { kind: 'user', userId: stranger.session.user.id },
        item.id,
        yesterday,
        'published',
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    const done = await t.services.pastPublications.record(me, item.id, yesterday, 'published');
    expect(done).toMatchObject({ status: 'published', published_at: yesterday });
  });
});
