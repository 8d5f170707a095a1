import { z } from 'zod';
import type { JobDefinitions } from './job-types.js';

/**
 * Every job the app runs: name → payload schema, scope, retry budget. A feature adding a job adds its
 * definition here and its handler in handlers.ts; start-up fails if the two disagree.
 */
export const JOB_DEFINITIONS = {
  'housekeeping.purge_sessions': {
    scope: 'system',
    payload: z.strictObject({}),
    maxAttempts: 3,
    description: 'Delete refresh tokens that expired more than a day ago; reschedules itself every 6 hours',
  },
} as const satisfies JobDefinitions;

/** The app's job definitions. */
export type AppJobDefinitions = typeof JOB_DEFINITIONS;

/** A job name of the app. */
export type AppJobName = keyof AppJobDefinitions;
