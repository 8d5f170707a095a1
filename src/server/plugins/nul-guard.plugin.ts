import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findNulFields, NUL_CHARACTER_CODE, stripNulCharacters } from '#shared/nul-characters.js';
import { AppError } from '../errors/app-error.js';

/**
 * What a route does with U+0000 in its body. Refused (400) unless the route says otherwise:
 * - `strip`: customer text from other systems, stored without it (the sender cannot correct it);
 * - `raw`: the route keeps the body as signed bytes and strips after checking the signature.
 * Params and query are refused on every route.
 */
export type NulPolicy = 'refuse' | 'strip' | 'raw';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What this route does with U+0000 in its body (see `NulPolicy`); refused when unset. */
    nulCharacters?: NulPolicy;
  }
}

function guardNulCharacters(request: FastifyRequest): void {
  const policy = request.routeOptions.config.nulCharacters ?? 'refuse';
  const found = [...findNulFields(request.params, 'params'), ...findNulFields(request.query, 'query')];
  if (policy === 'strip') request.body = stripNulCharacters(request.body);
  else if (policy === 'refuse') found.push(...findNulFields(request.body, 'body'));
  if (found.length === 0) return;
  const errors = found.map(({ path, message }) => ({ path, message, code: NUL_CHARACTER_CODE }));
  throw new AppError('validation_failed', 'U+0000 (NUL) cannot be stored; remove it', { errors });
}

const nulGuardPluginImpl: FastifyPluginAsync = async (app) => {
  // Before validation, so the answer is the same 400 on SQLite (which would store NUL) and on PostgreSQL
  // (which cannot), and a route's schema never has to think about it.
  app.addHook('preValidation', async (request) => guardNulCharacters(request));
};

/**
 * Answers 400 `validation_failed` naming each param, query or body field holding U+0000, for every route
 * registered after it; routes opt into stripping with `config: { nulCharacters: 'strip' }`.
 */
export const nulGuardPlugin = fp(nulGuardPluginImpl, { name: 'mcc-nul-guard', fastify: '5.x' });
