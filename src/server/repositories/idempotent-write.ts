import { AsyncLocalStorage } from 'node:async_hooks';

/** The claim a request holds on its `Idempotency-Key` (an `idempotency_keys` row and its lock token). */
export interface ActiveIdempotencyClaim {
  id: string;
  token: string;
  now: () => Date;
}

/**
 * The claim of the request whose work is running, if it sent an `Idempotency-Key`.
 * `Repositories.transaction` marks that row committed inside each transaction it commits, so a request that
 * crashes after making its change is never run a second time by a retry.
 */
const claims = new AsyncLocalStorage<ActiveIdempotencyClaim>();

/** Run `work` (a route handler) as the work of `claim`'s request. */
export function withIdempotencyClaim<T>(claim: ActiveIdempotencyClaim, work: () => T): T {
  return claims.run(claim, work);
}

/** The running request's claim, if it has one. */
export function currentIdempotencyClaim(): ActiveIdempotencyClaim | undefined {
  return claims.getStore();
}
