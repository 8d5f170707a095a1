import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { buildJobRegistry, jobHandler } from '#server/jobs/registry.js';
import { PostponeJobError } from '#server/jobs/run-job.js';

/** Job names that exist only in tests; production code never registers them. */
export const TEST_JOB_DEFINITIONS = {
  'test.echo': {
    scope: 'workspace',
    payload: z.strictObject({ message: z.string() }),
    description: 'Returns its message',
  },
  'test.flaky': {
    scope: 'workspace',
    payload: z.strictObject({ key: z.string(), failTimes: z.number().int() }),
    description: 'Throws on its first `failTimes` runs',
  },
  'test.postpone': {
    scope: 'workspace',
    payload: z.strictObject({ key: z.string(), times: z.number().int(), delayMs: z.number().int() }),
    maxAttempts: 2,
    description: 'Postpones itself by `delayMs` on its first `times` runs (a rate-limited account)',
  },
  'test.gate': {
    scope: 'workspace',
    payload: z.strictObject({ key: z.string(), ignoreAbort: z.boolean().default(false) }),
    description: 'Reports 50 %, then waits until the test opens its gate',
  },
  'test.slow': {
    scope: 'workspace',
    payload: z.strictObject({ ms: z.number().int() }),
    description: 'Reports which process runs it, waits `ms`, returns the pid',
  },
  'test.system': { scope: 'system', payload: z.strictObject({}), description: 'A job of no workspace' },
} as const;

export type TestJobDefinitions = typeof TEST_JOB_DEFINITIONS;

/** What the test handlers did, and gates the tests open. */
export class JobProbe {
  readonly calls: Array<{
    name: string;
    key?: string;
    attempt: number;
    businessId: string | null;
    at: number;
  }> = [];
  readonly aborted = new Set<string>();
  private readonly gates = new Map<string, { opened: Promise<void>; open: () => void }>();

  count(name: string, key?: string): number {
    return this.calls.filter((call) => call.name === name && (key === undefined || call.key === key)).length;
  }

  open(key: string): void {
    this.gate(key).open();
  }

  gate(key: string): { opened: Promise<void>; open: () => void } {
    let gate = this.gates.get(key);
    if (!gate) {
      let open = () => {};
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { opened, open };
      this.gates.set(key, gate);
    }
    return gate;
  }
}

/** The test registry: every test job with handlers that report to `probe`. */
export function testJobRegistry(probe: JobProbe) {
  const defs = TEST_JOB_DEFINITIONS;
  return buildJobRegistry(defs, [
    jobHandler(defs, 'test.echo', async ({ message }, ctx) => {
      probe.calls.push({
        name: 'test.echo',
        attempt: ctx.attempt,
        businessId: ctx.businessId,
        at: Date.now(),
      });
      return { echoed: message, attempt: ctx.attempt };
    }),
    jobHandler(defs, 'test.flaky', async ({ key, failTimes }, ctx) => {
      probe.calls.push({
        name: 'test.flaky',
        key,
        attempt: ctx.attempt,
        businessId: ctx.businessId,
        at: Date.now(),
      });
      const runs = probe.count('test.flaky', key);
      if (runs <= failTimes) throw new Error(`boom #${runs}`);
      return { ok: true, runs };
    }),
    jobHandler(defs, 'test.postpone', async ({ key, times, delayMs }, ctx) => {
      probe.calls.push({
        name: 'test.postpone',
        key,
        attempt: ctx.attempt,
        businessId: ctx.businessId,
        at: Date.now(),
      });
      const runs = probe.count('test.postpone', key);
      if (runs <= times) throw new PostponeJobError(`held #${runs}`, delayMs);
      return { runs };
    }),
    jobHandler(defs, 'test.gate', async ({ key, ignoreAbort }, ctx) => {
      probe.calls.push({
        name: 'test.gate',
        key,
        attempt: ctx.attempt,
        businessId: ctx.businessId,
        at: Date.now(),
      });
      await ctx.reportProgress(50, 'halfway');
      const aborted = new Promise<never>((_resolve, reject) => {
        ctx.signal.addEventListener('abort', () => {
          probe.aborted.add(key);
          if (!ignoreAbort) reject(new Error(`aborted: ${String(ctx.signal.reason)}`));
        });
      });
      aborted.catch(() => {});
      await Promise.race([probe.gate(key).opened, aborted]);
      return { opened: key };
    }),
    jobHandler(defs, 'test.slow', async ({ ms }, ctx) => {
      probe.calls.push({
        name: 'test.slow',
        attempt: ctx.attempt,
        businessId: ctx.businessId,
        at: Date.now(),
      });
      await ctx.reportProgress(10, `running in ${process.pid}`);
      await delay(ms, undefined, { signal: ctx.signal });
      return { pid: process.pid };
    }),
    jobHandler(defs, 'test.system', async (_payload, ctx) => {
      probe.calls.push({
        name: 'test.system',
        attempt: ctx.attempt,
        businessId: ctx.businessId,
        at: Date.now(),
      });
      return 'ok';
    }),
  ]);
}
