import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { seriousViolations } from './support/accessibility.js';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

// Replies leave through a publishing connector; its receiver listens on this machine, which the outbound
// guard refuses unless it is allowed.
const env = sharedServerAndBrowser();
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

/**
 * Posts one customer message to the inbound webhook as a sender would: `X-MCC-Signature` is
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` with the workspace's inbound secret. Written out here
 * rather than imported from the server, so a change to the server's scheme fails this test.
 */
async function postInbound(businessId: string, secret: string, event: Record<string, unknown>) {
  const body = JSON.stringify(event);
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
  return fetch(`${env.server.url}/api/inbound/${businessId}/instagram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mcc-signature': `t=${t},v1=${v1}` },
    body,
  });
}

/** The thread pane's reply box. */
const replyBox = (page: Page) =>
  page.getByRole('form', { name: 'Reply' }).getByLabel('Reply', { exact: true });

// Settings → Inbox (rules, canned replies, a history import), search and filters, reviewing a rule's draft,
// triage by hand and a viewer's inbox are covered by component tests (rules-card, inbox-settings-cards,
// inbox-view, settings-layout); the server's side of each by test/integration/inbox-*.test.ts.
describe('Inbox flow', () => {
  it('a message posted to the signed inbound webhook appears live in an open inbox → classified (badges) → an AI suggestion opens in view, is inserted, edited and sent through the connector (the suggestions then cleared) → resolved with e → the dashboard counts the next message live', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Harbour Bakery');
    await callApiAs(env.server.url, owner, 'POST', '/api/connectors', {
      business_id: business.id,
      kind: 'webhook',
      name: 'Replies to Instagram',
      settings: { url: receiver.url },
      channels: null,
    });
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Harbour Bakery', level: 1 }).waitFor();

    // Settings → Inbox: the inbound secret is shown once; a knowledge entry grounds the suggestions.
    await page.goto(`/w/${business.id}/settings/inbox`);
    const inbound = page.getByRole('region', { name: 'Inbound webhook' });
    await inbound.getByRole('button', { name: 'Create secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inbound webhook secret' });
    const secret = await dialog.getByLabel('Inbound secret').inputValue();
    expect(secret).not.toBe('');
    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await inbound.getByText('Set', { exact: true }).waitFor();
    const knowledge = page.getByRole('region', { name: 'Knowledge base' });
    await knowledge.getByLabel('Title').fill('Opening hours');
    await knowledge
      .getByLabel('Content')
      .fill('We are open every day from 7 am to 6 pm, Sundays until 1 pm.');
    await knowledge.getByRole('button', { name: 'Add entry' }).click();
    await knowledge.getByRole('list', { name: 'Knowledge entries' }).getByText('Opening hours').waitFor();

    // The inbox is open and empty when the message arrives: it shows up without a reload.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByText('No conversations here').waitFor();
    // The search field's placeholder is readable whole in the list's narrow pane.
    const placeholderFits = await page.getByLabel('Search', { exact: true }).evaluate((input) => {
      const field = input as HTMLInputElement;
      const style = getComputedStyle(field);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return false;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room =
        field.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return context.measureText(field.placeholder).width <= room;
    });
    expect(placeholderFits).toBe(true);
    const forged = await postInbound(business.id, 'not-the-secret', {
      event_id: 'evt-forged',
      external_id: 'ig-forged',
      customer: { external_id: 'ig-user-9', name: 'Mallory' },
      body: 'Forged message',
    });
    expect(forged.status).toBe(401);
    const event = {
      event_id: 'evt-1',
      external_id: 'ig-msg-1',
      customer: { external_id: 'ig-user-1', name: 'Ana Costa', handle: '@ana.bakes' },
      body: 'Hi! What are your opening hours on Sunday?',
    };
    expect((await postInbound(business.id, secret, event)).status).toBe(202);
    const list = page.getByRole('list', { name: 'Conversations' });
    await list.getByRole('button', { name: /Ana Costa/ }).waitFor();
    expect(await list.getByText('Mallory').count()).toBe(0);

    // The shortcuts are listed in a popover; j opens the first conversation, r goes to the reply box.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Resolve the conversation').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.locator('body').press('j');
    await page.getByRole('heading', { name: /Ana Costa/, level: 2 }).waitFor();
    expect(await list.getByRole('button', { name: /Ana Costa/ }).getAttribute('aria-current')).toBe('true');
    expect(await seriousViolations(page), 'the inbox with a conversation open').toEqual([]);
    await page.keyboard.press('r');
    await expect.poll(() => replyBox(page).evaluate((box) => box === document.activeElement)).toBe(true);
    const panel = page.getByRole('complementary', { name: 'Customer and AI' });
    await panel.getByText(/^Sentiment:/).waitFor();
    await panel.getByText('Intent: Question').waitFor();
    await panel.getByText(/^Priority:/).waitFor();
    await panel.getByText(/^Language:/).waitFor();

    // An AI suggestion, labelled with what it relied on, is inserted, edited and sent.
    await panel.getByRole('button', { name: 'Suggest replies' }).click();
    const suggestions = panel.getByRole('list', { name: 'Suggested replies' });
    await suggestions
      .getByText(/^Relied on: /)
      .first()
      .waitFor();
    const suggestion = (await suggestions.locator('.ai-suggestion__body').first().textContent()) ?? '';
    expect(suggestion).not.toBe('');
    // They open in view, and the panel is not a scroller of its own to dig them out of.
    await expect
      .poll(() =>
        suggestions.evaluate((list) => {
          const box = list.getBoundingClientRect();
          return box.top >= 0 && box.top < window.innerHeight;
        }),
      )
      .toBe(true);
    expect(await panel.evaluate((pane) => pane.scrollHeight <= pane.clientHeight + 1)).toBe(true);
    await suggestions.getByRole('button', { name: 'Insert suggestion 1' }).click();
    await expect.poll(() => replyBox(page).inputValue()).toBe(suggestion);
    await replyBox(page).press('End');
    await replyBox(page).pressSequentially(' See you Sunday!');
    const sent = `${suggestion} See you Sunday!`;
    await shootAllLooks(page, 'inbox');
    await page
      .getByRole('form', { name: 'Reply' })
      .getByRole('button', { name: 'Send', exact: true })
      .click();
    await toast(page, 'Reply sent');
    const thread = page.getByRole('list', { name: 'Messages' });
    await thread.getByText(sent).waitFor();
    const [delivered] = await receiver.waitForRequests(1);
    expect(delivered?.body ?? '').toContain('See you Sunday!');
    await thread.getByText('Sent', { exact: true }).waitFor();
    // The suggestions answered the message now replied to: they are gone.
    await suggestions.waitFor({ state: 'detached' });

    // e resolves (not while typing: the reply box has focus until we leave it).
    await replyBox(page).press('e');
    expect(await replyBox(page).inputValue()).toBe('e');
    await replyBox(page).fill('');
    await page.getByRole('heading', { name: /Ana Costa/, level: 2 }).click();
    await page.keyboard.press('e');
    await toast(page, 'Conversation resolved');
    await panel.getByText('Resolved', { exact: true }).waitFor();
    await list.getByRole('button', { name: /Ana Costa/ }).waitFor({ state: 'detached' });
    // Both times are measured now: the reply was the first response, and the conversation is resolved.
    expect(await panel.getByText('No reply yet').count()).toBe(0);
    expect(await panel.getByText('Not resolved').count()).toBe(0);

    // The dashboard says what waits in the inbox, and a new message counts there without a reload; on a
    // phone nothing on it runs off the side.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/w/${business.id}`);
    const inboxCard = page.getByRole('region', { name: 'Inbox' });
    await inboxCard.getByText('0 waiting for a reply').waitFor();
    const second = { ...event, event_id: 'evt-2', external_id: 'ig-msg-2', body: 'Do you deliver?' };
    second.customer = { external_id: 'ig-user-2', name: 'Rui Lopes', handle: '@rui' };
    expect((await postInbound(business.id, secret, second)).status).toBe(202);
    await inboxCard.getByText('1 waiting for a reply').waitFor();
    await page.getByRole('heading', { name: 'Waiting for approval', level: 2 }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await inboxCard.getByRole('link', { name: /open conversations? in all$/ }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
