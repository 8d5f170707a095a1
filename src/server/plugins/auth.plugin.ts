import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../composition-root.js';
import { AppError } from '../errors/app-error.js';
import type { Principal } from '../services/access/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` on protected routes; null elsewhere. */
    principal: Principal | null;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,2048})$/;

/**
 * An `onRequest` hook for a protected route context: a JWT access token or a workspace API key, both as
 * `Authorization: Bearer …`. Anything else answers 401, and so does an access token whose session was
 * signed out (logout, password change, token reuse), on the very next request.
 */
export function authenticateWith(services: Pick<Services, 'accessTokens' | 'apiKeys' | 'sessions'>) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1])
      throw new AppError('unauthenticated', 'Send an access token or API key as a Bearer token');
    const credential = match[1];
    const claims = services.accessTokens.verify(credential);
    if (claims && !(await services.sessions.isActive(claims.sessionId))) {
      throw new AppError('unauthenticated', 'This session has ended; sign in again');
    }
    const principal: Principal | undefined = claims
      ? { kind: 'user', userId: claims.userId }
      : await services.apiKeys.authenticate(credential);
    if (!principal) throw new AppError('unauthenticated', 'The token is invalid or has expired');
    request.principal = principal;
  };
}

/** The authenticated principal of a request in a protected context. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated');
  return request.principal;
}
