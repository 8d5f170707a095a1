import type { Services } from '#server/composition-root.js';
import type { Config } from '#server/config/config.js';
import type { BrandProfile } from '#shared/brand.schema.js';
import type { Principal } from '../services/access/principal.js';
import { randomToken } from '../services/access/security/tokens.js';
import { seedDemoAnalytics } from './analytics-demo.js';
import { seedDemoInbox } from './inbox-demo.js';

export const DEMO_EMAIL = 'demo@mcc.local';

/** The seeded account, to print once on the console. */
export interface DemoCredentials {
  email: string;
  password: string;
  businessName: string;
  /** Why part of the demo is missing: the account exists (so its password must still be shown). */
  failure?: unknown;
}

const DEMO_BRAND: BrandProfile = {
  voice: {
    tone: { formal_casual: 70, serious_playful: 60, reserved_enthusiastic: 65, traditional_modern: 55 },
    personality: ['warm', 'curious', 'knowledgeable'],
    words_to_use: ['freshly roasted', 'single-origin', 'neighbourhood'],
    words_to_avoid: ['cheap', 'best ever'],
    example_posts: [
      'New on the shelf: a washed Ethiopian with notes of jasmine and lemon. Come and taste it at the bar.',
    ],
  },
  audiences: [
    {
      name: 'Home baristas',
      description: 'People who brew pour-over or espresso at home',
      pains: ['stale supermarket beans'],
      goals: ['café-quality coffee at home'],
    },
    {
      name: 'Local office managers',
      description: 'Teams near our cafés ordering for the office',
      pains: ['bad office coffee'],
      goals: ['a reliable weekly delivery'],
    },
  ],
  products: [
    { name: 'Ethiopia Yirgacheffe', description: 'Floral, citrusy light roast', price: '£12' },
    {
      name: 'Monthly subscription',
      description: 'A new single-origin coffee every month, roasted to order',
      price: '£18 a month',
    },
  ],
  goals: ['Grow online subscriptions', 'Fill the cafés on weekday mornings'],
  channels: ['instagram', 'linkedin', 'email'],
};

type DemoServices = Pick<
  Services,
  | 'auth'
  | 'workspaces'
  | 'campaigns'
  | 'calendar'
  | 'content'
  | 'contentWorkflow'
  | 'contentMedia'
  | 'textCards'
  | 'pastPublications'
  | 'forecasts'
  | 'analyticsMetrics'
  | 'inbox'
  | 'inboxLibrary'
>;

const BUSINESS_NAME = 'Bluebird Coffee Roasters';

/**
 * In development, an empty database gets a demo account and a business with a brand profile, a campaign
 * and a two-week calendar, plus a campaign three weeks in with actual results and a forecast
 * (analytics-demo.ts), and an inbox of customer messages (inbox-demo.ts), so a first run has something to
 * click. Every AI call of the seed runs on the offline writer, even with a provider configured: a first
 * start must not spend tokens, nor fail because a provider answered badly. The password is random (printed
 * once, never stored in clear). Production never seeds. Once the account exists, a failing step is
 * returned as `failure` rather than thrown, so the caller can still show how to sign in.
 */
export async function seedDemoIfEmpty(
  config: Config,
  services: DemoServices,
  now: () => Date = () => new Date(),
): Promise<DemoCredentials | undefined> {
  if (!config.demo.enabled || config.env === 'production') return undefined;
  if (await services.auth.hasAccounts()) return undefined;
  const password = randomToken(12);
  const { session } = await services.auth.register({ email: DEMO_EMAIL, password, name: 'Demo Owner' });
  const credentials = { email: DEMO_EMAIL, password, businessName: BUSINESS_NAME };
  try {
    await seedDemoWorkspace(services, { kind: 'user', userId: session.user.id }, now());
    return credentials;
  } catch (failure) {
    return { ...credentials, failure };
  }
}

async function seedDemoWorkspace(services: DemoServices, owner: Principal, now: Date): Promise<void> {
  const business = await services.workspaces.create(owner, {
    name: BUSINESS_NAME,
    industry: 'Specialty coffee',
    description: 'A neighbourhood roastery selling single-origin beans online and in two cafés.',
    website: 'https://bluebird.example',
    time_zone: 'Europe/London',
    locale: 'en-GB',
    brand: DEMO_BRAND,
  });
  const start = nextMonday(now);
  const campaign = await services.campaigns.create(owner, {
    business_id: business.id,
    name: 'Autumn subscription push',
    objective: 'sales',
    channels: ['instagram', 'linkedin', 'email'],
    budget_minor: 50_000,
    currency: 'GBP',
    start_date: start,
    end_date: addDays(start, 13),
    kpis: [
      { metric: 'subscriptions', target: 40 },
      { metric: 'clicks', target: 1200 },
    ],
  });
  // The calendar job's work, done inline: the seed must be complete before the banner is printed.
  const plan = await services.calendar.generate(
    {
      principal: owner,
      request: {
        start_date: start,
        weeks: 2,
        channels: ['instagram', 'linkedin', 'email'],
        cadence: {},
        pillars: [],
        objective: 'sales',
        campaign_id: campaign.id,
        detail: 'drafts',
      },
    },
    {
      jobId: 'demo-seed',
      businessId: business.id,
      attempt: 1,
      signal: new AbortController().signal,
      reportProgress: async () => {},
      // Run in place of a job: nothing to settle, and nobody listening yet.
      afterSettled: (callback) => callback(),
    },
    { offline: true },
  );
  await moveAlongTheWorkflow(services, owner, plan.content_item_ids);
  // A campaign three weeks in, with actual results and a forecast, for the analytics page.
  await seedDemoAnalytics(services, owner, business.id, now);
  // A week of customer messages in two languages, for the inbox.
  await seedDemoInbox(services, owner, business.id, now);
}

/**
 * The first drafts of the coming campaign a team would already have moved on: three scheduled (their
 * publish jobs queued for their time), one approved, one in review; the rest stay drafts. Channels that
 * need an image (Instagram) stay drafts until someone adds one.
 */
async function moveAlongTheWorkflow(services: DemoServices, owner: Principal, itemIds: readonly string[]) {
  const items = await Promise.all(itemIds.map((id) => services.content.get(owner, id)));
  const ready = items
    .filter((item) => item.status === 'draft' && item.channel !== 'instagram' && item.scheduled_at)
    .sort((a, b) => (a.scheduled_at ?? '').localeCompare(b.scheduled_at ?? ''));
  const stages = ['scheduled', 'scheduled', 'scheduled', 'approved', 'in_review'] as const;
  const path = ['in_review', 'approved', 'scheduled'] as const;
  for (const [index, target] of stages.entries()) {
    let item = ready[index];
    if (!item) return;
    for (const to of path.slice(0, path.indexOf(target) + 1)) {
      item = await services.contentWorkflow.transition(owner, item.id, { to, version: item.version });
    }
  }
}

function nextMonday(from: Date): string {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  date.setUTCDate(date.getUTCDate() + ((8 - date.getUTCDay()) % 7 || 7));
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
