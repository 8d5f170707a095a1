import { type Kysely, sql } from 'kysely';
import type { Language } from '#shared/languages.js';
import type { Dialect } from '../db/database.js';
import type { DB, NewUser, UserRow } from '../db/schema.js';

/** Accounts. Users are global (one person, many workspaces); workspace data never lives here. */
export class UserRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** `email` must already be normalised (trimmed, lower-case). */
  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  async insert(user: NewUser): Promise<void> {
    await this.db.insertInto('users').values(user).execute();
  }

  async update(
    id: string,
    patch: { name?: string; email?: string; language?: Language; updated_at: string },
  ): Promise<void> {
    await this.db.updateTable('users').set(patch).where('id', '=', id).execute();
  }

  async updatePasswordHash(id: string, passwordHash: string, updatedAt: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: updatedAt })
      .where('id', '=', id)
      .execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * Hold back every other account creation until the current transaction ends, so a count read after it
   * stays true until commit (the first account). PostgreSQL: a lock that waits for inserts in flight and
   * blocks new ones, while reads go on. SQLite needs none: the process runs one transaction at a time on
   * its one connection, and a transaction whose snapshot another process wrote past cannot write.
   */
  async lockAgainstNewAccounts(): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await sql`lock table users in share row exclusive mode`.execute(this.db);
  }
}
