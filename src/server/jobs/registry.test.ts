import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildJobRegistry, JobRegistryError, jobHandler } from './registry.js';

const DEFINITIONS = {
  'demo.one': { scope: 'workspace', payload: z.object({ n: z.number() }), description: 'one' },
  'demo.two': { scope: 'system', payload: z.object({}), description: 'two' },
} as const;

const one = jobHandler(DEFINITIONS, 'demo.one', async (payload) => payload.n);
const two = jobHandler(DEFINITIONS, 'demo.two', async () => undefined);

describe('buildJobRegistry', () => {
  it('pairs every name with its handler', () => {
    const registry = buildJobRegistry(DEFINITIONS, [one, two]);
    expect([...registry.keys()]).toEqual(['demo.one', 'demo.two']);
    expect(registry.get('demo.one')?.definition.scope).toBe('workspace');
  });

  it('fails on a missing handler, a duplicate and an unknown name, listing each', () => {
    const build = () =>
      buildJobRegistry(DEFINITIONS, [one, one, { name: 'demo.three', handler: two.handler }]);
    expect(build).toThrow(JobRegistryError);
    expect(build).toThrow(/demo\.one: more than one handler/);
    expect(build).toThrow(/demo\.two: no handler/);
    expect(build).toThrow(/demo\.three: a handler for a job name that is not defined/);
  });
});
