import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Every path the web client calls, with each parameter written `{}` as in the OpenAPI document. */
function clientPaths(): Array<[string, string]> {
  return Object.entries(API).map(([name, path]) => {
    const text =
      typeof path === 'function'
        ? (path as (...args: string[]) => string)(...Array(path.length).fill('\u0001'))
        : path;
    return [name, text.split('?')[0]?.replaceAll('\u0001', '{}') ?? ''];
  });
}

describe('the web client’s API paths', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(await createSqliteTestDatabase());
  });
  afterAll(() => t.close());

  it('are all served by the server (as its OpenAPI document lists them)', async () => {
    const document = (await t.app.inject({ url: '/docs/json' })).json<{ paths: Record<string, unknown> }>();
    const served = new Set(Object.keys(document.paths).map((path) => path.replace(/\{[^}]+\}/g, '{}')));
    // The WebSocket upgrade is a route of its own, outside the HTTP API's document.
    const missing = clientPaths().filter(
      ([, path]) => !served.has(path) && !t.app.hasRoute({ method: 'GET', url: path }),
    );
    expect(missing).toEqual([]);
    expect(clientPaths().length).toBeGreaterThan(40);
  });
});
