import type { Kysely } from 'kysely';

// Passkeys (WebAuthn) as a second method of two-factor sign-in (docs/accounts.md, "Passkeys"): each account's
// registered credentials, and the single-use challenges that registration and sign-in sign, stored as
// SHA-256 digests and bound to the account they were issued for.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('passkey_credentials')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    // The authenticator's credential id (base64url); unique across accounts, as WebAuthn makes it.
    .addColumn('credential_id', 'text', (col) => col.notNull().unique())
    // The COSE public key, base64url.
    .addColumn('public_key', 'text', (col) => col.notNull())
    // The authenticator's signature counter: a value that does not grow means a cloned authenticator.
    .addColumn('counter', 'bigint', (col) => col.notNull())
    // JSON array of the transports the browser reported (usb, nfc, internal, hybrid, …).
    .addColumn('transports', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema
    .createIndex('passkey_credentials_user_idx')
    .on('passkey_credentials')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('passkey_challenges')
    .addColumn('challenge_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    // 'register' (adding a passkey) or 'sign_in' (sign-in's second step): one never passes for the other.
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('passkey_challenges_expires_idx')
    .on('passkey_challenges')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('passkey_challenges').execute();
  await db.schema.dropTable('passkey_credentials').execute();
}
