import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '#shared/content.schema.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, type SeededUser, seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

// The receiver listens on this machine, which the outbound guard refuses unless it is allowed.
const env = sharedServerAndBrowser();
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

/** A Facebook draft taken through review and scheduled `inSeconds` from now, as an approver would. */
async function scheduleItem(owner: SeededUser, businessId: string, title: string, inSeconds: number) {
  let item = await callApiAs<ContentItem>(env.server.url, owner, 'POST', '/api/content', {
    business_id: businessId,
    channel: 'facebook',
    title,
    body: `${title}: fresh from the oven this Friday.`,
  });
  for (const to of ['in_review', 'approved'] as const) {
    item = await callApiAs(env.server.url, owner, 'POST', `/api/content/${item.id}/transition`, {
      to,
      version: item.version,
    });
  }
  const scheduledAt = new Date(Date.now() + inSeconds * 1000).toISOString();
  return callApiAs<ContentItem>(env.server.url, owner, 'POST', `/api/content/${item.id}/transition`, {
    to: 'scheduled',
    version: item.version,
    scheduled_at: scheduledAt,
  });
}

describe('Publishing flow', () => {
  it('Settings → Publishing: a webhook connector for Facebook (secret once, test outcome) → a scheduled item is published at its time (live toast, status and attempt on the item) → a refused one fails with the reason', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Harbour Books');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Harbour Books', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Publishing' })
      .click();
    await page.getByText('No connector yet').waitFor();

    const add = page.getByRole('region', { name: 'Add a connector' });
    await add.getByLabel('Name').fill('Zapier to Facebook');
    await add.getByLabel('Webhook URL').fill(receiver.url);
    await add.getByLabel('Facebook').check();
    await add.getByRole('button', { name: 'Add connector' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connector “Zapier to Facebook” added' });
    expect(await dialog.getByLabel('Signing secret').inputValue()).not.toBe('');
    await dialog.getByRole('button', { name: 'I have stored it' }).click();

    const connectors = page.getByRole('list', { name: 'Connectors' });
    await connectors.getByText('Facebook', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Test Zapier to Facebook' }).click();
    await connectors.getByText(/^The receiver answered HTTP 200 in \d+/).waitFor();
    await receiver.waitForRequests(1);
    await shootAllLooks(page, 'publishing-settings');

    // At its time the item goes out through the connector: a toast, then its status and attempt.
    const published = await scheduleItem(owner, business.id, 'Spring menu', 3);
    await toast(page, 'Content published.');
    const [, post] = await receiver.waitForRequests(2);
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({
      type: 'content.publish',
      id: published.id,
      channel: 'facebook',
      title: 'Spring menu',
    });
    await page
      .getByRole('region', { name: 'Notifications' })
      .getByRole('link', { name: 'View item' })
      .click();
    await page.waitForURL(new RegExp(`/content/${published.id}$`));
    const publishing = page.getByRole('region', { name: 'Publishing' });
    await publishing.getByText('Published', { exact: true }).first().waitFor();
    const attempts = publishing.getByRole('list', { name: 'Publish attempts' });
    await attempts.getByText(/Attempt 1 · HTTP 200/).waitFor();
    // The owner has no move on a published item, and is told so in words that fit.
    await page.getByRole('region', { name: 'Review' }).getByText('Published: nothing left to do.').waitFor();
    await shootAllLooks(page, 'content-published');

    // A 4xx is the receiver's final word: the item fails at once, with the reason on the item.
    receiver.script({ status: 422, body: 'missing image' });
    const refused = await scheduleItem(owner, business.id, 'Summer menu', 3);
    await toast(page, /^Publishing failed:/);
    await page.goto(`/w/${business.id}/content/${refused.id}`);
    const status = page.getByRole('region', { name: 'Publishing' });
    await status.getByText('Not published').waitFor();
    await status
      .getByRole('list', { name: 'Publish attempts' })
      .getByText(/Attempt 1 · HTTP 422/)
      .waitFor();
    await status.getByText('The receiver refused the item').waitFor();
    await shootAllLooks(page, 'content-publish-failed');

    expect(errors).toEqual([]);
    await context.close();
  });
});
