import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '#shared/content.schema.js';
import { FakeMastodonServer } from '../support/networks/mastodon/fake-mastodon-server.js';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';

// Publishing natively, as a marketer does it: connect a Mastodon account with a token in Settings →
// Channels, schedule a post, and find it published on the instance with its link on the item. The
// instance is the contract fake on this machine, which the outbound guard refuses unless allowed.

const env = sharedServerAndBrowser();
let mastodon: FakeMastodonServer;

beforeAll(async () => {
  mastodon = await FakeMastodonServer.start();
});

afterAll(async () => {
  await mastodon?.close();
});

describe('Native publishing', () => {
  it('Settings → Channels: connect Mastodon with a token → a scheduled post goes out through it → published with its link on the item', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Bluebird Bakery');
    const { account, token } = mastodon.addAccount('bakery', 'Bluebird Bakery');
    // The app's CSP (img-src 'self' data:) blocks avatars from other hosts, the fake instance's too: the
    // account shows the placeholder instead, and the page stays free of CSP errors.
    account.avatar = '';
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Bluebird Bakery', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Channels' }).click();
    await page.getByText('No account connected yet').waitFor();

    const form = page.getByRole('region', { name: 'Connect Mastodon' });
    await form.getByLabel('Instance address').fill(mastodon.url);
    await form.getByLabel('Access token').fill(token);
    await form.getByRole('button', { name: 'Connect Mastodon' }).click();
    const handle = `@bakery@${new URL(mastodon.url).host}`;
    await toast(page, `${handle} connected`);
    const accounts = page.getByRole('list', { name: 'Connected accounts' });
    await accounts.getByRole('link', { name: handle }).waitFor();
    expect(await form.getByLabel('Access token').inputValue()).toBe('');

    // Scheduled through the API the way an approver's clicks do it (draft → review → approved →
    // scheduled): the editor's time field has minute precision, and a post a minute out would slow the run.
    let item = await callApiAs<ContentItem>(env.server.url, owner, 'POST', '/api/content', {
      business_id: business.id,
      channel: 'mastodon',
      body: 'Fresh sourdough at 7, rye on Fridays.',
    });
    for (const to of ['in_review', 'approved'] as const) {
      item = await callApiAs(env.server.url, owner, 'POST', `/api/content/${item.id}/transition`, {
        to,
        version: item.version,
      });
    }
    await page.goto(`/w/${business.id}/content/${item.id}`);
    await page.getByRole('region', { name: 'Review' }).getByText('Approved', { exact: true }).waitFor();
    await callApiAs(env.server.url, owner, 'POST', `/api/content/${item.id}/transition`, {
      to: 'scheduled',
      version: item.version,
      scheduled_at: new Date(Date.now() + 2_000).toISOString(),
    });
    await toast(page, 'Content published.');

    // Published at its time: the page it is open on shows it live, with the post's link.
    const publishing = page.getByRole('region', { name: 'Publishing' });
    await publishing.getByText('Published', { exact: true }).first().waitFor();
    const [status] = mastodon.statusesBy(account);
    expect(status?.text).toBe('Fresh sourdough at 7, rye on Fridays.');
    const link = publishing
      .getByRole('list', { name: 'Publish attempts' })
      .getByRole('link', { name: 'View the post' });
    expect(await link.getAttribute('href')).toBe(`${mastodon.url}/@bakery/${status?.id}`);

    expect(errors).toEqual([]);
    await context.close();
  });
});
