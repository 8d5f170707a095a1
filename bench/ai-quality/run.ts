import type { FastifyInstance } from 'fastify';
import { jobHandlerDeps } from '#server/composition-root.js';
import { startJobRuntime } from '#server/jobs/job-runtime.js';
import type { ContentItem, GenerateContentRequest } from '#shared/content.schema.js';
import type { Job } from '#shared/jobs.schema.js';
import { createSqliteTestDatabase } from '../../test/support/databases.js';
import { startFakeOpenAI } from '../../test/support/fake-openai/fake-openai-server.js';
import { createTestApp } from '../../test/support/test-app.js';
import { type BenchAccount, signUpWithWorkspace } from '../app-fixtures.js';
import { type Check, fmt, log, printChecks, table } from '../report.js';
import {
  flaggedLink,
  foreignLinks,
  hasPlaceholder,
  holdsAvoidedWord,
  leakedInstructions,
  likelyLanguage,
  meanPairwiseSimilarity,
  outsideWindow,
  overLimit,
  publishedText,
} from './measures.js';
import {
  CALENDAR_REQUEST,
  DEFAULT_POSTING_WINDOW,
  QUALITY_BRANDS,
  type QualityBrand,
  VARIANTS,
} from './scenario.js';
import { scriptedBriefs, scriptedModel } from './scripted-model.js';

// `BENCH_SUITE=ai-quality`: the scenario of bench/ai-quality/scenario.ts, written by the offline writer and by
// a scripted model (bench/ai-quality/scripted-model.ts), measured on what is saved (bench/ai-quality/measures.ts).

type Mode = 'offline' | 'scripted model';

interface BrandFigures {
  mode: Mode;
  brand: QualityBrand['key'];
  calendarItems: number;
  calendarLost: boolean;
  failedItems: number;
  identicalBodies: number;
  distinctTitles: number;
  leaked: number;
  wrongLanguage: number;
  checkedLanguage: number;
  avoided: number;
  overLimit: number;
  placeholders: number;
  unflaggedLinks: number;
  outsideWindow: number;
  variantSimilarities: number[];
  samples: Array<{ channel: string; format: string; title: string; body: string }>;
  /** Why a request or the calendar failed, as the API said. */
  failures: string[];
  /** What a missed target was, item by item (printed with BENCH_AI_SAMPLES=1). */
  findings: string[];
}

export interface AiQualityReport {
  figures: BrandFigures[];
  checks: Check[];
  pass: boolean;
}

async function waitForJob(app: FastifyInstance, account: BenchAccount, jobId: string): Promise<Job> {
  for (;;) {
    const job = (await app.inject({ url: `/api/jobs/${jobId}`, headers: account.auth })).json<Job>();
    if (['succeeded', 'dead', 'cancelled', 'failed'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function describeBusiness(app: FastifyInstance, account: BenchAccount, brand: QualityBrand) {
  const response = await app.inject({
    method: 'PATCH',
    url: `/api/business/${account.businessId}`,
    headers: account.auth,
    payload: {
      industry: brand.industry,
      description: brand.description,
      website: brand.website,
      locale: brand.locale,
      time_zone: brand.timeZone,
      brand: brand.brand,
    },
  });
  if (response.statusCode !== 200) throw new Error(`describe ${brand.name}: ${response.body}`);
}

async function listItems(app: FastifyInstance, account: BenchAccount): Promise<ContentItem[]> {
  const items: ContentItem[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ business_id: account.businessId, limit: '200' });
    if (cursor) query.set('cursor', cursor);
    const page = (await app.inject({ url: `/api/content?${query}`, headers: account.auth })).json<{
      items: ContentItem[];
      next_cursor: string | null;
    }>();
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

function knownHosts(brand: QualityBrand): Set<string> {
  const urls = [brand.website, ...brand.brand.products.map((product) => product.url ?? '')].filter(Boolean);
  return new Set(urls.map((url) => new URL(url).host.replace(/^www\./, '')));
}

function measureItems(brand: QualityBrand, items: ContentItem[], figures: BrandFigures): void {
  const hosts = knownHosts(brand);
  const briefs = [...scriptedBriefs.entries()]
    .filter(([key]) => key.startsWith(`${brand.key}|`))
    .map(([, b]) => b);
  for (const item of items) {
    const text = publishedText(item);
    const leaks = leakedInstructions(text, undefined).concat(
      briefs.flatMap((brief) => leakedInstructions(text, brief)),
    );
    if (leaks.length > 0) figures.leaked++;
    const language = likelyLanguage(`${item.title}\n${item.body}`);
    if (language) {
      figures.checkedLanguage++;
      if (language !== brand.language) {
        figures.wrongLanguage++;
        figures.findings.push(`wrong language (${language}): ${item.title} | ${item.body.slice(0, 160)}`);
      }
    }
    if (
      holdsAvoidedWord(`${item.title}\n${text}`, brand.brand.voice.words_to_avoid, brand.language).length > 0
    )
      figures.avoided++;
    if (overLimit(item).length > 0) figures.overLimit++;
    if (hasPlaceholder(`${item.title}\n${text}`)) figures.placeholders++;
    if (foreignLinks(text, hosts).length > 0 && !flaggedLink(item)) {
      figures.unflaggedLinks++;
      figures.findings.push(`unflagged link: ${foreignLinks(text, hosts).join(', ')}`);
    }
    if (item.scheduled_at && outsideWindow(item.scheduled_at, brand.timeZone, DEFAULT_POSTING_WINDOW))
      figures.outsideWindow++;
  }
}

async function runBrand(app: FastifyInstance, mode: Mode, brand: QualityBrand): Promise<BrandFigures> {
  const account = await signUpWithWorkspace(app, { person: `${brand.name} owner`, business: brand.name });
  await describeBusiness(app, account, brand);
  const figures: BrandFigures = {
    mode,
    brand: brand.key,
    calendarItems: 0,
    calendarLost: false,
    failedItems: 0,
    identicalBodies: 0,
    distinctTitles: 1,
    leaked: 0,
    wrongLanguage: 0,
    checkedLanguage: 0,
    avoided: 0,
    overLimit: 0,
    placeholders: 0,
    unflaggedLinks: 0,
    outsideWindow: 0,
    variantSimilarities: [],
    samples: [],
    failures: [],
    findings: [],
  };

  const accepted = await app.inject({
    method: 'POST',
    url: '/api/ai/strategy/generate-calendar',
    headers: account.auth,
    payload: { business_id: account.businessId, ...CALENDAR_REQUEST, channels: brand.calendarChannels },
  });
  if (accepted.statusCode !== 202) throw new Error(`generate-calendar: ${accepted.body}`);
  const job = await waitForJob(app, account, accepted.json<{ job_id: string }>().job_id);
  const result = (job.result ?? {}) as { content_item_ids?: string[]; failed?: unknown[] };
  figures.failedItems = Array.isArray(result.failed) ? result.failed.length : 0;
  const calendar = await listItems(app, account);
  figures.calendarItems = calendar.length;
  // Lost: the job ended without saving what was valid.
  figures.calendarLost = job.state !== 'succeeded' || calendar.length === 0;
  if (job.state !== 'succeeded')
    figures.failures.push(`calendar ${job.state}: ${job.last_error ?? 'no reason given'}`);
  const seen = new Map<string, ContentItem>();
  for (const item of calendar) {
    const twin = seen.get(item.body.trim());
    if (twin)
      figures.findings.push(
        `identical body: "${twin.title}" and "${item.title}": ${item.body.slice(0, 160)}`,
      );
    else seen.set(item.body.trim(), item);
  }
  if (calendar.length > 0) {
    figures.identicalBodies = 1 - new Set(calendar.map((item) => item.body.trim())).size / calendar.length;
    figures.distinctTitles =
      new Set(calendar.map((item) => item.title.trim().toLowerCase())).size / calendar.length;
  }
  measureItems(brand, calendar, figures);

  for (const single of brand.singles) {
    const body: GenerateContentRequest = {
      business_id: account.businessId,
      channel: single.channel,
      format: single.format,
      brief: single.brief,
      variants: VARIANTS,
      save_as_drafts: true,
    };
    const response = await app.inject({
      method: 'POST',
      url: '/api/content/generate',
      headers: account.auth,
      payload: body,
    });
    if (response.statusCode !== 200) {
      figures.failedItems++;
      const problem = response.json<{ title?: string; detail?: string }>();
      figures.failures.push(
        `${single.channel}/${single.format} ${response.statusCode}: ${problem.detail ?? problem.title}`,
      );
      continue;
    }
    const saved = response.json<{ saved_items?: ContentItem[] }>().saved_items ?? [];
    measureItems(brand, saved, figures);
    figures.variantSimilarities.push(meanPairwiseSimilarity(saved.map((item) => publishedText(item))));
    const first = saved[0];
    if (first)
      figures.samples.push({
        channel: first.channel,
        format: first.format,
        title: first.title,
        body: first.body,
      });
  }
  return figures;
}

async function runMode(mode: Mode): Promise<BrandFigures[]> {
  const fake =
    mode === 'scripted model'
      ? await startFakeOpenAI({ defaultReply: scriptedModel(QUALITY_BRANDS) })
      : undefined;
  const env: Record<string, string> = fake
    ? {
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: 'bench-key',
        AI_MODEL: 'gpt-4o-mini',
        AI_CACHE_TTL_SECONDS: '0',
      }
    : {};
  const t = await createTestApp(await createSqliteTestDatabase(), env);
  const jobs = await startJobRuntime({
    queue: t.services.jobQueue,
    handlerDeps: jobHandlerDeps(t.services),
    runWorker: true,
    concurrency: 2,
    logger: { warn: () => {}, error: (details, message) => console.error(message, details) },
    events: t.services.events,
  });
  try {
    const figures: BrandFigures[] = [];
    for (const brand of QUALITY_BRANDS) figures.push(await runBrand(t.app, mode, brand));
    return figures;
  } finally {
    await jobs.stop(5_000);
    await t.close();
    await fake?.close();
  }
}

const pct = (value: number) => `${fmt(100 * value, 1)}%`;

export async function runAiQualityBench(): Promise<AiQualityReport> {
  log('AI writing quality (bench/ai-quality/)');
  log(
    `  3 brands (café en-US, B2B SaaS en-GB, bakery de-DE), a ${CALENDAR_REQUEST.weeks}-week 5-channel calendar of full drafts each, 10 single requests × ${VARIANTS} variants each`,
  );
  log(
    '  variant similarity: Jaccard index of word-bigram sets, mean over every pair of variants of a request',
  );
  log();
  const figures = [...(await runMode('offline')), ...(await runMode('scripted model'))];
  log(
    table([
      [
        'mode',
        'brand',
        'items',
        'failed',
        'identical',
        'titles',
        'leaks',
        'language',
        'avoided',
        'limit',
        'placeholder',
        'links',
        'window',
        'similarity',
      ],
      ...figures.map((f) => [
        f.mode,
        f.brand,
        String(f.calendarItems),
        String(f.failedItems),
        pct(f.identicalBodies),
        pct(f.distinctTitles),
        String(f.leaked),
        `${f.wrongLanguage}/${f.checkedLanguage}`,
        String(f.avoided),
        String(f.overLimit),
        String(f.placeholders),
        String(f.unflaggedLinks),
        String(f.outsideWindow),
        fmt(mean(f.variantSimilarities), 2),
      ]),
    ]),
  );
  log();
  const sum = (pick: (f: BrandFigures) => number) => figures.reduce((total, f) => total + pick(f), 0);
  const worst = (pick: (f: BrandFigures) => number) => Math.max(...figures.map(pick));
  const similarity = mean(figures.flatMap((f) => f.variantSimilarities));
  const checks: Check[] = [
    {
      target: 'planner instructions in post text = 0',
      actual: String(sum((f) => f.leaked)),
      pass: sum((f) => f.leaked) === 0,
    },
    {
      target: 'identical bodies within a calendar ≤ 2%',
      actual: `worst ${pct(worst((f) => f.identicalBodies))}`,
      pass: worst((f) => f.identicalBodies) <= 0.02,
    },
    {
      target: 'distinct titles within a calendar ≥ 90%',
      actual: `worst ${pct(Math.min(...figures.map((f) => f.distinctTitles)))}`,
      pass: Math.min(...figures.map((f) => f.distinctTitles)) >= 0.9,
    },
    { target: 'variant similarity, mean ≤ 0.5', actual: fmt(similarity, 2), pass: similarity <= 0.5 },
    {
      target: 'wrong language = 0',
      actual: String(sum((f) => f.wrongLanguage)),
      pass: sum((f) => f.wrongLanguage) === 0,
    },
    {
      target: 'avoided words, inflections included = 0',
      actual: String(sum((f) => f.avoided)),
      pass: sum((f) => f.avoided) === 0,
    },
    {
      target: "over a network's limit = 0",
      actual: String(sum((f) => f.overLimit)),
      pass: sum((f) => f.overLimit) === 0,
    },
    {
      target: 'placeholders or unflagged foreign links in saved items = 0',
      actual: `${sum((f) => f.placeholders)} + ${sum((f) => f.unflaggedLinks)}`,
      pass: sum((f) => f.placeholders + f.unflaggedLinks) === 0,
    },
    {
      target: 'plan items outside the posting window = 0',
      actual: String(sum((f) => f.outsideWindow)),
      pass: sum((f) => f.outsideWindow) === 0,
    },
    {
      target: 'calendars lost to one bad item = 0',
      actual: String(figures.filter((f) => f.calendarLost).length),
      pass: figures.every((f) => !f.calendarLost),
    },
  ];
  const failures = figures.flatMap((f) => f.failures.map((failure) => `  ${f.mode}, ${f.brand}: ${failure}`));
  if (failures.length > 0) log(`Failed requests:\n${failures.slice(0, 30).join('\n')}\n`);
  printChecks(checks);
  if (process.env.BENCH_AI_SAMPLES === '1') printSamples(figures);
  return { figures, checks, pass: checks.every((check) => check.pass) };
}

function printSamples(figures: BrandFigures[]): void {
  for (const f of figures) {
    log();
    for (const finding of f.findings) log(`  ${f.mode}, ${f.brand}: ${finding}`);
    log(`Samples — ${f.mode}, ${f.brand}:`);
    for (const sample of f.samples)
      log(
        `  [${sample.channel}/${sample.format}] ${sample.title}\n    ${sample.body.replace(/\n/g, '\n    ')}`,
      );
  }
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
