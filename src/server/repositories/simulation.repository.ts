import type { Kysely } from 'kysely';
import type { DB, SimulationRow } from '../db/schema.js';

/** Saved forecasts. Every method but `businessIdOf` is scoped by the workspace id. */
export class SimulationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The workspace a simulation belongs to, so `/api/analytics/simulations/{id}` can check the role first. */
  async businessIdOf(simulationId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('simulations')
      .select('business_id')
      .where('id', '=', simulationId)
      .executeTakeFirst();
    return row?.business_id;
  }

  async find(businessId: string, simulationId: string): Promise<SimulationRow | undefined> {
    const row = await this.db
      .selectFrom('simulations')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', simulationId)
      .executeTakeFirst();
    return row && { ...row, seed: Number(row.seed) };
  }

  /** The newest forecast of a campaign (ids are time-ordered UUIDv7, so id breaks a tie in created_at). */
  async latestForCampaign(businessId: string, campaignId: string): Promise<SimulationRow | undefined> {
    const row = await this.db
      .selectFrom('simulations')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('campaign_id', '=', campaignId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && { ...row, seed: Number(row.seed) };
  }

  async insert(simulation: SimulationRow): Promise<void> {
    await this.db.insertInto('simulations').values(simulation).execute();
  }
}
