import type { Kysely } from 'kysely';
import type { BenchmarkOverrideRow, DB } from '../db/schema.js';

/** The key of one override: a business's own default for one channel, objective and metric. */
export type BenchmarkOverrideKey = Pick<BenchmarkOverrideRow, 'channel' | 'objective' | 'metric'>;

/** A workspace's overrides of the benchmark rates. Every method is scoped by the workspace id. */
export class BenchmarkOverrideRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(businessId: string): Promise<BenchmarkOverrideRow[]> {
    return this.db
      .selectFrom('benchmark_overrides')
      .selectAll()
      .where('business_id', '=', businessId)
      .orderBy('channel')
      .orderBy('objective')
      .orderBy('metric')
      .execute();
  }

  async upsert(row: BenchmarkOverrideRow): Promise<void> {
    await this.db
      .insertInto('benchmark_overrides')
      .values(row)
      .onConflict((conflict) =>
        conflict.columns(['business_id', 'channel', 'objective', 'metric']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async delete(businessId: string, key: BenchmarkOverrideKey): Promise<void> {
    await this.db
      .deleteFrom('benchmark_overrides')
      .where('business_id', '=', businessId)
      .where('channel', '=', key.channel)
      .where('objective', '=', key.objective)
      .where('metric', '=', key.metric)
      .execute();
  }
}
