import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { jobHandlerDeps } from '#server/composition-root.js';
import { verifySignatureHeader } from '#server/integrations/signed-delivery.js';
import { createJobHandlers } from '#server/jobs/handlers.js';
import { JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import type { JobWorker } from '#server/jobs/job-types.js';
import { buildJobRegistry } from '#server/jobs/registry.js';
import type { Unsubscribe } from '#server/realtime/event-bus.js';
import type { Business } from '#shared/business.schema.js';
import type { ConnectorWithSecret } from '#shared/connector.schema.js';
import type { LiveEvent } from '#shared/events.schema.js';
import type { ConversationThread, IngestResult, Message } from '#shared/inbox.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Triage in the background: every new message is classified by the message.classify job (offline writer),
// the conversation shows the result, open inboxes hear about it live, and rules label, assign, prioritise
// and prepare drafts — sent only when a rule explicitly opted into auto-send.

const SILENT = { info() {}, warn() {}, error() {} };

describeEachDialect('inbox triage', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let worker: JobWorker;
  let receiver: WebhookReceiver;
  let events: LiveEvent[];
  let unsubscribe: Unsubscribe;
  let sequence = 0;

  beforeEach(async () => {
    t = await createTestApp(await create(), { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
    receiver = await startWebhookReceiver();
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    const { services } = t;
    const registry = buildJobRegistry(
      JOB_DEFINITIONS,
      createJobHandlers({
        ...jobHandlerDeps(services),
        queue: services.jobQueue,
        now: () => new Date(),
      }),
    );
    worker = services.jobQueue.createWorker(registry, { concurrency: 1, logger: SILENT });
    worker.start();
    events = [];
    unsubscribe = await services.events.subscribe(business.id, (event) => events.push(event));
  });
  afterEach(async () => {
    unsubscribe();
    await worker.drain(2_000);
    await receiver.close();
    await t.close();
  });

  const as = (account: TestAccount, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const ingest = async (body: string, channel = 'instagram') => {
    sequence += 1;
    const response = await as(owner, 'POST', '/api/messages', {
      business_id: business.id,
      channel,
      external_id: `m-${sequence}`,
      customer: { external_id: `c-${sequence}`, name: 'Noor', handle: null },
      body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<IngestResult>();
  };
  const thread = async (id: string) =>
    (await as(owner, 'GET', `/api/messages/${id}`)).json<ConversationThread>();
  /**
   * The thread once its customer message has been classified. The thread is two reads (conversation, then
   * messages), so one that straddles the job's commit can see the message classified and the conversation
   * not yet: wait for both.
   */
  const triaged = (id: string) =>
    vi.waitFor(
      async () => {
        const current = await thread(id);
        expect(current.messages.find((m) => m.direction === 'in')?.classification).not.toBeNull();
        expect(current.conversation.sentiment).not.toBeNull();
        return current;
      },
      { timeout: 15_000, interval: 50 },
    );
  const addConnector = async () => {
    const response = await as(owner, 'POST', '/api/connectors', {
      business_id: business.id,
      kind: 'webhook',
      name: 'Replies',
      settings: { url: receiver.url },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ConnectorWithSecret>();
  };
  const addRule = async (rule: object) => {
    const response = await as(owner, 'POST', '/api/inbox/rules', { business_id: business.id, ...rule });
    expect(response.statusCode, response.body).toBe(201);
  };

  it('classifies each new message in the background, announces it live, and keeps a correction by hand', async () => {
    const angry = await ingest('This is terrible, I want a refund now!');
    const received = events.find((event) => event.type === 'message.received');
    expect(received?.data).toEqual({ conversation_id: angry.conversation_id, message_id: angry.message_id });

    const done = await triaged(angry.conversation_id);
    expect(done.conversation).toMatchObject({
      sentiment: 'negative',
      intent: 'complaint',
      priority: 'urgent',
      language: 'en',
    });
    expect(done.messages[0]?.classification).toMatchObject({
      sentiment: 'negative',
      intent: 'complaint',
      priority: 'urgent',
      call_id: expect.any(String),
      reasons: expect.arrayContaining(['Mentions "refund"']),
    });
    await vi.waitFor(() =>
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'conversation.changed',
          data: { conversation_id: angry.conversation_id, change: 'classified' },
        }),
      ),
    );

    const spanish = await ingest('Hola, ¿cuándo abre la tienda? Gracias', 'facebook');
    expect((await triaged(spanish.conversation_id)).conversation).toMatchObject({
      language: 'es',
      intent: 'question',
    });
    const praise = await ingest('Love the sourdough, thank you!');
    expect((await triaged(praise.conversation_id)).conversation).toMatchObject({
      sentiment: 'positive',
      priority: 'low',
    });

    const corrected = await as(owner, 'PATCH', `/api/messages/${angry.conversation_id}`, {
      intent: 'question',
      priority: 'normal',
    });
    expect(corrected.json<ConversationThread>().conversation).toMatchObject({
      intent: 'question',
      priority: 'normal',
    });
    // Both normal now, so the newer first; low priority last.
    const list = await as(owner, 'GET', `/api/messages?business_id=${business.id}`);
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).toEqual([
      spanish.conversation_id,
      angry.conversation_id,
      praise.conversation_id,
    ]);
  });

  it('runs rules: label, assign, prioritise and prepare a draft for review that is not sent', async () => {
    const connector = await addConnector();
    const editor = await registerAccount(t.app);
    await addMember(t.app, owner, business, editor, 'editor');
    await addRule({
      name: 'Refunds to Sam',
      match: { keywords: ['refund', 'money back'] },
      actions: {
        labels: ['refunds'],
        assignee_id: editor.session.user.id,
        priority: 'urgent',
        prepare_draft: true,
      },
    });
    await addRule({
      name: 'Orders',
      match: { regex: 'order\\s*#?\\d{4,}' },
      actions: { labels: ['orders'] },
    });

    const ingested = await ingest('Hi, where is my refund for order #12345?');
    const done = await vi.waitFor(
      async () => {
        const current = await thread(ingested.conversation_id);
        expect(current.messages).toHaveLength(2);
        return current;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(done.conversation).toMatchObject({
      labels: ['refunds', 'orders'],
      assignee_id: editor.session.user.id,
      priority: 'urgent',
      first_response_at: null,
    });
    const draft = done.messages[1] as Message;
    expect(draft).toMatchObject({
      direction: 'out',
      delivery_status: 'draft',
      author: 'Rule: Refunds to Sam',
    });
    expect(receiver.requests).toHaveLength(0);

    // A person edits the draft and sends it: it goes out signed through the connector.
    const sent = await as(editor, 'POST', `/api/messages/${ingested.conversation_id}/reply`, {
      draft_id: draft.id,
      body: 'Sorry for the wait, Noor: we are checking your order now.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<Message>()).toMatchObject({
      id: draft.id,
      delivery_status: 'sent',
      delivery_error: null,
    });
    const [request] = await receiver.waitForRequests(1);
    expect(request?.headers['x-mcc-event']).toBe('message.reply');
    const signature = String(request?.headers['x-mcc-signature']);
    expect(
      verifySignatureHeader(connector.secret ?? '', request?.body ?? '', signature, Date.now() / 1000),
    ).toBe(true);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      type: 'message.reply',
      conversation_id: ingested.conversation_id,
      in_reply_to: `m-${sequence}`,
      body: 'Sorry for the wait, Noor: we are checking your order now.',
    });
    const after = await thread(ingested.conversation_id);
    expect(after.conversation.first_response_seconds).not.toBeNull();
    expect(after.messages.map((m) => m.delivery_status)).toEqual([null, 'sent']);
  });

  it('sends a prepared draft without review only for a rule that opted into auto-send', async () => {
    await addConnector();
    await addRule({
      name: 'Hours',
      match: { keywords: ['opening hours'] },
      actions: { prepare_draft: true },
      auto_send: true,
    });
    const ingested = await ingest('What are your opening hours on Sunday?');
    const [request] = await receiver.waitForRequests(1, 15_000);
    expect(request?.headers['x-mcc-event']).toBe('message.reply');
    const done = await vi.waitFor(async () => {
      const current = await thread(ingested.conversation_id);
      expect(current.messages[1]?.delivery_status).toBe('sent');
      expect(current.conversation.first_response_at).not.toBeNull();
      return current;
    });
    expect(done.messages[1]).toMatchObject({ author: 'Rule: Hours', direction: 'out' });
  });

  it('refuses patterns RE2 cannot run and rules that auto-send nothing, and keeps rules for owners and admins', async () => {
    const unsupported = await as(owner, 'POST', '/api/inbox/rules', {
      business_id: business.id,
      name: 'Bad',
      match: { regex: 'refund(?!ed)' },
      actions: { labels: ['x'] },
    });
    expect(unsupported.statusCode).toBe(400);
    expect(unsupported.json()).toMatchObject({
      errors: [
        {
          path: 'body.match.regex',
          code: 'unsupported_pattern',
          message: expect.stringMatching(
            /^Look-around .* is not supported: rules run on a linear-time engine$/,
          ),
        },
      ],
    });
    const autoNothing = await as(owner, 'POST', '/api/inbox/rules', {
      business_id: business.id,
      name: 'Auto',
      match: { keywords: ['hi'] },
      actions: { labels: ['x'] },
      auto_send: true,
    });
    expect(autoNothing.statusCode).toBe(400);
    const editor = await registerAccount(t.app);
    await addMember(t.app, owner, business, editor, 'editor');
    const byEditor = await as(editor, 'POST', '/api/inbox/rules', {
      business_id: business.id,
      name: 'Mine',
      match: { keywords: ['hi'] },
      actions: { labels: ['x'] },
    });
    expect(byEditor.statusCode).toBe(403);
  });
});
