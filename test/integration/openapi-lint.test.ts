import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteTestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The warnings Redocly's recommended rules may give the served document, each with its reason. Anything
 * else (a new warning, or one of these gone) fails the test: fix it, or add it here with a reason.
 */
const ALLOWED_WARNINGS: Array<{ rule: string; pointer: string; why: string }> = [
  {
    rule: 'operation-4xx-response',
    pointer: '#/paths/~1healthz/get/responses',
    why: 'Probes take no input and are never rate limited nor refused for their Host: no 4xx can happen.',
  },
  {
    rule: 'operation-4xx-response',
    pointer: '#/paths/~1readyz/get/responses',
    why: 'Probes take no input and are never rate limited nor refused for their Host: no 4xx can happen.',
  },
  {
    rule: 'operation-2xx-response',
    pointer: '#/paths/~1api~1oauth~1{network}~1callback/get/responses',
    why: 'A browser lands there from the network’s consent page: it always answers 303 to the channels page (or a short page saying why not), never 2xx.',
  },
];

describe('the served OpenAPI document under Redocly’s recommended rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(await createSqliteTestDatabase(), { PUBLIC_URL: 'https://mcc.example.org' });
  });
  afterAll(() => t.close());

  it('has no errors, and only the warnings listed with their reason', async () => {
    const source = (await t.app.inject({ url: '/docs/json' })).body;
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: '/openapi.json', config });
    const found = problems.map((problem) => ({
      severity: problem.severity,
      rule: problem.ruleId,
      pointer: problem.location[0]?.pointer,
      message: problem.message,
    }));
    expect(found.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(found.map(({ rule, pointer }) => ({ rule, pointer }))).toEqual(
      ALLOWED_WARNINGS.map(({ rule, pointer }) => ({ rule, pointer })),
    );
  });
});
