import type { NetworkFailure } from '#server/integrations/networks/provider.js';
import type { NetworkId } from '#shared/network.schema.js';
import type { FactsOf, NetworkFailureFact } from '#shared/problem-facts.js';

/**
 * A network's failure, met while acting for the person (connecting an account), as a refusal's facts: how it
 * failed, the status it answered with, and its own words where it gave some, so the web app can say it in
 * the reader's language and quote only what the network itself wrote.
 */
export function networkFailureFacts(network: NetworkId, failure: NetworkFailure): FactsOf<'network_failed'> {
  return {
    reason: 'network_failed',
    network,
    failure: failureFact(failure),
    status: failure.statusCode,
    said: failure.networkSaid ?? null,
  };
}

function failureFact(failure: NetworkFailure): NetworkFailureFact {
  if (failure.unanswered) return failure.unanswered;
  if (failure.kind === 'auth_expired') return 'credentials';
  if (failure.rateLimited || failure.statusCode === 429) return 'rate_limited';
  if (failure.kind === 'retryable') {
    const status = failure.statusCode;
    // An answer that came but could not be used (not JSON, a field missing) is not the network being down.
    return status !== null && (status >= 500 || status === 408) ? 'unavailable' : 'bad_answer';
  }
  return 'refused';
}
