import type { JobDefinitions, JobHandler, JobHandlers } from './job-types.js';

/** One handler for one job name, as a feature contributes it. */
export interface JobHandlerEntry {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: entries of different payload types share one list
  handler: JobHandler<any>;
}

/**
 * A typed handler entry: the payload and context types come from `definitions[name]`.
 *
 * @example
 * jobHandler(JOB_DEFINITIONS, 'housekeeping.purge_sessions', async () => ({ purged: await purge() }));
 */
export function jobHandler<Defs extends JobDefinitions, N extends keyof Defs & string>(
  _definitions: Defs,
  name: N,
  handler: JobHandler<Defs[N]>,
): JobHandlerEntry {
  return { name, handler };
}

/** Thrown at boot when the handlers do not match the job names one to one. */
export class JobRegistryError extends Error {
  constructor(readonly problems: string[]) {
    super(`The job registry is inconsistent:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'JobRegistryError';
  }
}

/**
 * Pair every job name with exactly one handler. Fails, listing every problem, on a name without a
 * handler, a name with two, or a handler for an unknown name: a queue must never hold a job that no
 * worker can run.
 *
 * @example
 * const handlers = buildJobRegistry(JOB_DEFINITIONS, createJobHandlers({ auth, queue }));
 */
export function buildJobRegistry(definitions: JobDefinitions, entries: JobHandlerEntry[]): JobHandlers {
  const problems: string[] = [];
  const registry = new Map<string, { definition: JobDefinitions[string]; handler: JobHandler }>();
  for (const { name, handler } of entries) {
    const definition = definitions[name];
    if (!definition) problems.push(`${name}: a handler for a job name that is not defined`);
    else if (registry.has(name)) problems.push(`${name}: more than one handler`);
    else registry.set(name, { definition, handler });
  }
  for (const name of Object.keys(definitions)) {
    if (!registry.has(name) && !problems.some((problem) => problem.startsWith(`${name}:`))) {
      problems.push(`${name}: no handler`);
    }
  }
  if (problems.length > 0) throw new JobRegistryError(problems);
  return registry;
}
