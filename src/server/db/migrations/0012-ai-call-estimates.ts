import type { Kysely } from 'kysely';

// Two things the AI ledger learns to keep.
//
// `estimated`: a call the provider never answered (a timeout, a cancelled run, a cut stream) may still be
// billed. The ledger then records the tokens counted here with a tokenizer and flags the row: 1 when a token
// count is our estimate rather than the provider's report. Rows written before were all reported: 0.
//
// `error_diagnostics`: a failure's technical account (an answer's schema paths, a provider's HTTP status)
// for whoever debugs the model; `error_message` keeps the sentence people are shown.

export async function up(db: Kysely<unknown>): Promise<void> {
  // One change per statement: SQLite's ALTER TABLE takes one at a time.
  await db.schema
    .alterTable('ai_calls')
    .addColumn('estimated', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('ai_calls').addColumn('error_diagnostics', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ai_calls').dropColumn('error_diagnostics').execute();
  await db.schema.alterTable('ai_calls').dropColumn('estimated').execute();
}
