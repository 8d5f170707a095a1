import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Conversation, Message } from '#shared/inbox.schema.js';
import type { Role } from '#shared/roles.js';
import { type FakeApi, json, noContent } from '#web/test/fake-api.js';
import {
  aBusiness,
  aCannedReply,
  aConversation,
  aMember,
  aMessage,
  anId,
  aUser,
} from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { InboxView } from './inbox-view.js';

const me = aUser({ name: 'Ada Lovelace' });
const members = [aMember({ user_id: me.id, name: me.name, email: me.email, role: 'owner' })];

/**
 * The inbox endpoints over in-memory conversations, as the API filters and changes them: `q` matches a
 * message or the customer's name, `channel` and `status` match exactly; a reply replaces the draft it names.
 */
function serveInbox(api: FakeApi, start: { conversation: Conversation; messages: Message[] }[]) {
  const threads = start.map((thread) => ({ ...thread }));
  api
    .on('GET', API.messages, ({ query }) => {
      const q = query.get('q')?.toLowerCase();
      const items = threads
        .filter(({ conversation: c }) => !query.get('status') || c.status === query.get('status'))
        .filter(({ conversation: c }) => !query.get('channel') || c.channel === query.get('channel'))
        .filter(
          ({ conversation: c, messages }) =>
            !q ||
            c.customer.name?.toLowerCase().includes(q) ||
            messages.some((message) => message.body.toLowerCase().includes(q)),
        )
        .map(({ conversation }) => conversation);
      return json({ items, next_cursor: null });
    })
    .on('GET', API.cannedReplies, json({ items: [] }));
  for (const thread of threads) {
    const { id } = thread.conversation;
    api
      .on('GET', API.message(id), () =>
        json({ conversation: thread.conversation, messages: thread.messages }),
      )
      .on('PATCH', API.message(id), ({ body }) => {
        thread.conversation = { ...thread.conversation, ...(body as Partial<Conversation>) };
        return noContent();
      })
      .on('POST', API.messageReply(id), ({ body }) => {
        const reply = body as { body: string; resolve: boolean; draft_id?: string };
        const sent = aMessage(thread.conversation, {
          direction: 'out',
          body: reply.body,
          author: me.name,
          delivery_status: 'sent',
        });
        thread.messages = [...thread.messages.filter((message) => message.id !== reply.draft_id), sent];
        if (reply.resolve) thread.conversation = { ...thread.conversation, status: 'resolved' };
        return json(sent, 201);
      });
  }
  return api;
}

function renderInbox(role: Role, url?: string) {
  const business = aBusiness({ role });
  const path = `/w/${business.id}/inbox`;
  const rendered = renderWithProviders(<InboxView business={business} members={members} />, {
    url: url ? `${path}${url}` : path,
    route: '/w/:businessId/inbox',
    signedIn: me,
  });
  return { ...rendered, business };
}

const list = () => screen.findByRole('list', { name: 'Conversations' });
const panel = () => screen.getByRole('complementary', { name: 'Customer and AI' });
const replyBox = () =>
  within(screen.getByRole('form', { name: 'Reply' })).getByLabelText<HTMLTextAreaElement>('Reply');

describe('InboxView', () => {
  it('narrows the list by search and by channel, and clearing them brings everything back', async () => {
    const businessId = anId();
    const ben = aConversation({
      business_id: businessId,
      channel: 'email',
      customer: { external_id: 'ben@example.com', name: 'Ben Okafor', handle: null },
    });
    const chloe = aConversation({
      business_id: businessId,
      channel: 'sms',
      customer: { external_id: '+3312345678', name: 'Chloé', handle: null },
    });
    const dan = aConversation({
      business_id: businessId,
      channel: 'x',
      customer: { external_id: '@dan', name: 'Dan', handle: null },
    });
    const api = serveInbox(fakeApi(), [
      { conversation: ben, messages: [aMessage(ben, { body: 'I would like a refund.' })] },
      { conversation: chloe, messages: [aMessage(chloe, { body: 'Do you deliver on Saturdays?' })] },
      { conversation: dan, messages: [aMessage(dan, { body: 'Great croissants' })] },
    ]);
    const { user } = renderInbox('owner');
    // happy-dom gives <search> no role: the filters are the only fields labelled Search and Channel.
    const search = document.body;
    const names = async () =>
      within(await list())
        .getAllByRole('button')
        .map((button) => /^(Ben Okafor|Chloé|Dan)/.exec(button.textContent ?? '')?.[1]);
    await within(await list()).findByRole('button', { name: /Ben Okafor/ });

    await user.type(within(search).getByLabelText('Search'), 'croissants{Enter}');
    await within(await list()).findByRole('button', { name: /Dan/ });
    await expect.poll(names).toEqual(['Dan']);
    expect(api.sent('GET', API.messages).at(-1)?.query.get('q')).toBe('croissants');

    await user.clear(within(search).getByLabelText('Search'));
    await user.type(within(search).getByLabelText('Search'), '{Enter}');
    await user.selectOptions(within(search).getByLabelText('Channel'), 'SMS');
    expect(within(search).getByText('Filters (2 on)')).toBeTruthy();
    await expect.poll(names).toEqual(['Chloé']);
    expect(api.sent('GET', API.messages).at(-1)?.query.get('channel')).toBe('sms');
    expect(api.sent('GET', API.messages).at(-1)?.query.has('q')).toBe(false);

    await user.selectOptions(within(search).getByLabelText('Channel'), 'Any channel');
    await expect.poll(names).toEqual(['Ben Okafor', 'Chloé', 'Dan']);
  });

  it('reviews a rule’s draft, completes it with a canned reply and sends it with resolve, in place of the draft', async () => {
    const businessId = anId();
    const ben = aConversation({
      business_id: businessId,
      channel: 'email',
      customer: { external_id: 'ben@example.com', name: 'Ben Okafor', handle: null },
      labels: ['billing'],
    });
    const draft = aMessage(ben, {
      direction: 'out',
      body: 'Sorry about the bread, Ben. We will refund order 123.  ',
      delivery_status: 'draft',
    });
    const api = serveInbox(fakeApi(), [
      { conversation: ben, messages: [aMessage(ben, { body: 'I would like a refund.' }), draft] },
    ]);
    api.on(
      'GET',
      API.cannedReplies,
      json({
        items: [
          aCannedReply({
            business_id: businessId,
            title: 'Refund timing',
            body: 'Refunds reach your card within 5 working days.',
          }),
        ],
      }),
    );
    const { user } = renderInbox('editor', `?conversation=${ben.id}`);

    const thread = await screen.findByRole('list', { name: 'Messages' });
    expect(within(thread).getByText('Draft for review')).toBeTruthy();
    await user.click(within(thread).getByRole('button', { name: 'Review this draft' }));
    const reply = screen.getByRole('form', { name: 'Reply' });
    expect(within(reply).getByText(/^You are reviewing a draft a rule prepared/)).toBeTruthy();
    expect(replyBox().value).toBe(draft.body);
    await user.selectOptions(await within(reply).findByLabelText('Insert a canned reply'), 'Refund timing');
    const sent =
      'Sorry about the bread, Ben. We will refund order 123.\n\nRefunds reach your card within 5 working days.';
    expect(replyBox().value).toBe(sent);
    await user.click(within(reply).getByRole('button', { name: 'Send and resolve' }));

    expect(await screen.findByText('Reply sent and conversation resolved')).toBeTruthy();
    expect(api.sent('POST', API.messageReply(ben.id))[0]?.body).toEqual({
      body: sent,
      resolve: true,
      draft_id: draft.id,
    });
    await within(thread).findByText('Sent', { exact: true });
    expect(within(thread).queryByText('Draft for review')).toBeNull();
    expect(await within(panel()).findByText('Resolved', { exact: true })).toBeTruthy();
    expect(replyBox().value).toBe('');
  });

  it('brings suggested replies into view, and clears them once a reply is sent', async () => {
    const businessId = anId();
    const ben = aConversation({
      business_id: businessId,
      channel: 'email',
      customer: { external_id: 'ben@example.com', name: 'Ben Okafor', handle: null },
    });
    const api = serveInbox(fakeApi(), [
      { conversation: ben, messages: [aMessage(ben, { body: 'Do you deliver on Saturdays?' })] },
    ]);
    api.on(
      'POST',
      API.messageAiReply(ben.id),
      json({
        call_id: anId(),
        task: 'suggestReplies',
        provider: 'offline',
        model: 'offline',
        offline: true,
        cached: false,
        prompt_tokens: 0,
        completion_tokens: 0,
        cost_micro_usd: 0,
        suggestions: [
          { body: 'Yes, every Saturday morning.', relied_on: [], knowledge_entry_ids: [], warnings: [] },
          { body: 'We do, from 8 to 12.', relied_on: [], knowledge_entry_ids: [], warnings: [] },
        ],
      }),
    );
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    const { user } = renderInbox('editor', `?conversation=${ben.id}`);

    await screen.findByRole('list', { name: 'Messages' });
    await user.click(within(panel()).getByRole('button', { name: 'Suggest replies' }));
    const suggestions = await within(panel()).findByRole('list', { name: 'Suggested replies' });
    // The answer opens in view, wherever the panel was scrolled to.
    expect(scrolled.mock.contexts).toContain(suggestions);
    await user.click(within(suggestions).getByRole('button', { name: 'Insert suggestion 2' }));
    expect(replyBox().value).toBe('We do, from 8 to 12.');
    await user.click(
      within(screen.getByRole('form', { name: 'Reply' })).getByRole('button', { name: 'Send' }),
    );

    expect(await screen.findByText('Reply sent')).toBeTruthy();
    await expect.poll(() => within(panel()).queryByRole('list', { name: 'Suggested replies' })).toBeNull();
    scrolled.mockRestore();
  });

  it('reopens, assigns and snoozes a conversation, each with what it asked the server', async () => {
    const businessId = anId();
    const ana = aConversation({ business_id: businessId, status: 'resolved' });
    const api = serveInbox(fakeApi(), [{ conversation: ana, messages: [aMessage(ana)] }]);
    const { user } = renderInbox('owner', `?conversation=${ana.id}`);

    await user.click(
      await within(await screen.findByRole('complementary')).findByRole('button', { name: 'Reopen' }),
    );
    expect(await screen.findByText('Conversation reopened')).toBeTruthy();
    await within(panel()).findByText('Open', { exact: true });
    await user.selectOptions(within(panel()).getByLabelText('Assignee'), me.name);
    expect(await screen.findByText('Conversation updated')).toBeTruthy();
    const until = within(panel()).getByLabelText<HTMLInputElement>('Snooze until');
    await user.clear(until);
    await user.type(until, '2031-05-04T09:30');
    await user.click(within(panel()).getByRole('button', { name: 'Snooze' }));
    expect(await screen.findByText('Conversation snoozed')).toBeTruthy();
    expect(await within(panel()).findByText('Snoozed', { exact: true })).toBeTruthy();
    expect(within(panel()).getByLabelText<HTMLSelectElement>('Assignee').value).toBe(me.id);

    const changes = api.sent('PATCH', API.message(ana.id)).map((request) => request.body);
    expect(changes).toEqual([
      { status: 'open' },
      { assignee_id: me.id },
      { status: 'snoozed', snoozed_until: new Date(2031, 4, 4, 9, 30).toISOString() },
    ]);
  });

  it('lets a viewer read a conversation without a reply box, triage or AI suggestions; e does nothing', async () => {
    const businessId = anId();
    const dora = aConversation({
      business_id: businessId,
      channel: 'facebook',
      customer: { external_id: 'fb-user-1', name: 'Dora Lee', handle: null },
    });
    const api = serveInbox(fakeApi(), [
      { conversation: dora, messages: [aMessage(dora, { body: 'Do you have oat milk?' })] },
    ]);
    const { user } = renderInbox('viewer', `?conversation=${dora.id}`);

    const thread = await screen.findByRole('list', { name: 'Messages' });
    expect(within(thread).getByText('Do you have oat milk?')).toBeTruthy();
    expect(screen.getByText('Your role can read the inbox but not reply.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Reply' })).toBeNull();
    for (const control of ['Suggest replies', 'Resolve', 'Snooze', 'Correct classification']) {
      expect(within(panel()).queryByRole('button', { name: control })).toBeNull();
    }
    expect(within(panel()).queryByLabelText('Assignee')).toBeNull();

    await user.keyboard('e');
    expect(within(panel()).getByText('Open', { exact: true })).toBeTruthy();
    expect(api.sent('PATCH', API.message(dora.id))).toEqual([]);
    expect(api.sent('GET', API.cannedReplies)).toEqual([]);
  });

  it('marks a direct message as one, and only that message', async () => {
    const businessId = anId();
    const fan = aConversation({
      business_id: businessId,
      channel: 'mastodon',
      customer: { external_id: '42', name: 'A Fan', handle: '@fan@elsewhere.example' },
    });
    serveInbox(fakeApi(), [
      {
        conversation: fan,
        messages: [
          aMessage(fan, { body: '@bakery Love the rye!' }),
          aMessage(fan, { body: '@bakery Can I order a cake?', visibility: 'direct' }),
        ],
      },
    ]);
    renderInbox('owner', `?conversation=${fan.id}`);

    const thread = await screen.findByRole('list', { name: 'Messages' });
    const [mention, dm] = within(thread).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(dm).getByText('Direct message')).toBeTruthy();
    expect(within(mention).queryByText('Direct message')).toBeNull();
  });

  it('opens narrowed to what a link asks for: the dashboard’s urgent and negative counts', async () => {
    const api = serveInbox(fakeApi(), []);
    renderInbox('owner', '?priority=urgent&sentiment=negative');

    expect(await screen.findByText('No conversations here')).toBeTruthy();
    const [list] = api.sent('GET', API.messages);
    expect(list?.query.get('status')).toBe('open');
    expect(list?.query.get('priority')).toBe('urgent');
    expect(list?.query.get('sentiment')).toBe('negative');
    expect(screen.getByText('Filters (3 on)')).toBeTruthy();
  });
});
