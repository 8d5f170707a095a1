import type { Kysely } from 'kysely';

// The facts a notification's title and body are made of (the actor's name, the item's label, a failure
// reason, the budget's amounts…), kept beside the English sentences so the web app can say them in its
// reader's language (issue 19). A JSON object, one shape per kind (`notificationFactsSchema` in
// src/shared/notifications.schema.ts). Null on rows written before: those show their stored English.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('facts', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('facts').execute();
}
