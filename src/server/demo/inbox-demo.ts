import type { Services } from '#server/composition-root.js';
import type { Principal } from '../services/access/principal.js';

// The inbox part of the demo: what Bluebird's customers wrote this week, in English and Spanish, across
// channels, plus the knowledge the AI suggestions lean on. Each message is classified in the background
// like any other, so the badges appear within seconds of the first start.

const KNOWLEDGE = [
  {
    kind: 'policy',
    title: 'Delivery',
    body: 'UK orders ship within two working days by Royal Mail; free over £30. We do not deliver on Sundays.',
  },
  {
    kind: 'policy',
    title: 'Damaged or late orders',
    body: 'Send a photo of the parcel and we replace it or refund it in full, whichever the customer prefers.',
  },
  {
    kind: 'product',
    title: 'Subscription',
    body: 'Two bags a month, skip or cancel any time from the account page; the first bag ships the same week.',
  },
  {
    kind: 'faq',
    title: 'Café opening hours',
    body: 'Both cafés open 7:30–18:00 Monday to Saturday and 9:00–16:00 on Sunday.',
  },
] as const;

const CANNED = [
  {
    title: 'Thanks for the kind words',
    body: 'Thank you so much! We will pass this on to the roasting team. See you soon at the café.',
  },
] as const;

const CONVERSATIONS = [
  {
    channel: 'instagram',
    customer: { external_id: 'ig-ana.lopez', name: 'Ana López', handle: '@ana.lopez' },
    body: 'Hola, ¿cuánto cuesta la suscripción mensual? ¿Enviáis a Valencia?',
    hoursAgo: 2,
  },
  {
    channel: 'email',
    customer: { external_id: 'tom.reed@example.com', name: 'Tom Reed', handle: null },
    body: 'My order arrived late and the bag was torn open. Not great for a gift — I would like a refund please.',
    hoursAgo: 5,
  },
  {
    channel: 'facebook',
    customer: { external_id: 'fb-1009', name: 'Priya Shah', handle: null },
    body: 'Are you open on Sunday morning? Thinking of bringing my parents for brunch.',
    hoursAgo: 9,
  },
  {
    channel: 'google_business',
    customer: { external_id: 'g-review-77', name: 'Martin Hughes', handle: null },
    body: 'Best flat white in town and the Yirgacheffe beans are lovely. Friendly staff too!',
    hoursAgo: 20,
  },
  {
    channel: 'instagram',
    customer: { external_id: 'ig-carlos.m', name: 'Carlos Martín', handle: '@carlosm' },
    body: 'El pedido llegó roto y tarde, quiero un reembolso.',
    hoursAgo: 30,
  },
] as const;

/**
 * Seed the demo workspace's inbox: knowledge entries, a canned reply and five conversations, classified by
 * the offline writer (a first start must neither spend tokens nor depend on a provider).
 */
export async function seedDemoInbox(
  services: Pick<Services, 'inbox' | 'inboxLibrary'>,
  owner: Principal,
  businessId: string,
  now: Date,
): Promise<void> {
  for (const entry of KNOWLEDGE) {
    await services.inboxLibrary.createKnowledge(owner, { business_id: businessId, enabled: true, ...entry });
  }
  for (const reply of CANNED) {
    await services.inboxLibrary.createCanned(owner, { business_id: businessId, ...reply });
  }
  for (const [index, conversation] of CONVERSATIONS.entries()) {
    await services.inbox.ingest(
      owner,
      {
        business_id: businessId,
        channel: conversation.channel,
        external_id: `demo-${index + 1}`,
        customer: conversation.customer,
        body: conversation.body,
        sent_at: new Date(now.getTime() - conversation.hoursAgo * 3_600_000).toISOString(),
      },
      { offline: true },
    );
  }
}
