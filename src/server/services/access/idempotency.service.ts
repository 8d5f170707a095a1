import { randomUUID } from 'node:crypto';
import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import type { IdempotencyScope } from '#server/repositories/idempotency-key.repository.js';
import { withIdempotencyClaim } from '#server/repositories/idempotent-write.js';
import type { Repositories } from '#server/repositories/index.js';
import { IDEMPOTENCY_KEY_TTL_HOURS } from '#shared/idempotency.schema.js';
import type { Principal } from './principal.js';
import type { SecretBox } from './security/secret-box.js';

/** A creating request that carries an `Idempotency-Key`, reduced to what decides its fate. */
export interface IdempotentRequest {
  principal: Principal;
  /** The workspace the request names (path, body or query), if it names one. */
  businessId: string | undefined;
  key: string;
  /** A digest of the method, route, params, query and body. */
  fingerprint: string;
}

/** An answer as it is kept and repeated: status, the headers worth repeating, the body as sent. */
export interface IdempotentAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request's hold on its key while it runs. */
export interface IdempotencyClaim {
  id: string;
  token: string;
}

export type IdempotencyStart =
  /** The first request with this key (or one whose earlier run died having changed nothing): run it. */
  | { kind: 'run'; claim: IdempotencyClaim }
  /** The key's first answer, to send again. */
  | { kind: 'replay'; answer: IdempotentAnswer }
  /** The caller is no member of the workspace the request names: it answers 404 and keeps nothing. */
  | { kind: 'untracked' };

/**
 * How long a running request holds its key without renewing it. While its handler runs the hold is renewed
 * every third of this, so only a request whose process died lets it run out; a repeat is then no longer
 * told "in progress", and runs the request again unless it had committed a change.
 */
export const IDEMPOTENCY_LEASE_MS = 60_000;

/** What a repeat of a running request is told to wait: most requests end well within a second. */
export const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

const TTL_MS = IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000;

/** 4xx answers that say "not now" rather than "no": a retry may succeed, so they are not kept. */
const TEMPORARY_CLIENT_ERRORS: ReadonlySet<number> = new Set([408, 425, 429]);

/**
 * Whether an answer is final for its request, and so repeated to every retry with the same key: a success,
 * or a client error that the same request would get again. Server errors and "try later" answers are not:
 * the retry runs the request afresh (unless the request had already committed a change; see `finish`).
 */
export function isFinalAnswer(answer: Pick<IdempotentAnswer, 'status' | 'headers'>): boolean {
  if (answer.status >= 200 && answer.status < 300) return true;
  return (
    answer.status >= 400 &&
    answer.status < 500 &&
    !TEMPORARY_CLIENT_ERRORS.has(answer.status) &&
    answer.headers['retry-after'] === undefined
  );
}

function credentialOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `api_key:${principal.apiKeyId}`;
}

/**
 * `Idempotency-Key` on creating requests (docs/api.md, "Idempotency"): the first request with a key runs and
 * its answer is kept for 24 hours; a repeat with the same request gets that answer again, a repeat with
 * another request a 409, a repeat while the first still runs a 409 with `Retry-After`. Keys belong to the
 * credential (a person, across their sessions, or an API key) and the workspace the request acts in.
 */
export class IdempotencyService {
  private readonly leaseMs: number;

  constructor(
    private readonly deps: {
      repos: Repositories;
      /** Seals kept answers: a created API key or webhook secret must not lie in the table readable. */
      secretBox: SecretBox;
      now: () => Date;
      leaseMs?: number;
    },
  ) {
    this.leaseMs = deps.leaseMs ?? IDEMPOTENCY_LEASE_MS;
  }

  /** Claim the key for this request, or say what to answer instead (throws the 409s). */
  async start(request: IdempotentRequest): Promise<IdempotencyStart> {
    const businessId = await this.workspaceOf(request.principal, request.businessId);
    if (businessId === undefined) return { kind: 'untracked' };
    const scope: IdempotencyScope = {
      businessId,
      credential: credentialOf(request.principal),
      key: request.key,
    };
    const keys = this.deps.repos.idempotencyKeys;
    // A key can vanish between the insert and the read (released, or past its day and forgotten): look again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const now = this.deps.now();
      const at = now.toISOString();
      const token = randomUUID();
      const lockedUntil = new Date(now.getTime() + this.leaseMs).toISOString();
      const id = newId();
      const inserted = await keys.insertIfAbsent({
        id,
        business_id: scope.businessId,
        credential: scope.credential,
        idempotency_key: scope.key,
        fingerprint: request.fingerprint,
        state: 'running',
        lock_token: token,
        locked_until: lockedUntil,
        committed_at: null,
        response_status: null,
        response_headers: null,
        response_body: null,
        created_at: at,
        expires_at: new Date(now.getTime() + TTL_MS).toISOString(),
      });
      if (inserted) return { kind: 'run', claim: { id, token } };

      const existing = await keys.find(scope);
      if (!existing) continue;
      if (existing.expires_at <= at) {
        await keys.forgetIfExpired(existing.id, at);
        continue;
      }
      if (existing.fingerprint !== request.fingerprint) {
        throw new AppError(
          'idempotency_key_reused',
          'This Idempotency-Key was sent with a different request (another body, path or query) in the last 24 hours. Send a new key for a new request.',
        );
      }
      if (existing.state === 'done') return { kind: 'replay', answer: this.open(existing) };
      if (existing.locked_until > at) throw inProgress();
      if (existing.committed_at !== null) {
        throw new AppError(
          'idempotency_answer_lost',
          'The first request with this Idempotency-Key made its change, but the server stopped before keeping its answer. Look the result up instead of sending it again.',
        );
      }
      if (await keys.takeOver(existing.id, existing.lock_token, token, lockedUntil, at)) {
        return { kind: 'run', claim: { id: existing.id, token } };
      }
    }
    // Every look raced another request with the same key: it is running now.
    throw inProgress();
  }

  /**
   * Run `work` (the request's handler) under its claim: each transaction it commits marks the claim
   * committed in that same transaction, and the claim's lease is renewed while it runs.
   */
  async runClaimed<T>(claim: IdempotencyClaim, work: () => T | Promise<T>): Promise<T> {
    const renew = setInterval(() => {
      const until = new Date(this.deps.now().getTime() + this.leaseMs).toISOString();
      // A renewal that fails leaves the lease as it was: the worst case is a repeat that runs too early.
      this.deps.repos.idempotencyKeys.extendLease(claim.id, claim.token, until).catch(() => undefined);
    }, this.leaseMs / 3);
    renew.unref();
    try {
      return await withIdempotencyClaim({ ...claim, now: this.deps.now }, work);
    } finally {
      clearInterval(renew);
    }
  }

  /**
   * The request is answered: keep a final answer for its repeats, and let go of the key after an answer
   * that is not final, so a retry runs afresh; unless the request committed a change, whose answer is then
   * kept whatever it is (a retry must not make the change twice). `answer` is undefined when the answer
   * could not be captured (a stream).
   */
  async finish(claim: IdempotencyClaim, answer: IdempotentAnswer | undefined): Promise<void> {
    const keys = this.deps.repos.idempotencyKeys;
    if (!answer || !isFinalAnswer(answer)) {
      if (await keys.release(claim.id, claim.token)) return;
      // It committed a change and its answer cannot be kept: repeats are told it was lost, after the lease.
      if (!answer) return;
    }
    await keys.complete(claim.id, claim.token, {
      response_status: answer.status,
      response_headers: JSON.stringify(answer.headers),
      response_body: this.deps.secretBox.seal(answer.body),
    });
  }

  /** Housekeeping: forget keys past their 24 hours; returns how many. */
  purgeExpired(): Promise<number> {
    return this.deps.repos.idempotencyKeys.deleteExpired(this.deps.now().toISOString());
  }

  /**
   * Where the key lives: an API key's own workspace; for a person, the workspace the request names if
   * they are a member of it (else undefined: the request will answer 404 and nothing is kept), or no
   * workspace (null) when the request names none.
   */
  private async workspaceOf(
    principal: Principal,
    named: string | undefined,
  ): Promise<string | null | undefined> {
    if (principal.kind === 'api_key') return principal.businessId;
    if (named === undefined) return null;
    const access = await this.deps.repos.memberships.findAccess(named, principal.userId);
    return access ? named : undefined;
  }

  private open(row: {
    response_status: number | null;
    response_headers: string | null;
    response_body: string | null;
  }): IdempotentAnswer {
    try {
      if (row.response_status === null || row.response_headers === null || row.response_body === null) {
        throw new Error('A finished key without its answer');
      }
      return {
        status: row.response_status,
        headers: JSON.parse(row.response_headers) as Record<string, string>,
        body: this.deps.secretBox.open(row.response_body),
      };
    } catch {
      // Sealed under a SECRET_KEY that has since been rotated.
      throw new AppError(
        'idempotency_answer_lost',
        'The first answer for this Idempotency-Key can no longer be read (the server’s secret key changed). Look the result up instead of sending it again.',
      );
    }
  }
}

function inProgress(): AppError {
  return new AppError(
    'idempotency_key_in_progress',
    'A request with this Idempotency-Key is still in progress. Retry after it finishes to get its answer.',
    { retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_SECONDS },
  );
}
