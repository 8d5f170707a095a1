import type { ApiKeyRole } from '#shared/business.schema.js';

/** Who is making a request: a signed-in user, or an API key acting inside its one workspace. */
export type Principal =
  | { kind: 'user'; userId: string }
  | { kind: 'api_key'; apiKeyId: string; businessId: string; role: ApiKeyRole };

/** The audit-log actor columns for `principal`. */
export function actorOf(principal: Principal): {
  actor_user_id: string | null;
  actor_api_key_id: string | null;
} {
  return principal.kind === 'user'
    ? { actor_user_id: principal.userId, actor_api_key_id: null }
    : { actor_user_id: null, actor_api_key_id: principal.apiKeyId };
}
