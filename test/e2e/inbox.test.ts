import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, seedBusiness, seedMember, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

// Replies leave through a publishing connector; its receiver listens on this machine, which the outbound
// guard refuses unless it is allowed.
const env = sharedServerAndBrowser({ env: { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' } });
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

describe('Inbox flow', () => {
  it('a message posted to the signed inbound webhook appears live in an open inbox → classified (badges) → an AI suggestion is inserted, edited and sent through the connector → resolved with e', async () => {
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

    expect(errors).toEqual([]);
    await context.close();
  });

  it('Settings → Inbox: a keyword rule (edited; an unsafe pattern refused), a canned reply (edited), a history import (a bad row refuses the file, then it imports) → search and a channel filter narrow the list → the rule labels a new message and drafts a reply, which is reviewed, completed with the canned reply and sent with resolve → reopened, assigned, snoozed', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Corner Deli');
    await callApiAs(env.server.url, owner, 'POST', '/api/connectors', {
      business_id: business.id,
      kind: 'webhook',
      name: 'Replies by email',
      settings: { url: receiver.url },
      channels: null,
    });
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Corner Deli', level: 1 }).waitFor();
    await page.goto(`/w/${business.id}/settings/inbox`);

    const rules = page.getByRole('region', { name: 'Rules' });
    const ruleForm = rules.getByRole('form', { name: 'Add a rule' });
    await ruleForm.getByLabel('Name').fill('Refunds');
    await ruleForm.getByLabel('Keywords').fill('refund');
    await ruleForm.getByLabel('Keywords').press('Enter');
    await ruleForm.getByLabel('Add labels').fill('billing');
    await ruleForm.getByLabel('Add labels').press('Enter');
    const autoSend = ruleForm.getByLabel('Send the draft automatically, without review');
    expect(await autoSend.isDisabled()).toBe(true);
    await ruleForm.getByLabel('Prepare an AI draft for review').check();
    expect(await autoSend.isChecked()).toBe(false);
    await ruleForm.getByRole('button', { name: 'Add rule' }).click();
    const ruleList = rules.getByRole('list', { name: 'Rules' });
    await ruleList.getByText('When “refund” → label billing, AI draft for review.').waitFor();
    expect(await ruleList.getByText('Sends without review').count()).toBe(0);
    await ruleList.getByRole('button', { name: 'Edit Refunds' }).click();
    const editRule = ruleList.getByRole('form', { name: 'Edit Refunds' });
    expect(await editRule.getByLabel('Prepare an AI draft for review').isChecked()).toBe(true);
    await editRule.getByLabel('Set priority').selectOption({ label: 'High' });
    await editRule.getByRole('button', { name: 'Save rule' }).click();
    await ruleList.getByText('When “refund” → label billing, priority High, AI draft for review.').waitFor();
    // A pattern the linear-time engine cannot run is refused by the server, and the form says why.
    await ruleForm.getByLabel('Name').fill('Lookahead');
    await ruleForm.getByLabel('Pattern (regular expression)').fill('refund(?= now)');
    await ruleForm.getByLabel('Add labels').fill('odd');
    await ruleForm.getByRole('button', { name: 'Add rule' }).click();
    await ruleForm.getByText(/Look-around such as .* is not supported/).waitFor();
    await ruleForm.getByLabel('Pattern (regular expression)').fill('');
    await ruleForm.getByLabel('Name').fill('');

    const canned = page.getByRole('region', { name: 'Canned replies' });
    await canned.getByLabel('Title').fill('Refund timing');
    await canned.getByLabel('Text').fill('Refunds reach your card within 5 days.');
    await canned.getByRole('button', { name: 'Add canned reply' }).click();
    await canned.getByRole('list', { name: 'Canned replies' }).getByText('Refund timing').waitFor();
    await canned.getByRole('button', { name: 'Edit Refund timing' }).click();
    const editCanned = canned.getByRole('form', { name: 'Edit Refund timing' });
    await editCanned.getByLabel('Text').fill('Refunds reach your card within 5 working days.');
    await editCanned.getByRole('button', { name: 'Save' }).click();
    await canned.getByText('Refunds reach your card within 5 working days.').waitFor();

    // A history import is all or nothing: a bad row stores nothing and is named; the fixed file imports.
    const importCard = page.getByRole('region', { name: 'Import messages' });
    const header = 'channel,external_id,customer_id,customer_name,body';
    const rows = [
      'sms,sms-1,+3312345678,Chloé,Do you deliver on Saturdays?',
      'x,x-1,@dan,Dan,Great croissants',
    ];
    const csv = (lines: string[]) => ({
      name: 'history.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${[header, ...lines].join('\n')}\n`),
    });
    await importCard.getByLabel('File').setInputFiles(csv([...rows, 'fax,f-1,c-3,Eve,Hello']));
    await importCard.getByText('Import refused').waitFor();
    await importCard.getByText('csv.4', { exact: false }).first().waitFor();
    await importCard.getByLabel('File').setInputFiles(csv(rows));
    await importCard.getByText('2 new messages; 0 were already in the inbox.').waitFor();
    await shootAllLooks(page, 'inbox-settings');

    await callApiAs(env.server.url, owner, 'POST', '/api/messages', {
      business_id: business.id,
      channel: 'email',
      external_id: 'mail-1',
      customer: { external_id: 'ben@example.com', name: 'Ben Okafor', handle: null },
      body: 'I would like a refund for order 123, the bread was stale.',
    });
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Inbox' }).click();
    const list = page.getByRole('list', { name: 'Conversations' });
    await list.getByRole('button', { name: /Ben Okafor.*billing/ }).waitFor();
    // Search and filters narrow the list; clearing them brings everything back.
    const search = page.getByRole('search', { name: 'Filter conversations' });
    await search.getByLabel('Search').fill('croissants');
    await search.getByLabel('Search').press('Enter');
    await list.getByRole('button', { name: /Ben Okafor/ }).waitFor({ state: 'detached' });
    await list.getByRole('button', { name: /Dan/ }).waitFor();
    expect(await list.getByRole('button').count()).toBe(1);
    await search.getByLabel('Search').fill('');
    await search.getByLabel('Search').press('Enter');
    await search.getByText('Filters (1 on)').click();
    await search.getByLabel('Channel').selectOption({ label: 'SMS' });
    await list.getByRole('button', { name: /Ben Okafor/ }).waitFor({ state: 'detached' });
    await list.getByRole('button', { name: /Chloé/ }).waitFor();
    expect(await list.getByRole('button').count()).toBe(1);
    await search.getByLabel('Channel').selectOption({ label: 'Any channel' });
    await list.getByRole('button', { name: /Ben Okafor.*billing/ }).click();
    const thread = page.getByRole('list', { name: 'Messages' });
    await thread.getByText('Draft for review').waitFor();
    await thread.getByRole('button', { name: 'Review this draft' }).click();
    const reply = page.getByRole('form', { name: 'Reply' });
    await reply.getByText('You are reviewing a draft a rule prepared').waitFor();
    const draft = await replyBox(page).inputValue();
    expect(draft).not.toBe('');
    await reply.getByLabel('Insert a canned reply').selectOption({ label: 'Refund timing' });
    expect(await replyBox(page).inputValue()).toBe(
      `${draft.trimEnd()}\n\nRefunds reach your card within 5 working days.`,
    );
    const deliveredBefore = receiver.requests.length;
    await reply.getByRole('button', { name: 'Send and resolve' }).click();
    await toast(page, 'Reply sent and conversation resolved');
    await thread.getByText('Sent', { exact: true }).waitFor();
    // The reviewed draft became the reply: one message of ours in the thread, not a draft and a copy.
    expect(await thread.getByText('Draft for review').count()).toBe(0);
    const panel = page.getByRole('complementary', { name: 'Customer and AI' });
    await panel.getByText('Resolved', { exact: true }).waitFor();
    // Reopen, assign and snooze until a time.
    await panel.getByRole('button', { name: 'Reopen' }).click();
    await panel.getByText('Open', { exact: true }).waitFor();
    await panel.getByLabel('Assignee').selectOption({ label: owner.name });
    await toast(page, 'Conversation updated');
    await panel.getByLabel('Snooze until').fill('2031-05-04T09:30');
    await panel.getByRole('button', { name: 'Snooze' }).click();
    await toast(page, 'Conversation snoozed');
    await panel.getByText('Snoozed', { exact: true }).waitFor();
    expect(await panel.getByLabel('Assignee').inputValue()).toBe(owner.session.user.id);
    const delivered = (await receiver.waitForRequests(deliveredBefore + 1)).at(-1);
    expect(delivered?.body ?? '').toContain('Refunds reach your card within 5 working days.');

    // The refused pattern (400) and the refused import (422) are the only failed requests the browser logs.
    expect(errors.filter((error) => !/status of (400|422)/.test(error))).toEqual([]);
    await context.close();
  });

  it('a viewer reads conversations but has no reply box, triage, AI suggestions or inbox settings', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const viewer = await seedUser(env.server.url, 'viewer');
    const business = await seedBusiness(env.server.url, owner, 'Quiet Tea Room');
    await seedMember(env.server.url, owner, business.id, viewer, 'viewer');
    const ingested = await callApiAs<{ conversation_id: string }>(
      env.server.url,
      owner,
      'POST',
      '/api/messages',
      {
        business_id: business.id,
        channel: 'facebook',
        external_id: 'fb-1',
        customer: { external_id: 'fb-user-1', name: 'Dora Lee', handle: null },
        body: 'Do you have oat milk?',
      },
    );
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, viewer);
    await page.getByRole('heading', { name: 'Quiet Tea Room', level: 1 }).waitFor();
    await page.goto(`/w/${business.id}/inbox?conversation=${ingested.conversation_id}`);
    await page.getByRole('list', { name: 'Messages' }).getByText('Do you have oat milk?').waitFor();
    await page.getByText('Your role can read the inbox but not reply.').waitFor();
    const panel = page.getByRole('complementary', { name: 'Customer and AI' });
    for (const control of ['Suggest replies', 'Resolve', 'Correct classification']) {
      expect(await panel.getByRole('button', { name: control }).count()).toBe(0);
    }
    // e does nothing for a viewer: the conversation stays open.
    await page.locator('body').press('e');
    await panel.getByText('Open', { exact: true }).waitFor();
    await page.goto(`/w/${business.id}/settings`);
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'General' }).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Inbox' }).count(),
    ).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });
});
