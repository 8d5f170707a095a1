import type { Kysely } from 'kysely';

// Two-factor sign-in (docs/accounts.md): one TOTP credential per account, its single-use recovery codes,
// and a workspace setting that requires members to have it. The TOTP secret is sealed (SecretBox); recovery
// codes are stored as SHA-256 digests only.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('two_factor_credentials')
    .addColumn('user_id', 'text', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret_sealed', 'text', (col) => col.notNull())
    // Null while enrolment waits for its first code; sign-in asks for a code only once it is set.
    .addColumn('enabled_at', 'text')
    // The newest 30-second step a code was accepted for: a code (or an older one) never works twice.
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('two_factor_recovery_codes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('two_factor_recovery_codes_user_code_key')
    .on('two_factor_recovery_codes')
    .columns(['user_id', 'code_hash'])
    .unique()
    .execute();

  await db.schema
    .alterTable('businesses')
    .addColumn('require_two_factor', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('businesses').dropColumn('require_two_factor').execute();
  await db.schema.dropTable('two_factor_recovery_codes').execute();
  await db.schema.dropTable('two_factor_credentials').execute();
}
