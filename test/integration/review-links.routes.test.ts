import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import type { CreatedReviewLink, ReviewLink, SharedReview } from '#shared/review-links.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;

describeEachDialect('review links', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  // The links' clock: moved past an expiry only while reading the public route (sessions use it too).
  let clock = Date.now();
  const inDays = (days: number) => new Date(Math.floor((clock + days * DAY) / 60_000) * 60_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp(await create(), {}, { now: () => new Date(clock) });
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner, 'Acme Bakery');
  });
  afterAll(() => t.close());

  const links = (businessId = business.id) => `/api/business/${businessId}/review-links`;
  const createLink = async (account = owner, payload: object = { label: 'Client', expires_in_days: 7 }) => {
    const response = await t.app.inject({ method: 'POST', url: links(), headers: account.auth, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<CreatedReviewLink>();
  };
  const open = (token: string) =>
    t.app.inject({ method: 'GET', url: `/api/review?token=${encodeURIComponent(token)}` });
  const setStatus = (item: ContentItem, status: ContentItem['status']) =>
    t.database.db.updateTable('content_items').set({ status }).where('id', '=', item.id).execute();

  it('shares the calendar read-only, without ids, to anyone holding the token until it expires', async () => {
    const inReview = await createContent(t.app, owner, business.id, {
      title: 'Croissant week',
      body: 'Butter, flour, patience.',
      hashtags: ['croissant'],
      scheduled_at: inDays(3),
    });
    await setStatus(inReview, 'in_review');
    const scheduled = await createContent(t.app, owner, business.id, {
      title: 'Rye day',
      scheduled_at: inDays(1),
    });
    await setStatus(scheduled, 'scheduled');
    await createContent(t.app, owner, business.id, { title: 'A draft', scheduled_at: inDays(2) });

    const link = await createLink(owner, { label: 'Acme’s agency', expires_in_days: 7 });
    expect(link.url).toBe(`/review#token=${encodeURIComponent(link.token)}`);
    expect(Date.parse(link.expires_at) - Date.parse(link.created_at)).toBe(7 * DAY);

    const response = await open(link.token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const shared = response.json<SharedReview>();
    expect(shared).toMatchObject({
      workspace_name: 'Acme Bakery',
      locale: business.locale,
      time_zone: business.time_zone,
      label: 'Acme’s agency',
    });
    expect(shared.items.map((item) => [item.title, item.status])).toEqual([
      ['Rye day', 'scheduled'],
      ['Croissant week', 'in_review'],
    ]);
    expect(shared.items[1]).toMatchObject({ body: 'Butter, flour, patience.', hashtags: ['croissant'] });
    // Nothing that names a row, a person or the workspace itself.
    for (const id of [business.id, inReview.id, scheduled.id, owner.session.user.id]) {
      expect(response.body).not.toContain(id);
    }

    const listed = await t.app.inject({ method: 'GET', url: links(), headers: owner.auth });
    expect(listed.json<{ items: ReviewLink[] }>().items.map((item) => item.id)).toContain(link.id);
    expect(listed.body).not.toContain(link.token);

    const saved = clock;
    clock += 7 * DAY + 1;
    try {
      const expired = await open(link.token);
      expect(expired.statusCode).toBe(404);
      expect(expired.json<Problem>().code).toBe('not_found');
    } finally {
      clock = saved;
    }
  });

  it('answers 404 once revoked, and to a token it never made', async () => {
    const link = await createLink();
    expect((await open(link.token)).statusCode).toBe(200);
    const revoke = () =>
      t.app.inject({ method: 'DELETE', url: `${links()}/${link.id}`, headers: owner.auth });
    expect((await revoke()).statusCode).toBe(204);
    expect((await open(link.token)).statusCode).toBe(404);
    expect((await revoke()).statusCode).toBe(404);
    expect((await open('made-up-token')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/review' })).statusCode).toBe(400);
    const row = await t.database.db
      .selectFrom('review_links')
      .select('token_hash')
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(link.token);
  });

  it('is declared public and rate-limited in the OpenAPI document, like the calendar feed', async () => {
    const document = (await t.app.inject({ url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    }>();
    for (const path of ['/api/review', '/api/content/calendar.ics']) {
      const operation = document.paths[path]?.get;
      expect(operation?.security, path).toEqual([]);
      expect(Object.keys(operation?.responses ?? {}), path).toEqual(expect.arrayContaining(['404', '429']));
    }
  });

  it('refuses other expiries and blank labels, field by field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: links(),
      headers: owner.auth,
      payload: { label: ' ', expires_in_days: 12 },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<Problem>().errors?.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.label', 'body.expires_in_days']));
  });

  it('lets owners and admins manage links, not editors, and keeps them inside their workspace', async () => {
    const editor = await registerAccount(t.app);
    await addMember(t.app, owner, business, editor, 'editor');
    const refused = await t.app.inject({
      method: 'POST',
      url: links(),
      headers: editor.auth,
      payload: { label: 'Client', expires_in_days: 30 },
    });
    expect(refused.statusCode).toBe(403);

    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger, 'Other Co');
    const foreign = await t.app.inject({
      method: 'POST',
      url: links(theirs.id),
      headers: stranger.auth,
      payload: { label: 'Theirs', expires_in_days: 30 },
    });
    const foreignLink = foreign.json<CreatedReviewLink>();
    // Their link, through our workspace or theirs: 404 alike; their link shows only their workspace.
    for (const url of [`${links()}/${foreignLink.id}`, `${links(theirs.id)}/${foreignLink.id}`]) {
      expect((await t.app.inject({ method: 'DELETE', url, headers: owner.auth })).statusCode).toBe(404);
    }
    expect(
      (await t.app.inject({ method: 'GET', url: links(theirs.id), headers: owner.auth })).statusCode,
    ).toBe(404);
    const shared = (await open(foreignLink.token)).json<SharedReview>();
    expect(shared).toMatchObject({ workspace_name: 'Other Co', items: [] });
  });
});
