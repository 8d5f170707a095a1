import type { JobDefinition, JobDefinitions } from './job-types.js';

/** The default retry budget of a job whose definition names none. */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** What both queues store for an enqueue request, after checking it against the definitions. */
export interface CheckedEnqueue {
  definition: JobDefinition;
  businessId: string | null;
  payload: unknown;
  maxAttempts: number;
  runAt: Date;
}

/**
 * Check an enqueue request before anything is stored: a known name, a workspace for workspace jobs
 * (none for system jobs), a valid payload. A mistake here is a bug in the caller, so it throws plainly.
 */
export function checkEnqueue(
  definitions: JobDefinitions,
  request: { name: string; businessId: string | null; payload: unknown; runAt?: Date; maxAttempts?: number },
  now: Date,
): CheckedEnqueue {
  const definition = definitions[request.name];
  if (!definition) throw new Error(`Unknown job name: ${request.name}`);
  if ((definition.scope === 'system') !== (request.businessId === null)) {
    throw new Error(
      `${request.name} is a ${definition.scope} job: ${definition.scope === 'system' ? 'businessId must be null' : 'businessId is required'}`,
    );
  }
  const maxAttempts = request.maxAttempts ?? definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error('maxAttempts must be a positive integer');
  return {
    definition,
    businessId: request.businessId,
    payload: definition.payload.parse(request.payload),
    maxAttempts,
    runAt: request.runAt && request.runAt > now ? request.runAt : now,
  };
}
