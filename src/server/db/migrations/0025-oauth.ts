import type { Kysely } from 'kysely';

// Connecting network accounts through OAuth 2 (issue 16): a workspace's own OAuth apps (where the instance
// has none in its environment), and the connect flows under way, each bound to the person who started it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('network_oauth_apps')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('network', 'text', (col) => col.notNull())
    .addColumn('client_id', 'text', (col) => col.notNull())
    // AES-256-GCM sealed (SecretBox); null for a public client (PKCE only). Never returned by the API.
    .addColumn('client_secret_encrypted', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('network_oauth_apps_pkey', ['business_id', 'network'])
    .execute();

  await db.schema
    .createTable('oauth_flows')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('network', 'text', (col) => col.notNull())
    // `authorizing`: waiting for the network's redirect; `picking`: tokens in hand, the person picks the
    // account (Page, organization, …) to connect.
    .addColumn('phase', 'text', (col) => col.notNull())
    // SHA-256 of the `state` sent to the network (authorizing only): the state itself is never stored.
    .addColumn('state_hash', 'text', (col) => col.unique())
    // SHA-256 of the cookie set on the browser that started the flow: the redirect must come back to it.
    .addColumn('binder_hash', 'text', (col) => col.notNull())
    // Sealed: the PKCE verifier (authorizing), the tokens and the targets to pick from (picking).
    .addColumn('secret_encrypted', 'text')
    .addColumn('targets', 'text')
    // The account being reconnected, if any (the flow must come back with the same remote account).
    .addColumn('account_id', 'text')
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('oauth_flows_expires_idx').on('oauth_flows').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oauth_flows').execute();
  await db.schema.dropTable('network_oauth_apps').execute();
}
