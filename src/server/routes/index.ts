import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/index.js';

/** Register every `/api` route; `buildApp` calls this inside the `/api` prefix. */
export async function registerApiRoutes(_app: FastifyInstance, _services: Services): Promise<void> {}
