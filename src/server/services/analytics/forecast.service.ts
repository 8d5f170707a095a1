import { randomInt } from 'node:crypto';
import { benchmarkFor } from '#server/analytics/benchmarks.js';
import type { ForecastRunner } from '#server/analytics/forecast-runner.js';
import { newId } from '#server/db/ids.js';
import type { SimulationRow } from '#server/db/schema.js';
import { AppError, isAppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import {
  BENCHMARK_METRICS,
  type BenchmarkEntry,
  type BenchmarkQuery,
  MAX_SEED,
  type PutBenchmarksBody,
  type SimulateBody,
  type Simulation,
  simulationSchema,
} from '#shared/analytics.schema.js';
import { CAMPAIGN_OBJECTIVES, type Campaign } from '#shared/campaign.schema.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { defaultCurrency } from '#shared/currency.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import { actorOf } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { CampaignService } from '../content/campaign.service.js';
import { countPlannedPosts, MAX_PLANNED_ITEMS, resolvePlan } from './analytics-plan.js';
import { toForecastResults } from './analytics-results.js';

/** Forecasts (run, save, reopen) and the benchmark table with the workspace's overrides. */
export class ForecastService {
  constructor(
    private readonly repos: Repositories,
    private readonly campaigns: CampaignService,
    private readonly runner: ForecastRunner,
    private readonly now: () => Date,
  ) {}

  /** Run a forecast (analytics.write) and save it with its inputs, so it can be reopened. */
  async simulate(principal: Principal, body: SimulateBody): Promise<Simulation> {
    await requireWorkspaceRole(this.repos, principal, body.business_id, 'analytics.write');
    const campaign = body.campaign_id
      ? await this.campaignOf(principal, body.business_id, body.campaign_id)
      : undefined;
    const [postsByChannel, overrides, history, workspace] = await Promise.all([
      campaign ? this.plannedPosts(body.business_id, campaign.id) : {},
      this.repos.benchmarkOverrides.list(body.business_id),
      this.repos.metrics.channelHistory(body.business_id),
      this.repos.businesses.findById(body.business_id),
    ]);
    const seed = body.seed ?? randomInt(0, MAX_SEED + 1);
    const workspaceCurrency = workspace ? defaultCurrency(workspace) : 'USD';
    const plan = resolvePlan({ body, campaign, postsByChannel, overrides, history, seed, workspaceCurrency });
    const started = performance.now();
    const { output, ranIn } = await this.runner.run(plan.input);
    const results = toForecastResults(plan, output, ranIn, performance.now() - started);
    const inputs = {
      ...body,
      seed,
      objective: plan.objective,
      currency: plan.currency,
      budget_minor: plan.budgetMinor,
      channels: plan.channels,
      kpis: plan.input.kpis,
    };
    const row: SimulationRow = {
      id: newId(),
      business_id: body.business_id,
      campaign_id: campaign?.id ?? null,
      inputs: JSON.stringify(inputs),
      seed,
      trials: body.trials,
      results: JSON.stringify(results),
      created_by: actorOf(principal).actor_user_id,
      created_at: this.now().toISOString(),
    };
    await this.repos.simulations.insert(row);
    return toSimulation(row);
  }

  /** A saved forecast (analytics.read); another workspace's answers 404. */
  async getSimulation(principal: Principal, simulationId: string): Promise<Simulation> {
    const businessId = await this.repos.simulations.businessIdOf(simulationId);
    await requireRowRole(this.repos, principal, businessId, 'analytics.read', 'simulation');
    const row = businessId ? await this.repos.simulations.find(businessId, simulationId) : undefined;
    if (!row) throw new AppError('not_found', 'No such simulation');
    return toSimulation(row);
  }

  /** The default rates with their sources, and the workspace's overrides beside them (analytics.read). */
  async benchmarks(principal: Principal, query: BenchmarkQuery): Promise<BenchmarkEntry[]> {
    await requireWorkspaceRole(this.repos, principal, query.business_id, 'analytics.read');
    const overrides = await this.repos.benchmarkOverrides.list(query.business_id);
    const entries: BenchmarkEntry[] = [];
    for (const channel of query.channel ? [query.channel] : CHANNEL_IDS) {
      for (const objective of query.objective ? [query.objective] : CAMPAIGN_OBJECTIVES) {
        for (const metric of BENCHMARK_METRICS) {
          const benchmark = benchmarkFor(channel, objective, metric);
          const override = overrides.find(
            (row) => row.channel === channel && row.objective === objective && row.metric === metric,
          );
          entries.push({
            channel,
            objective,
            metric,
            value: benchmark?.mean ?? null,
            source: benchmark?.source ?? 'not modelled for this channel',
            year: benchmark?.year ?? null,
            confidence: benchmark?.confidence ?? 'low',
            override: override ? { value: override.value, updated_at: override.updated_at } : null,
          });
        }
      }
    }
    return entries;
  }

  /** Set or remove overrides (analytics.manage), all in one transaction; answers the new table. */
  async putBenchmarks(principal: Principal, body: PutBenchmarksBody): Promise<BenchmarkEntry[]> {
    await requireWorkspaceRole(this.repos, principal, body.business_id, 'analytics.manage');
    const errors = body.overrides.flatMap((entry, index) =>
      entry.value !== null && !benchmarkFor(entry.channel, entry.objective, entry.metric)
        ? [
            {
              path: `body.overrides.${index}.metric`,
              message: ruleFieldMessage('benchmarkNotInModel', {
                channel: entry.channel,
                metric: entry.metric,
              }),
              code: 'custom',
            },
          ]
        : [],
    );
    if (errors.length > 0) throw new AppError('validation_failed', 'Some overrides cannot apply', { errors });
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      for (const entry of body.overrides) {
        const key = { channel: entry.channel, objective: entry.objective, metric: entry.metric };
        if (entry.value === null) await trx.benchmarkOverrides.delete(body.business_id, key);
        else {
          await trx.benchmarkOverrides.upsert({
            business_id: body.business_id,
            ...key,
            value: entry.value,
            updated_by: actorOf(principal).actor_user_id,
            updated_at: at,
          });
        }
      }
    });
    return this.benchmarks(principal, { business_id: body.business_id });
  }

  /** The campaign, which must belong to the same workspace (another's answers 404 on the field). */
  private async campaignOf(principal: Principal, businessId: string, campaignId: string): Promise<Campaign> {
    const campaign = await this.campaigns.get(principal, campaignId).catch((error: unknown) => {
      if (isAppError(error, 'not_found')) return undefined;
      throw error;
    });
    if (!campaign || campaign.business_id !== businessId) throw new AppError('not_found', 'No such campaign');
    return campaign;
  }

  private async plannedPosts(
    businessId: string,
    campaignId: string,
  ): Promise<Partial<Record<ChannelId, number>>> {
    return countPlannedPosts(
      await this.repos.contentItems.page(businessId, { campaignId, limit: MAX_PLANNED_ITEMS }),
    );
  }
}

function toSimulation(row: SimulationRow): Simulation {
  return simulationSchema.parse({
    id: row.id,
    business_id: row.business_id,
    campaign_id: row.campaign_id,
    inputs: JSON.parse(row.inputs),
    seed: Number(row.seed),
    trials: row.trials,
    results: JSON.parse(row.results),
    created_by: row.created_by,
    created_at: row.created_at,
  });
}
