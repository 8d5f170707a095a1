import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB, IdempotencyKeyRow, IdempotencyKeysTable } from '../db/schema.js';

/** Where a key lives: the workspace the request acted in (or none), the credential, the key itself. */
export interface IdempotencyScope {
  businessId: string | null;
  credential: string;
  key: string;
}

/** The first answer to a request, as kept for its repeats. */
export interface StoredAnswerColumns {
  response_status: number;
  response_headers: string;
  response_body: string;
}

/**
 * The `idempotency_keys` table. Lookups go by scope (workspace, credential, key); a running request's
 * own changes go by row id and the lock token it holds, as a job worker's do by its lease: holding the
 * token is what entitles it to touch the row, and a run taken over after its lease ran out cannot.
 */
export class IdempotencyKeyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Insert the claim unless the scope already holds this key; true when this call inserted it. */
  async insertIfAbsent(row: Insertable<IdempotencyKeysTable>): Promise<boolean> {
    const result = await this.db
      .insertInto('idempotency_keys')
      .values(row)
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  find(scope: IdempotencyScope): Promise<IdempotencyKeyRow | undefined> {
    return this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where(sql.ref('business_id'), scope.businessId === null ? 'is' : '=', scope.businessId)
      .where('credential', '=', scope.credential)
      .where('idempotency_key', '=', scope.key)
      .executeTakeFirst();
  }

  /** Forget one key whose 24 hours are over, so it can be used afresh; false when it is not over. */
  async forgetIfExpired(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('idempotency_keys')
      .where('id', '=', id)
      .where('expires_at', '<=', at)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }

  /**
   * Take over a run whose lease ran out and that committed nothing (its process died before any change):
   * the new token's holder runs the request again. False when someone else took it, or it finished.
   */
  async takeOver(
    id: string,
    fromToken: string,
    toToken: string,
    lockedUntil: string,
    at: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('idempotency_keys')
      .set({ lock_token: toToken, locked_until: lockedUntil })
      .where('id', '=', id)
      .where('lock_token', '=', fromToken)
      .where('state', '=', 'running')
      .where('committed_at', 'is', null)
      .where('locked_until', '<=', at)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Renew a running request's hold on its key; false when the token no longer holds it. */
  async extendLease(id: string, token: string, lockedUntil: string): Promise<boolean> {
    const result = await this.db
      .updateTable('idempotency_keys')
      .set({ locked_until: lockedUntil })
      .where('id', '=', id)
      .where('lock_token', '=', token)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * Note, inside the request's own transaction, that it committed a change. Only while the token's run
   * holds the row: work the request left behind (a timer) cannot mark it once it has finished.
   */
  async markCommitted(id: string, token: string, at: string): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ committed_at: at })
      .where('id', '=', id)
      .where('lock_token', '=', token)
      .where('state', '=', 'running')
      .where('committed_at', 'is', null)
      .execute();
  }

  /** Keep the first answer; false when the token no longer holds the row. */
  async complete(id: string, token: string, answer: StoredAnswerColumns): Promise<boolean> {
    const result = await this.db
      .updateTable('idempotency_keys')
      .set({ ...answer, state: 'done' })
      .where('id', '=', id)
      .where('lock_token', '=', token)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * Let go of a run that changed nothing, so a retry runs the request afresh; false when it committed a
   * change (its answer must be kept instead) or the token no longer holds it.
   */
  async release(id: string, token: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('idempotency_keys')
      .where('id', '=', id)
      .where('lock_token', '=', token)
      .where('state', '=', 'running')
      .where('committed_at', 'is', null)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }

  /** Housekeeping: forget keys whose 24 hours ended before `before`; returns how many. */
  async deleteExpired(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('idempotency_keys')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
