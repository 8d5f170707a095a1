import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { type Database, openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import type { CampaignsTable, ConversationRow, MessageRow, NewContentItem } from '../src/server/db/schema.js';
import {
  ContentItemRepository,
  type ContentPageOptions,
} from '../src/server/repositories/content-item.repository.js';
import {
  type ConversationFilters,
  ConversationRepository,
} from '../src/server/repositories/conversation.repository.js';
import { StatisticsRepository } from '../src/server/repositories/statistics.repository.js';
import type { ChannelId } from '../src/shared/channel-ids.js';
import type { ContentStatus } from '../src/shared/content.schema.js';
import { PRIORITY_RANK } from '../src/shared/inbox.schema.js';
import { createPostgresTestDatabase, type TestDatabase } from '../test/support/databases.js';
import { createTestApp, type TestApp } from '../test/support/test-app.js';
import { type BenchAccount, latencyPercentiles, signUpWithWorkspace } from './app-fixtures.js';
import { type Check, envInt, fmt, loadAverage, log, printChecks, table } from './report.js';

// One large workspace (issue 20, "API performance, round 2"): `BENCH_SUITE=large`; see docs/benchmarks.md,
// "One large workspace". One workspace holding a million content items over five years and 100,000 inbox
// conversations with a few messages each, on SQLite (a file, WAL) and PostgreSQL. The account and the
// workspace come through the app; the volume goes in as multi-row inserts in transactions, then the
// statistics refresh a bulk import ends with (StatisticsRepository). Then, through the app (`app.inject`:
// auth, validation, the service, serialisation) against the repository query alone (the baseline), with
// parameters varied from query to query: the content library's first page and filtered pages, a month of
// the calendar, content search, the inbox's first page and filtered page, and inbox search.

const ITEMS = envInt('BENCH_LARGE_ITEMS', 1_000_000);
const CONVERSATIONS = envInt('BENCH_LARGE_CONVERSATIONS', 100_000);
const QUERIES = envInt('BENCH_LARGE_QUERIES', 300);
/** A case stops after this many seconds of measuring (a scan of a million rows would take an hour). */
const CASE_SECONDS = envInt('BENCH_LARGE_CASE_SECONDS', 30);
/** `sqlite`, `postgres` or both (the default). */
const DIALECTS = (process.env.BENCH_LARGE_DB ?? 'sqlite,postgres').split(',').map((name) => name.trim());
const TARGET_P99_MS = 25;
const LIST_PAGE = 50;
const CALENDAR_PAGE = 200;
const YEARS_BACK = 4;
const YEARS_AHEAD = 1;
const CAMPAIGNS = 240;
const NAMES = { person: 'Large Workspace Owner', business: 'Northwind Coffee Roasters' };

// ---------------------------------------------------------------------------------------------- data

/** A small, fast, seeded generator (mulberry32): the same data on both databases and in every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const pick = <T>(rand: () => number, values: readonly T[]): T =>
  values[Math.floor(rand() * values.length)] as T;
/** `values` by weight: `[[value, weight], …]`. */
function weighted<T>(rand: () => number, values: readonly (readonly [T, number])[]): T {
  const total = values.reduce((sum, [, weight]) => sum + weight, 0);
  let at = rand() * total;
  for (const [value, weight] of values) {
    at -= weight;
    if (at < 0) return value;
  }
  return values[values.length - 1]?.[0] as T;
}

const PRODUCTS = [
  'Yirgacheffe',
  'Huila',
  'Kenya AA',
  'Antigua',
  'Mandheling',
  'Santos',
  'Tarrazu',
  'Sidamo',
  'Kona',
  'Harrar',
  'house espresso',
  'Swiss water decaf',
  'cold brew',
  'oat latte',
  'flat white',
  'pour-over kit',
  'burr grinder',
  'gift box',
  'subscription',
  'single-origin sampler',
] as const;
/** How often each product comes up: a few are everywhere, most are occasional (Zipf-like). */
const PRODUCT_WEIGHTS = PRODUCTS.map((product, index) => [product, 1 / (index + 1)] as const);
const PLACES = ['Lisbon', 'Porto', 'Bristol', 'Leeds', 'Lyon', 'Ghent', 'Utrecht', 'Malmö', 'Cork', 'Bergen'];
const HOOKS = [
  'Fresh from the roastery',
  'Behind the scenes',
  'Meet the farmers',
  'Brewing tip of the week',
  'Weekend offer',
  'New this month',
  'Customer favourite',
  'Back in stock',
  'Last chance',
  'Tasting notes',
  'From our baristas',
  'Community spotlight',
] as const;
const SENTENCES = [
  (p: string, place: string) => `Our ${p} is roasted in small batches every Tuesday in ${place}.`,
  (p: string) => `Try the ${p} with a splash of oat milk: notes of cocoa, cherry and brown sugar.`,
  (p: string, place: string) => `This weekend only, 15% off ${p} at the ${place} shop and online.`,
  (p: string) => `We asked our head roaster why ${p} tastes so different in spring.`,
  (_p: string, place: string) =>
    `Join the free cupping session at our ${place} roastery on Saturday morning.`,
  (p: string) => `A step-by-step guide to dialling in ${p} on a home machine.`,
  (p: string) => `Thank you for making ${p} our best seller three months running!`,
  (_p: string, place: string) => `Our ${place} team is hiring baristas: apply through the link in bio.`,
  (p: string) => `Subscribers get ${p} a week early, delivered to the door.`,
  (p: string) => `Compostable bags for ${p} from this month: one more step towards zero waste.`,
  (_p: string, place: string) => `Live music and latte art at ${place} this Friday from six.`,
  (p: string) => `What food goes best with ${p}? Tell us in the comments.`,
] as const;
/** Words that occur in one item in 10,000: what a selective search looks for. */
const RARE_WORDS = ['kalossi', 'geisha', 'anaerobic', 'carbonic', 'wush-wush'] as const;
/** Words in no item: a search that finds nothing (a typo, a product not sold). */
const ABSENT_WORDS = ['zanzibar', 'matcha', 'rooibos', 'chicory', 'yerba'] as const;
const COMMON_WORDS = ['yirgacheffe', 'huila', 'kenya aa', 'antigua', 'oat milk'] as const;
const ITEM_CHANNELS: readonly (readonly [ChannelId, number])[] = [
  ['instagram', 6],
  ['facebook', 4],
  ['linkedin', 3],
  ['x', 3],
  ['email', 2],
  ['threads', 2],
  ['tiktok', 2],
  ['google_business', 1],
  ['pinterest', 1],
  ['bluesky', 1],
  ['mastodon', 0.5],
  ['sms', 0.5],
];
const PILLARS = ['Origins', 'Brewing', 'Offers', 'Community', 'Sustainability', 'Team'];

/** The five-year span of the calendar, as whole months: four years back and one ahead of now. */
function span(now: number): { start: number; end: number } {
  const today = new Date(now);
  return {
    start: Date.UTC(today.getUTCFullYear() - YEARS_BACK, today.getUTCMonth(), 1),
    end: Date.UTC(today.getUTCFullYear() + YEARS_AHEAD, today.getUTCMonth(), 1),
  };
}

function campaignRows(businessId: string, now: number): CampaignsTable[] {
  const { start, end } = span(now);
  const step = (end - start) / CAMPAIGNS;
  const rand = random(7);
  const at = new Date(now).toISOString();
  return Array.from({ length: CAMPAIGNS }, (_, index) => {
    const from = start + index * step;
    const to = from + step * 1.5;
    const product = weighted(rand, PRODUCT_WEIGHTS);
    return {
      id: uuidv7({ msecs: Math.min(from, now) - 30 * 86_400_000 }),
      business_id: businessId,
      name: `${pick(rand, HOOKS)}: ${product} ${new Date(from).getUTCFullYear()} #${index + 1}`,
      objective: pick(rand, ['awareness', 'traffic', 'leads', 'sales', 'engagement'] as const),
      channels: JSON.stringify(['instagram', 'facebook', 'email']),
      budget_minor: 50_000 + Math.floor(rand() * 500_000),
      currency: 'EUR',
      start_date: new Date(from).toISOString().slice(0, 10),
      end_date: new Date(to).toISOString().slice(0, 10),
      kpis: JSON.stringify([{ metric: 'clicks', target: 1000 }]),
      status: to < now ? 'completed' : from < now ? 'active' : 'draft',
      created_by: null,
      created_at: at,
      updated_at: at,
    };
  });
}

function contentStatus(rand: () => number, scheduled: number | null, now: number): ContentStatus {
  if (scheduled === null)
    return weighted(rand, [
      ['idea', 3],
      ['draft', 1],
    ] as const);
  if (scheduled < now) {
    return weighted(rand, [
      ['published', 90],
      ['failed', 2],
      ['draft', 4],
      ['idea', 2],
      ['approved', 2],
    ] as const);
  }
  return weighted(rand, [
    ['scheduled', 40],
    ['approved', 15],
    ['in_review', 15],
    ['draft', 20],
    ['idea', 10],
  ] as const);
}

/** Item `index` of ITEMS, in time order over the span: realistic text, channel, status and campaign. */
function contentItem(
  index: number,
  businessId: string,
  campaigns: readonly CampaignsTable[],
  now: number,
  rand: () => number,
): NewContentItem {
  const { start, end } = span(now);
  const planned = start + ((index + rand()) / ITEMS) * (end - start);
  // One in twelve is an unscheduled idea or draft, kept in the library only.
  const scheduled = rand() < 1 / 12 ? null : planned;
  const created = Math.min(planned - (1 + rand() * 20) * 86_400_000, now);
  const status = contentStatus(rand, scheduled, now);
  const product = weighted(rand, PRODUCT_WEIGHTS);
  const place = pick(rand, PLACES);
  const sentences = Array.from({ length: 2 + Math.floor(rand() * 3) }, () =>
    pick(rand, SENTENCES)(weighted(rand, PRODUCT_WEIGHTS), place),
  );
  if (rand() < 1 / 10_000) sentences.push(`Limited lot: ${pick(rand, RARE_WORDS)} process, 200 bags only.`);
  const campaign = campaigns[Math.floor(((planned - start) / (end - start)) * CAMPAIGNS)];
  const channel = weighted(rand, ITEM_CHANNELS);
  const iso = new Date(created).toISOString();
  return {
    id: uuidv7({ msecs: created }),
    business_id: businessId,
    campaign_id: campaign && rand() < 0.5 ? campaign.id : null,
    channel,
    format: channel === 'email' ? 'email' : channel === 'sms' ? 'sms' : rand() < 0.1 ? 'story' : 'post',
    title: `${pick(rand, HOOKS)}: ${product} in ${place} (${index.toString(36)})`,
    body: sentences.join(' '),
    thread: '[]',
    hashtags: JSON.stringify(['coffee', product.toLowerCase().replace(/[^a-z]/g, '')]),
    call_to_action: pick(rand, ['Shop now', 'Book a seat', 'Read more', 'Visit us', '']),
    media_brief: '',
    preheader: channel === 'email' ? `This week: ${product}` : '',
    pillar: pick(rand, PILLARS),
    scheduled_at: scheduled === null ? null : new Date(scheduled).toISOString(),
    status,
    variant_group: null,
    version: 1 + Math.floor(rand() * 3),
    ai_call_id: null,
    created_by: null,
    updated_by: null,
    created_at: iso,
    updated_at: iso,
    published_at: status === 'published' && scheduled !== null ? new Date(scheduled).toISOString() : null,
    // One in a hundred is in the trash (deleted, restorable): every read must skip it.
    deleted_at: rand() < 0.01 ? new Date(Math.min(now, created + 86_400_000)).toISOString() : null,
  };
}

const FIRST_NAMES = (
  'Ana Bo Chen Dee Eli Fatima Gus Hana Ivan Jia Kofi Lena Mateo Nia Omar Priya Quinn Rosa Sami Tomas ' +
  'Uma Vik Wen Xavi Yara Zoe Aidan Beatriz Caio Daria Emeka Freya Goran Hiro Ines Jonas Kemal Lucia Mika ' +
  'Nadia Oskar Paula Rafael Sofia Taro Ugo Vera Wanjiru Yusuf Zainab'
).split(' ');
const LAST_NAMES = (
  'Okafor Walsh Nguyen Silva Novak Haddad Larsen Moreau Rossi Tanaka Kowalski Mensah Duarte Ivanova ' +
  'Fischer Khan Murphy Santos Berg Costa Yilmaz Petrov Ahmed Lindqvist Garcia Dubois Ferreira Jansen ' +
  'Byrne Kaur Popescu Horvat Eriksen Mahlaba Quispe Abe Nilsen Romero Sato Vogel'
).split(' ');
/** Words in about one conversation in eight (each in one of the customers' questions or our replies). */
const INBOX_WORDS = ['refund', 'subscription', 'wholesale', 'moka pot'] as const;
const INBOX_CHANNELS: readonly (readonly [ChannelId, number])[] = [
  ['instagram', 5],
  ['facebook', 3],
  ['email', 3],
  ['x', 2],
  ['google_business', 2],
  ['tiktok', 1],
  ['telegram', 1],
];
const QUESTIONS = [
  (p: string) => `Hi! Is the ${p} still available in 250 g bags?`,
  (p: string) => `My order of ${p} has not arrived yet, can you check?`,
  (p: string) => `Do you ship ${p} abroad? And how long does it take?`,
  (p: string) => `The ${p} I got tastes burnt, is that a bad batch? I would like a refund.`,
  (p: string) => `Love the ${p}! Which grind do you recommend for a moka pot?`,
  (p: string) => `Can I pause my subscription for a month? It is the ${p} one.`,
  (p: string) => `Are you open on bank holidays? Want to pick up some ${p}.`,
  (p: string) => `Do you do wholesale prices for ${p}? We run a small café.`,
] as const;
const REPLIES = [
  'Thanks for getting in touch! We will look into it right away.',
  'Sorry about that: a replacement is on its way, no need to send anything back.',
  'Yes, we ship to most of Europe within 3 to 5 working days.',
  'Medium-fine works best for a moka pot. Enjoy!',
  'Done: your subscription is paused until next month.',
  'We are open 8 to 4 on bank holidays. See you soon!',
] as const;

/** Conversation `index` of CONVERSATIONS and its 1 to 7 messages, the latest over the last two years. */
function conversation(
  index: number,
  businessId: string,
  now: number,
  rand: () => number,
): { row: ConversationRow; messages: MessageRow[] } {
  const id = uuidv7();
  const channel = weighted(rand, INBOX_CHANNELS);
  const first = pick(rand, FIRST_NAMES);
  const last = pick(rand, LAST_NAMES);
  const started = now - (1 - (index + rand()) / CONVERSATIONS) * 730 * 86_400_000;
  const count = 1 + Math.floor(rand() * rand() * 7);
  const order = `#${(100_000 + index).toString()}`;
  const product = weighted(rand, PRODUCT_WEIGHTS);
  const messages: MessageRow[] = [];
  let at = started;
  for (let m = 0; m < count; m++) {
    const inbound = m % 2 === 0;
    let body = inbound ? pick(rand, QUESTIONS)(product) : pick(rand, REPLIES);
    if (inbound && m === 0) body += ` Order ${order}.`;
    // One conversation in a thousand asks about gluten: a selective search.
    if (inbound && m === 0 && index % 1000 === 7) body += ' Is it safe for someone who avoids gluten?';
    messages.push({
      id: uuidv7({ msecs: Math.floor(at) }),
      business_id: businessId,
      conversation_id: id,
      channel,
      direction: inbound ? 'in' : 'out',
      body,
      author: inbound ? `${first} ${last}` : 'Northwind team',
      author_user_id: null,
      external_id: inbound ? `ext-${index}-${m}` : null,
      visibility: rand() < 0.3 ? 'direct' : 'public',
      classification: null,
      delivery_status: inbound ? null : 'sent',
      delivery_error: null,
      created_at: new Date(at).toISOString(),
    });
    at += (5 + rand() * 600) * 60_000;
  }
  const latest = messages[messages.length - 1] as MessageRow;
  const old = now - at > 14 * 86_400_000;
  const status = old
    ? weighted(rand, [
        ['resolved', 90],
        ['open', 5],
        ['pending', 5],
      ] as const)
    : weighted(rand, [
        ['open', 50],
        ['pending', 25],
        ['snoozed', 10],
        ['resolved', 15],
      ] as const);
  const priority = weighted(rand, [
    ['low', 15],
    ['normal', 60],
    ['high', 20],
    ['urgent', 5],
  ] as const);
  return {
    row: {
      id,
      business_id: businessId,
      channel,
      customer_external_id: `customer-${index}`,
      customer_name: `${first} ${last}`,
      customer_handle: `@${first.toLowerCase()}.${last.toLowerCase()}${index % 997}`,
      status,
      snoozed_until: status === 'snoozed' ? new Date(now + 3 * 86_400_000).toISOString() : null,
      assignee_id: null,
      priority,
      priority_rank: PRIORITY_RANK[priority],
      sentiment: weighted(rand, [
        ['positive', 3],
        ['neutral', 5],
        ['negative', 2],
      ] as const),
      intent: pick(rand, ['question', 'complaint', 'purchase_intent', 'praise', 'other'] as const),
      language: weighted(rand, [
        ['en', 8],
        ['pt', 1],
        ['fr', 1],
      ] as const),
      labels: rand() < 0.05 ? '["vip"]' : rand() < 0.05 ? '["wholesale"]' : '[]',
      message_count: count,
      last_message_id: latest.id,
      first_response_at: count > 1 ? (messages[1]?.created_at ?? null) : null,
      resolved_at: status === 'resolved' ? latest.created_at : null,
      last_message_at: latest.created_at,
      created_at: new Date(started).toISOString(),
      updated_at: latest.created_at,
    },
    messages,
  };
}

// ------------------------------------------------------------------------------------------- seeding

/** Rows a multi-row insert carries: 30 columns × 1,000 stays under both databases' parameter limits. */
const BATCH = 1_000;
/** Statements a transaction carries. */
const BATCHES_PER_TRANSACTION = 20;

interface Seeded {
  campaigns: CampaignsTable[];
  messages: number;
  seconds: { content: number; inbox: number; statistics: number };
  /** The whole database's size on disk after seeding. */
  bytes: number;
}

/** The database's size: the SQLite file and its WAL, or the PostgreSQL database. */
async function databaseBytes(database: Database, file: string | undefined): Promise<number> {
  if (database.dialect === 'postgres') {
    const { rows } = await sql<{
      bytes: string;
    }>`select pg_database_size(current_database()) as bytes`.execute(database.db);
    return Number(rows[0]?.bytes ?? 0);
  }
  if (!file) return 0;
  return [file, `${file}-wal`].reduce((sum, name) => sum + (existsSync(name) ? statSync(name).size : 0), 0);
}

export async function seedWorkspace(
  database: Database,
  businessId: string,
  now: number,
  file?: string,
): Promise<Seeded> {
  const { db } = database;
  const campaigns = campaignRows(businessId, now);
  let started = performance.now();
  await db.insertInto('campaigns').values(campaigns).execute();
  const itemRand = random(11);
  for (let offset = 0; offset < ITEMS; offset += BATCH * BATCHES_PER_TRANSACTION) {
    await db.transaction().execute(async (trx) => {
      const stop = Math.min(ITEMS, offset + BATCH * BATCHES_PER_TRANSACTION);
      for (let from = offset; from < stop; from += BATCH) {
        const rows: NewContentItem[] = [];
        for (let i = from; i < Math.min(stop, from + BATCH); i++) {
          rows.push(contentItem(i, businessId, campaigns, now, itemRand));
        }
        await trx.insertInto('content_items').values(rows).execute();
      }
    });
    if ((offset / (BATCH * BATCHES_PER_TRANSACTION)) % 10 === 9) process.stdout.write('.');
  }
  const content = (performance.now() - started) / 1000;

  started = performance.now();
  const inboxRand = random(13);
  let messages = 0;
  const perTransaction = 5_000;
  for (let offset = 0; offset < CONVERSATIONS; offset += perTransaction) {
    const rows: ConversationRow[] = [];
    const thread: MessageRow[] = [];
    for (let i = offset; i < Math.min(CONVERSATIONS, offset + perTransaction); i++) {
      const made = conversation(i, businessId, now, inboxRand);
      rows.push(made.row);
      thread.push(...made.messages);
    }
    messages += thread.length;
    await db.transaction().execute(async (trx) => {
      for (let at = 0; at < rows.length; at += BATCH) {
        await trx
          .insertInto('conversations')
          .values(rows.slice(at, at + BATCH))
          .execute();
      }
      for (let at = 0; at < thread.length; at += BATCH) {
        await trx
          .insertInto('messages')
          .values(thread.slice(at, at + BATCH))
          .execute();
      }
    });
  }
  const inbox = (performance.now() - started) / 1000;

  // What an import of this size ends with (content.service, inbox-import.service).
  started = performance.now();
  const statistics = new StatisticsRepository(db, database.dialect);
  await statistics.refresh(['campaigns', 'content_items']);
  await statistics.refresh(['conversations', 'messages']);
  const seconds = { content, inbox, statistics: (performance.now() - started) / 1000 };
  return { campaigns, messages, seconds, bytes: await databaseBytes(database, file) };
}

// ----------------------------------------------------------------------------------------- measuring

interface Measured {
  p50: number;
  p99: number;
  max: number;
  count: number;
  /** Rows per answer, on average: a search that finds nothing is not a page of 50. */
  rows: number;
}

/**
 * Run `run(i)` 10 times to warm up, then QUERIES times in sequence with i = 0, 1, …, stopping early once
 * CASE_SECONDS have gone by (then `count` says how many were timed). `run` gives the rows it read, or a
 * function that counts them, called once the clock has stopped (parsing an answer is the client's time).
 */
export async function timeVaried(run: (i: number) => Promise<number | (() => number)>): Promise<Measured> {
  const budgetEnds = performance.now() + CASE_SECONDS * 1000;
  for (let i = 0; i < 10 && performance.now() < budgetEnds; i++) await run(QUERIES + i);
  const times: number[] = [];
  let rows = 0;
  const measureEnds = performance.now() + CASE_SECONDS * 1000;
  for (let i = 0; i < QUERIES && (i < 5 || performance.now() < measureEnds); i++) {
    const started = performance.now();
    const result = await run(i);
    times.push(performance.now() - started);
    rows += typeof result === 'number' ? result : result();
  }
  const max = Math.max(...times);
  return { ...latencyPercentiles(times), max, count: times.length, rows: rows / times.length };
}

interface Case {
  group: 'content' | 'inbox';
  name: string;
  /** The query string after business_id, for query i. */
  query: (i: number) => string;
  /** The same through the repository alone, for query i: the rows it returned. */
  direct?: (i: number) => Promise<number>;
  /** Held to the target (searches that must read every row anyway are shown without one). */
  targeted: boolean;
}

export interface LargeBenchReport {
  items: number;
  conversations: number;
  messages: Record<string, number>;
  seeding: Array<{
    dialect: string;
    contentSeconds: number;
    inboxSeconds: number;
    statisticsSeconds: number;
    bytes: number;
  }>;
  load: Record<string, { before: string; after: string }>;
  results: Array<{
    dialect: string;
    group: string;
    name: string;
    path: 'api' | 'repository';
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    count: number;
    rows: number;
  }>;
  checks: Check[];
  pass: boolean;
}

export function cases(
  database: Database,
  businessId: string,
  campaigns: readonly CampaignsTable[],
  now: number,
): Case[] {
  const content = new ContentItemRepository(database.db, database.dialect);
  const inbox = new ConversationRepository(database.db, database.dialect);
  const nowIso = new Date(now).toISOString();
  const { start } = span(now);
  const months = (YEARS_BACK + YEARS_AHEAD) * 12;
  const statuses: ContentStatus[] = [
    'published',
    'scheduled',
    'draft',
    'in_review',
    'approved',
    'failed',
    'idea',
  ];
  const channels: ChannelId[] = ITEM_CHANNELS.map(([channel]) => channel);
  const monthOf = (i: number) => {
    // Month i of the span in a scrambled order, so consecutive queries read different parts of the index.
    const first = new Date(start);
    const month = (i * 37) % months;
    return {
      from: new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + month, 1)).toISOString(),
      to: new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + month + 1, 1)).toISOString(),
    };
  };
  const page = (options: Omit<ContentPageOptions, 'limit'>, limit = LIST_PAGE) =>
    content.page(businessId, { ...options, limit: limit + 1 }).then((rows) => rows.length);
  const inboxPage = (filters: Omit<ConversationFilters, 'now'>) =>
    inbox.page(businessId, { ...filters, now: nowIso }, LIST_PAGE + 1).then((rows) => rows.length);
  const campaignOf = (i: number) => campaigns[(i * 53) % campaigns.length]?.id ?? '';
  const rareWord = (i: number) => RARE_WORDS[i % RARE_WORDS.length] ?? '';
  const absentWord = (i: number) => ABSENT_WORDS[i % ABSENT_WORDS.length] ?? '';
  const commonWord = (i: number) => COMMON_WORDS[i % COMMON_WORDS.length] ?? '';
  const surname = (i: number) => (LAST_NAMES[(i * 7) % LAST_NAMES.length] ?? '').toLowerCase();
  const fullName = (i: number) =>
    `${FIRST_NAMES[(i * 11) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`.toLowerCase();
  const inboxWord = (i: number) => INBOX_WORDS[i % INBOX_WORDS.length] ?? '';
  const orderNumber = (i: number) => `#${100_000 + ((i * 7919) % CONVERSATIONS)}`;
  const q = (text: string) => `&q=${encodeURIComponent(text)}`;
  return [
    {
      group: 'content',
      name: 'library, first page',
      query: () => '',
      direct: () => page({}),
      targeted: true,
    },
    {
      group: 'content',
      name: 'library, by status (7 statuses)',
      query: (i) => `&status=${statuses[i % statuses.length]}`,
      direct: (i) => page({ status: statuses[i % statuses.length] }),
      targeted: true,
    },
    {
      group: 'content',
      name: 'library, by channel (12 channels)',
      query: (i) => `&channel=${channels[i % channels.length]}`,
      direct: (i) => page({ channel: channels[i % channels.length] }),
      targeted: true,
    },
    {
      group: 'content',
      name: `library, by campaign (${CAMPAIGNS} campaigns)`,
      query: (i) => `&campaign_id=${campaignOf(i)}`,
      direct: (i) => page({ campaignId: campaignOf(i) }),
      targeted: true,
    },
    {
      group: 'content',
      name: `calendar, one month (${months} months), ${CALENDAR_PAGE} a page`,
      query: (i) => `&from=${monthOf(i).from}&to=${monthOf(i).to}&limit=${CALENDAR_PAGE}`,
      direct: (i) => page(monthOf(i), CALENDAR_PAGE),
      targeted: true,
    },
    {
      group: 'content',
      name: 'search, common word (20–65% of items)',
      query: (i) => q(commonWord(i)),
      direct: (i) => page({ search: commonWord(i) }),
      targeted: true,
    },
    {
      group: 'content',
      name: 'search, rare word (~1 item in 50,000)',
      query: (i) => q(rareWord(i)),
      direct: (i) => page({ search: rareWord(i) }),
      targeted: true,
    },
    {
      group: 'content',
      name: 'search, no match',
      query: (i) => q(absentWord(i)),
      direct: (i) => page({ search: absentWord(i) }),
      targeted: true,
    },
    {
      group: 'inbox',
      name: 'inbox, everything, first page',
      query: () => '',
      direct: () => inboxPage({}),
      targeted: true,
    },
    {
      group: 'inbox',
      name: 'inbox, open (the view as it opens)',
      query: () => '&status=open',
      direct: () => inboxPage({ status: 'open' }),
      targeted: true,
    },
    {
      group: 'inbox',
      name: 'inbox, open, by channel',
      query: (i) => `&status=open&channel=${INBOX_CHANNELS[i % INBOX_CHANNELS.length]?.[0]}`,
      direct: (i) => inboxPage({ status: 'open', channel: INBOX_CHANNELS[i % INBOX_CHANNELS.length]?.[0] }),
      targeted: true,
    },
    {
      group: 'inbox',
      name: 'inbox search, order number (1 conversation)',
      query: (i) => q(orderNumber(i)),
      direct: (i) => inboxPage({ q: orderNumber(i) }),
      targeted: true,
    },
    {
      group: 'inbox',
      name: 'inbox search, full name (~1 in 2,000)',
      query: (i) => q(fullName(i)),
      direct: (i) => inboxPage({ q: fullName(i) }),
      targeted: true,
    },
    {
      group: 'inbox',
      name: 'inbox search, surname (~1 in 40)',
      query: (i) => q(surname(i)),
      direct: (i) => inboxPage({ q: surname(i) }),
      targeted: true,
    },
    {
      group: 'inbox',
      name: 'inbox search, common word (~1 in 8)',
      query: (i) => q(inboxWord(i)),
      direct: (i) => inboxPage({ q: inboxWord(i) }),
      targeted: true,
    },
    {
      group: 'inbox',
      name: 'inbox search, gluten (1 in 1,000)',
      query: () => q('gluten'),
      direct: () => inboxPage({ q: 'gluten' }),
      targeted: true,
    },
    {
      group: 'inbox',
      name: 'inbox search, no match',
      query: (i) => q(absentWord(i)),
      direct: (i) => inboxPage({ q: absentWord(i) }),
      targeted: true,
    },
  ];
}

async function benchDialect(
  dialect: string,
  testDb: TestDatabase,
  report: LargeBenchReport,
  file?: string,
): Promise<void> {
  const t: TestApp = await createTestApp(testDb, { RATE_LIMIT_MAX: '1000000' });
  try {
    const account: BenchAccount = await signUpWithWorkspace(t.app, NAMES);
    const now = Date.now();
    process.stdout.write(
      `  ${dialect}: seeding ${ITEMS} content items and ${CONVERSATIONS} conversations (load ${loadAverage()}) `,
    );
    const seeded = await seedWorkspace(t.database, account.businessId, now, file);
    report.messages[dialect] = seeded.messages;
    log(
      ` content ${fmt(seeded.seconds.content, 1)} s, inbox ${fmt(seeded.seconds.inbox, 1)} s (${seeded.messages} messages), statistics ${fmt(seeded.seconds.statistics, 1)} s; ${fmt(seeded.bytes / 2 ** 30, 2)} GiB on disk`,
    );
    report.seeding.push({
      dialect,
      contentSeconds: seeded.seconds.content,
      inboxSeconds: seeded.seconds.inbox,
      statisticsSeconds: seeded.seconds.statistics,
      bytes: seeded.bytes,
    });
    const before = loadAverage();
    for (const item of cases(t.database, account.businessId, seeded.campaigns, now)) {
      const base = item.group === 'content' ? '/api/content' : '/api/messages';
      process.stdout.write(`  ${dialect}: ${item.name} … `);
      const api = await timeVaried(async (i) => {
        const response = await t.app.inject({
          url: `${base}?business_id=${account.businessId}${item.query(i)}`,
          headers: account.auth,
        });
        if (response.statusCode !== 200) throw new Error(`${item.name}: ${response.body}`);
        return () => response.json<{ items: unknown[] }>().items.length;
      });
      const direct = item.direct ? await timeVaried(item.direct) : undefined;
      log(
        `API p50 ${fmt(api.p50, 1)} / p99 ${fmt(api.p99, 1)} ms${direct ? `, repository ${fmt(direct.p50, 1)} / ${fmt(direct.p99, 1)} ms` : ''} (load ${loadAverage().split(' ')[0]})`,
      );
      for (const [where, measured] of [
        ['api', api],
        ['repository', direct],
      ] as const) {
        if (!measured) continue;
        report.results.push({
          dialect,
          group: item.group,
          name: item.name,
          path: where,
          p50Ms: measured.p50,
          p99Ms: measured.p99,
          maxMs: measured.max,
          count: measured.count,
          rows: measured.rows,
        });
      }
      if (!item.targeted) continue;
      report.checks.push({
        target: `${dialect}: ${item.name}, GET ${base} p99 <= ${TARGET_P99_MS} ms`,
        actual: `${fmt(api.p99, 1)} ms (${api.count} queries)`,
        pass: api.p99 <= TARGET_P99_MS,
      });
    }
    report.load[dialect] = { before, after: loadAverage() };
  } finally {
    await t.close();
  }
}

function printDialect(report: LargeBenchReport, dialect: string): void {
  const seeding = report.seeding.find((row) => row.dialect === dialect);
  const load = report.load[dialect];
  log(
    `${dialect}: ${ITEMS} content items, ${CONVERSATIONS} conversations (${report.messages[dialect] ?? 0} messages); seeding ${fmt(seeding?.contentSeconds ?? 0, 1)} s content, ${fmt(seeding?.inboxSeconds ?? 0, 1)} s inbox, ${fmt(seeding?.statisticsSeconds ?? 0, 1)} s statistics, ${fmt((seeding?.bytes ?? 0) / 2 ** 30, 2)} GiB; load average ${load?.before ?? '?'} before measuring, ${load?.after ?? '?'} after`,
  );
  const rows = report.results.filter((row) => row.dialect === dialect);
  log(
    table([
      ['query', 'path', 'n', 'rows', 'p50 ms', 'p99 ms', 'max ms', `p99 ≤ ${TARGET_P99_MS} ms`],
      ...rows.map((row) => [
        row.name,
        row.path === 'api' ? 'GET (app.inject)' : 'baseline: repository',
        String(row.count),
        fmt(row.rows, 0),
        fmt(row.p50Ms, 2),
        fmt(row.p99Ms, 2),
        fmt(row.maxMs, 1),
        row.path === 'api' ? (row.p99Ms <= TARGET_P99_MS ? 'PASS' : 'FAIL') : '',
      ]),
    ]),
  );
  log();
}

/** The workspace on SQLite (a file, WAL), then on a fresh PostgreSQL database. */
export async function runLargeWorkspaceBench(): Promise<LargeBenchReport> {
  log('One large workspace (bench/large-workspace.ts)');
  log(
    `  ${ITEMS} content items over ${YEARS_BACK + YEARS_AHEAD} years, ${CAMPAIGNS} campaigns, ${CONVERSATIONS} conversations; up to ${QUERIES} queries per case (at most ${CASE_SECONDS} s), in sequence; databases: ${DIALECTS.join(', ')}`,
  );
  log();
  const report: LargeBenchReport = {
    items: ITEMS,
    conversations: CONVERSATIONS,
    messages: {},
    seeding: [],
    load: {},
    results: [],
    checks: [],
    pass: false,
  };
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-large-'));
  try {
    if (DIALECTS.includes('sqlite')) {
      const file = path.join(workDir, 'mcc.db');
      const sqlite = openDatabase({ kind: 'sqlite', path: file, autoMigrate: true });
      await migrateToLatest(sqlite.db);
      await benchDialect('SQLite', { database: sqlite, dispose: () => sqlite.close() }, report, file);
    }
    if (DIALECTS.includes('postgres')) {
      await benchDialect('PostgreSQL', await createPostgresTestDatabase(), report);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  log();
  for (const dialect of Object.keys(report.load)) printDialect(report, dialect);
  printChecks(report.checks);
  report.pass = report.checks.every((check) => check.pass);
  return report;
}
