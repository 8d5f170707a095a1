import type { Kysely } from 'kysely';
import type { AiProviderSettingsRow, DB } from '../db/schema.js';

/** A workspace's AI budget and its own provider (bring your own key). */
export class AiSettingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findBudget(businessId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('ai_budgets')
      .select('monthly_limit_micro_usd')
      .where('business_id', '=', businessId)
      .executeTakeFirst();
    return row?.monthly_limit_micro_usd;
  }

  async upsertBudget(businessId: string, monthlyLimitMicroUsd: number, at: string): Promise<void> {
    await this.db
      .insertInto('ai_budgets')
      .values({ business_id: businessId, monthly_limit_micro_usd: monthlyLimitMicroUsd, updated_at: at })
      .onConflict((oc) =>
        oc
          .column('business_id')
          .doUpdateSet({ monthly_limit_micro_usd: monthlyLimitMicroUsd, updated_at: at }),
      )
      .execute();
  }

  async deleteBudget(businessId: string): Promise<void> {
    await this.db.deleteFrom('ai_budgets').where('business_id', '=', businessId).execute();
  }

  findProvider(businessId: string): Promise<AiProviderSettingsRow | undefined> {
    return this.db
      .selectFrom('ai_provider_settings')
      .selectAll()
      .where('business_id', '=', businessId)
      .executeTakeFirst();
  }

  async upsertProvider(settings: AiProviderSettingsRow): Promise<void> {
    const { business_id: _key, ...changes } = settings;
    await this.db
      .insertInto('ai_provider_settings')
      .values(settings)
      .onConflict((oc) => oc.column('business_id').doUpdateSet(changes))
      .execute();
  }

  async deleteProvider(businessId: string): Promise<void> {
    await this.db.deleteFrom('ai_provider_settings').where('business_id', '=', businessId).execute();
  }
}
