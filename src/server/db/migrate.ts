import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as accountsAndWorkspaces from './migrations/0001-accounts-and-workspaces.js';
import * as aiEngine from './migrations/0002-ai-engine.js';
import * as jobs from './migrations/0003-jobs.js';
import * as campaignsAndContent from './migrations/0004-campaigns-and-content.js';
import * as calendarFeeds from './migrations/0005-calendar-feeds.js';
import * as webhooks from './migrations/0006-webhooks.js';
import * as publishing from './migrations/0007-publishing.js';
import * as analytics from './migrations/0008-analytics.js';
import * as inbox from './migrations/0009-inbox.js';
import * as aiBudgetReservations from './migrations/0010-ai-budget-reservations.js';
import * as webhookOutbox from './migrations/0011-webhook-outbox.js';
import * as aiCallEstimates from './migrations/0012-ai-call-estimates.js';
import * as contentAiWarnings from './migrations/0013-content-ai-warnings.js';
import * as media from './migrations/0014-media.js';
import * as contentMedia from './migrations/0015-content-media.js';
import * as networkAccounts from './migrations/0017-network-accounts.js';
import * as accountEmails from './migrations/0018-account-emails.js';
import * as twoFactor from './migrations/0021-two-factor.js';
import * as idempotencyKeys from './migrations/0022-idempotency-keys.js';
import * as notifications from './migrations/0023-notifications.js';
import * as networkIds from './migrations/0024-network-ids.js';
import * as oauth from './migrations/0025-oauth.js';
import * as sharingAndComments from './migrations/0026-sharing-and-comments.js';
import * as queues from './migrations/0027-queues.js';
import * as contentTrash from './migrations/0028-content-trash.js';
import * as inboxSearchIndex from './migrations/0029-inbox-search-index.js';
import * as passkeys from './migrations/0030-passkeys.js';
import * as postGroups from './migrations/0031-post-groups.js';
import * as avatarsAndDirectMessages from './migrations/0032-avatars-and-direct-messages.js';
import * as largeWorkspaceIndexes from './migrations/0033-large-workspace-indexes.js';
import * as notificationFacts from './migrations/0034-notification-facts.js';
import * as userLanguage from './migrations/0035-user-language.js';
import type { DB } from './schema.js';

// Migrations are imported, not read from disk, so the compiled app and tests run the same list.
const MIGRATIONS: Record<string, Migration> = {
  '0001-accounts-and-workspaces': accountsAndWorkspaces,
  '0002-ai-engine': aiEngine,
  '0003-jobs': jobs,
  '0004-campaigns-and-content': campaignsAndContent,
  '0005-calendar-feeds': calendarFeeds,
  '0006-webhooks': webhooks,
  '0007-publishing': publishing,
  '0008-analytics': analytics,
  '0009-inbox': inbox,
  '0010-ai-budget-reservations': aiBudgetReservations,
  '0011-webhook-outbox': webhookOutbox,
  '0012-ai-call-estimates': aiCallEstimates,
  '0013-content-ai-warnings': contentAiWarnings,
  '0014-media': media,
  '0015-content-media': contentMedia,
  '0017-network-accounts': networkAccounts,
  '0018-account-emails': accountEmails,
  '0021-two-factor': twoFactor,
  '0022-idempotency-keys': idempotencyKeys,
  '0023-notifications': notifications,
  '0024-network-ids': networkIds,
  '0025-oauth': oauth,
  '0026-sharing-and-comments': sharingAndComments,
  '0027-queues': queues,
  '0028-content-trash': contentTrash,
  '0029-inbox-search-index': inboxSearchIndex,
  '0030-passkeys': passkeys,
  '0031-post-groups': postGroups,
  '0032-avatars-and-direct-messages': avatarsAndDirectMessages,
  '0033-large-workspace-indexes': largeWorkspaceIndexes,
  '0034-notification-facts': notificationFacts,
  '0035-user-language': userLanguage,
};

function migratorFor(db: Kysely<DB>): Migrator {
  return new Migrator({ db: db as Kysely<unknown>, provider: { getMigrations: async () => MIGRATIONS } });
}

/** Apply every pending migration; throws with the failing migration's name and error. */
export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationResultSet> {
  const result = await migratorFor(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((migration) => migration.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}

/** Every migration's name, oldest first. */
export function migrationNames(): string[] {
  return Object.keys(MIGRATIONS);
}

/** Migrate up or down to exactly `name` (tests of a migration's effect on older rows). */
export async function migrateTo(db: Kysely<DB>, name: string): Promise<MigrationResultSet> {
  const result = await migratorFor(db).migrateTo(name);
  if (result.error) throw new Error(`Migrating to ${name} failed: ${String(result.error)}`);
  return result;
}
