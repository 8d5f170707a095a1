import type { Kysely } from 'kysely';

// The language each person reads the app in (issue 19), so the emails sent to them are written in it: the
// account's own, and the one asked for at sign-up, before the account exists. Null means not chosen yet
// (accounts made before this, `mcc user create`): those emails stay in English.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
  await db.schema.alterTable('sign_up_requests').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sign_up_requests').dropColumn('language').execute();
  await db.schema.alterTable('users').dropColumn('language').execute();
}
