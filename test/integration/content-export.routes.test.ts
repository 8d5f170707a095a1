import { afterEach, beforeEach, expect, it } from 'vitest';
import { unfoldLines } from '#server/exports/ical.js';
import { createRepositories } from '#server/repositories/index.js';
import { ContentExportService } from '#server/services/content/content-export.service.js';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { CalendarFeed, CreatedCalendarFeed } from '#shared/content-export.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign, createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Method = 'GET' | 'POST' | 'DELETE';
const DAY = 86_400_000;
const inDays = (days: number) =>
  new Date(Math.floor((Date.now() + days * DAY) / 60_000) * 60_000).toISOString();

/** The VEVENTs of a calendar as property maps (unfolded lines). */
function events(ics: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of unfoldLines(ics)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      found.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return found;
}

describeEachDialect('content export routes', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(() => t.close());

  const as = (account: TestAccount, method: Method, url: string) =>
    t.app.inject({ method, url, headers: account.auth });
  // The feed shows what is certain to go out; moving through review is the workflow tests' business.
  const markStatus = (item: ContentItem, status: 'scheduled' | 'published') =>
    t.database.db.updateTable('content_items').set({ status }).where('id', '=', item.id).execute();
  const createFeed = async (account = owner, businessId = business.id) => {
    const response = await as(account, 'POST', `/api/business/${businessId}/calendar-feed`);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<CreatedCalendarFeed>();
  };

  it('serves the scheduled calendar as iCalendar to the secret URL, until revoked', async () => {
    const soon = await createContent(t.app, owner, business.id, {
      title: 'Sourdough; Saturday, 9am',
      body: 'Fresh sourdough\nevery Saturday.',
      scheduled_at: inDays(2),
    });
    await markStatus(soon, 'scheduled');
    const sent = await createContent(t.app, owner, business.id, {
      title: 'Went out',
      scheduled_at: inDays(-2),
    });
    await markStatus(sent, 'published');
    await createContent(t.app, owner, business.id, { title: 'Only a draft', scheduled_at: inDays(2) });
    await createContent(t.app, owner, business.id, { title: 'Unscheduled' });
    await markStatus(
      await createContent(t.app, owner, business.id, { title: 'Too far', scheduled_at: inDays(400) }),
      'scheduled',
    );
    await markStatus(
      await createContent(t.app, owner, business.id, { title: 'Long gone', scheduled_at: inDays(-40) }),
      'published',
    );
    await createContent(t.app, owner, business.id, {
      title: 'An idea',
      status: 'idea',
      scheduled_at: inDays(3),
    });

    const feed = await createFeed();
    expect(feed.url).toBe(`/api/content/calendar.ics?token=${encodeURIComponent(feed.token)}`);
    const response = await t.app.inject({ method: 'GET', url: feed.url });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = response.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const lines = unfoldLines(ics);
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain(`X-WR-TIMEZONE:${business.time_zone}`);
    const found = events(ics);
    expect(found.map((event) => event.SUMMARY)).toEqual(['X: Went out', 'X: Sourdough\\; Saturday\\, 9am']);
    expect(found[0]?.UID).toBe(`${sent.id}@mcc`);
    found.shift();
    const start = new Date(soon.scheduled_at ?? '')
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    expect(found[0]).toMatchObject({
      UID: `${soon.id}@mcc`,
      DTSTART: start,
      SUMMARY: 'X: Sourdough\\; Saturday\\, 9am',
      STATUS: 'CONFIRMED',
    });
    expect(found[0]?.URL).toMatch(new RegExp(`^http://localhost:\\d+/w/${business.id}/content/${soon.id}$`));
    expect(found[0]?.DESCRIPTION).toContain('Fresh sourdough\\nevery Saturday.');
    expect(
      Date.parse(
        found[0]?.DTEND?.replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, '$1-$2-$3T$4:$5:$6Z') ?? '',
      ),
    ).toBe(Date.parse(soon.scheduled_at ?? '') + 30 * 60_000);

    const list = await as(owner, 'GET', `/api/business/${business.id}/calendar-feed`);
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: CalendarFeed[] }>().items;
    expect(items.map((item) => item.id)).toEqual([feed.id]);
    expect(list.body).not.toContain(feed.token);

    expect(
      (await as(owner, 'DELETE', `/api/business/${business.id}/calendar-feed/${feed.id}`)).statusCode,
    ).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: feed.url });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json<Problem>().code).toBe('not_found');
    expect(
      (await as(owner, 'DELETE', `/api/business/${business.id}/calendar-feed/${feed.id}`)).statusCode,
    ).toBe(404);
  });

  it('answers 404 to an unknown token and 400 to none', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/content/calendar.ics?token=nope' })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/content/calendar.ics' })).statusCode).toBe(400);
  });

  it('keeps feeds inside their workspace', async () => {
    const other = await registerAccount(t.app);
    const otherBusiness = await createBusiness(t.app, other, 'Other Co');
    await markStatus(
      await createContent(t.app, owner, business.id, { title: 'Ours', scheduled_at: inDays(1) }),
      'scheduled',
    );
    await markStatus(
      await createContent(t.app, other, otherBusiness.id, { title: 'Theirs', scheduled_at: inDays(1) }),
      'scheduled',
    );
    const ours = await createFeed();
    const theirs = await createFeed(other, otherBusiness.id);

    const ics = (await t.app.inject({ method: 'GET', url: ours.url })).body;
    expect(events(ics).map((event) => event.SUMMARY)).toEqual(['X: Ours']);
    expect(ics).not.toContain('Theirs');

    // Another workspace's feed id, through our workspace or theirs: 404 alike.
    expect(
      (await as(owner, 'DELETE', `/api/business/${business.id}/calendar-feed/${theirs.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await as(owner, 'DELETE', `/api/business/${otherBusiness.id}/calendar-feed/${theirs.id}`)).statusCode,
    ).toBe(404);
    expect((await as(owner, 'GET', `/api/business/${otherBusiness.id}/calendar-feed`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: theirs.url })).statusCode).toBe(200);
  });

  it('lets editors create feeds, not viewers', async () => {
    const viewer = await registerAccount(t.app);
    const editor = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    await addMember(t.app, owner, business, editor, 'editor');
    const refused = await as(viewer, 'POST', `/api/business/${business.id}/calendar-feed`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>().code).toBe('forbidden');
    await createFeed(editor);
  });

  it('exports CSV with RFC 4180 quoting and formulas defused', async () => {
    const item = await createContent(t.app, owner, business.id, {
      title: '=HYPERLINK("http://evil")',
      body: 'Line one, "quoted"\nline two',
      hashtags: ['bread', 'sourdough'],
      scheduled_at: '2026-03-07T09:30:00+01:00',
    });
    await createContent(t.app, owner, business.id, {
      title: 'Outside',
      scheduled_at: '2026-05-01T00:00:00Z',
    });
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    const url = `/api/content/export.csv?business_id=${business.id}&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`;
    const response = await as(viewer, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, record, end] = response.body.split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(header).toBe(
      'id,scheduled_at,channel,format,status,title,body,thread,hashtags,call_to_action,pillar,campaign_id,version,created_at,updated_at',
    );
    expect(record).toBe(
      [
        item.id,
        '2026-03-07T08:30:00.000Z',
        'x',
        'post',
        'draft',
        `"'=HYPERLINK(""http://evil"")"`,
        '"Line one, ""quoted""\nline two"',
        '',
        '#bread #sourdough',
        '',
        '',
        '',
        '1',
        item.created_at,
        item.updated_at,
      ].join(','),
    );
    expect(end).toBe('');

    const all = await as(owner, 'GET', `/api/content/export.csv?business_id=${business.id}`);
    expect(all.body).toContain('Outside');
  });

  it('refuses an export over its row limit, naming the query field to narrow', async () => {
    await createContent(t.app, owner, business.id, { title: 'One' });
    await createContent(t.app, owner, business.id, { title: 'Two' });
    const repos = createRepositories(t.database.db, t.database.dialect);
    const limited = new ContentExportService(
      repos,
      () => new Date(),
      t.services.content,
      'http://mcc.test',
      1,
    );
    const me = { kind: 'user', userId: owner.session.user.id } as const;
    await expect(limited.exportCsv(me, { business_id: business.id })).rejects.toMatchObject({
      code: 'validation_failed',
      options: { errors: [{ path: 'query.to', message: 'Too many items in this range', code: 'too_big' }] },
    });
  });

  it('answers 404 to another workspace’s CSV export and 401 without a token', async () => {
    const other = await registerAccount(t.app);
    const otherBusiness = await createBusiness(t.app, other, 'Other Co');
    const response = await as(owner, 'GET', `/api/content/export.csv?business_id=${otherBusiness.id}`);
    expect(response.statusCode).toBe(404);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/content/export.csv?business_id=${business.id}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  const importCsv = (account: TestAccount, csv: string, businessId = business.id) =>
    t.app.inject({
      method: 'POST',
      url: '/api/content/import',
      headers: account.auth,
      payload: { business_id: businessId, csv },
    });

  it('imports rows as drafts, reading back its own export', async () => {
    await createContent(t.app, owner, business.id, {
      title: '=SUM(A1)',
      body: 'Line one, "quoted"\nline two',
      hashtags: ['bread'],
      scheduled_at: '2026-03-07T09:30:00+01:00',
    });
    const exported = (await as(owner, 'GET', `/api/content/export.csv?business_id=${business.id}`)).body;
    const other = await registerAccount(t.app);
    const otherBusiness = await createBusiness(t.app, other, 'Other Co');
    const response = await importCsv(other, exported, otherBusiness.id);
    expect(response.statusCode, response.body).toBe(201);
    const [item] = response.json<{ items: ContentItem[] }>().items;
    expect(item).toMatchObject({
      business_id: otherBusiness.id,
      title: '=SUM(A1)',
      body: 'Line one, "quoted"\nline two',
      hashtags: ['bread'],
      status: 'draft',
      scheduled_at: '2026-03-07T08:30:00.000Z',
    });
  });

  it('imports nothing when any row fails, naming each failing cell', async () => {
    const csv = [
      'channel,title,body,scheduled_at',
      'x,Fine,Hello,',
      `x,Too long,${'a'.repeat(281)},`,
      'myspace,Unknown,Hi,',
      'x,Bad time,Hi,tomorrow',
    ].join('\r\n');
    const response = await importCsv(owner, csv);
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('bulk_failed');
    expect(problem.errors?.map((error) => error.path)).toEqual([
      'csv.3.body',
      'csv.4.channel',
      'csv.5.scheduled_at',
    ]);
    const list = await as(owner, 'GET', `/api/content?business_id=${business.id}`);
    expect(list.json<{ items: ContentItem[] }>().items).toEqual([]);

    const noChannel = await importCsv(owner, 'title\r\nHi');
    expect(noChannel.json<Problem>().errors?.[0]?.path).toBe('csv.1');
    const unclosed = await importCsv(owner, 'channel,body\r\nx,"Hi');
    expect(unclosed.statusCode).toBe(422);
  });

  it('imports only into workspaces where the caller may write', async () => {
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    expect((await importCsv(viewer, 'channel,body\r\nx,Hi')).statusCode).toBe(403);
    const other = await registerAccount(t.app);
    const otherBusiness = await createBusiness(t.app, other, 'Other Co');
    expect((await importCsv(owner, 'channel,body\r\nx,Hi', otherBusiness.id)).statusCode).toBe(404);
    const campaignElsewhere = await createCampaign(t.app, other, otherBusiness.id);
    const foreign = await importCsv(owner, `channel,body,campaign_id\r\nx,Hi,${campaignElsewhere.id}`);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json<Problem>().errors?.[0]?.path).toBe('csv.2.campaign_id');
  });
});
