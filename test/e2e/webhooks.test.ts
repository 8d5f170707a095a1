import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { seedBusiness, seedUser } from './support/factories.js';
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

/** Checks `X-MCC-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` as a receiver would. */
function signatureMatches(header: string | string[] | undefined, body: string, secret: string): boolean {
  const parts = new Map(
    String(header)
      .split(',')
      .map((part) => part.split('=', 2) as [string, string]),
  );
  const expected = createHmac('sha256', secret)
    .update(`${parts.get('t')}.${body}`)
    .digest('hex');
  return parts.get('v1') === expected;
}

// The form's checks, the list's events, disabling and deleting are covered by webhooks-settings.test.tsx.
describe('Webhooks flow', () => {
  it('Settings → Webhooks: add one (secret shown once) → send a test → its delivery, signed, in the deliveries table → a refused delivery and its redelivery', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Harbour Books');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Harbour Books', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Webhooks' }).click();

    const add = page.getByRole('region', { name: 'Add a webhook' });
    await add.getByLabel('Payload URL').fill(receiver.url);
    await add.getByLabel('Description').fill('Order system');
    await add.getByLabel('Job failed').check();
    await add.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Webhook added: its signing secret' });
    const secret = await dialog.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await shootAllLooks(page, 'webhook-secret');
    await dialog.getByRole('button', { name: 'I have stored it' }).click();

    const list = page.getByRole('list', { name: 'Webhooks' });
    await list.getByRole('link', { name: receiver.url }).waitFor();
    await shootAllLooks(page, 'webhooks');

    // A test goes out signed with the secret shown once; its delivery appears with the receiver's answer.
    await page.getByRole('button', { name: 'Send a test to Order system' }).click();
    await toast(page, 'Test event queued');
    const [request] = await receiver.waitForRequests(1);
    expect(request?.method).toBe('POST');
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      type: 'webhook.test',
      business_id: business.id,
    });
    expect(signatureMatches(request?.headers['x-mcc-signature'], request?.body ?? '', secret)).toBe(true);

    await page.getByRole('link', { name: 'Deliveries of Order system' }).click();
    const deliveries = page
      .getByRole('region', { name: 'Deliveries' })
      .getByRole('table', { name: 'Deliveries' });
    const delivered = deliveries.getByRole('row').filter({ hasText: 'Delivered' });
    await delivered.getByRole('cell', { name: '200', exact: true }).waitFor();
    expect(await delivered.getByRole('cell', { name: '1', exact: true }).count()).toBe(1);

    await delivered.getByRole('button', { name: /^Details of Test/ }).click();
    const details = page.getByRole('dialog', { name: 'Test delivery' });
    await details.getByRole('table', { name: 'Attempts' }).getByRole('cell', { name: 'Delivered' }).waitFor();
    await details.getByText('"type": "webhook.test"').waitFor();
    await details.getByRole('button', { name: 'Close' }).click();

    // A 4xx is final: the delivery fails at once with the code, and can be sent again by hand.
    receiver.script({ status: 410, body: 'gone' });
    await page.getByRole('region', { name: 'Deliveries' }).getByRole('button', { name: 'Send test' }).click();
    const refused = deliveries.getByRole('row').filter({ hasText: 'Failed' });
    await refused.getByRole('cell', { name: '410', exact: true }).waitFor();
    await shootAllLooks(page, 'webhook-deliveries');
    await refused.getByRole('button', { name: /^Redeliver Test/ }).click();
    await toast(page, 'Delivery queued again');
    await receiver.waitForRequests(3);
    await expect.poll(() => delivered.count(), { timeout: 10_000 }).toBe(2);
    const redelivered = receiver.requests[2];
    expect(JSON.parse(redelivered?.body ?? '{}').id).toBe(JSON.parse(receiver.requests[1]?.body ?? '{}').id);

    expect(errors).toEqual([]);
    await context.close();
  });
});
