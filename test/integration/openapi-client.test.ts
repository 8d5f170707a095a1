import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClientTypes } from '#server/openapi/client-types.js';
import { createMccClient } from '../../src/client/index.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import { servedDocument } from '../support/openapi-document.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The README's typed-client example, exactly as integrators read it. */
function readmeExample(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const match = /<!-- typed-client-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(readme);
  if (!match?.[1]) throw new Error('README.md has no typed-client example');
  return match[1];
}

describe('the typed client', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The client signs up and gets a session at once (sign-up-modes.test.ts covers every mode).
    t = await createTestApp(await createSqliteTestDatabase(), { SIGN_UP: 'immediate' });
  });
  afterAll(() => t.close());

  it('is generated from the document the server serves (run `npm run generate:client` after an API change)', async () => {
    const committed = readFileSync(path.join(ROOT, 'src/client/schema.ts'), 'utf8').split('\n');
    const generated = generateClientTypes(await servedDocument(t.app)).split('\n');
    const at = generated.findIndex((line, index) => line !== committed[index]);
    const first = at === -1 && generated.length !== committed.length ? generated.length : at;
    // The first line that differs, not a diff of thousands of lines.
    expect(
      first === -1 ? null : { line: first + 1, committed: committed[first], served: generated[first] },
    ).toBeNull();
  });

  it('compiles with the README example under --strict, and refuses a call the API would refuse', {
    timeout: 90_000,
  }, async () => {
    // An integrator's project: `mcc` installed (here: linked), TypeScript strict, ES modules.
    const project = mkdtempSync(path.join(tmpdir(), 'mcc-client-'));
    try {
      mkdirSync(path.join(project, 'node_modules', '@types'), { recursive: true });
      symlinkSync(ROOT, path.join(project, 'node_modules', 'mcc'), 'dir');
      symlinkSync(
        path.join(ROOT, 'node_modules', '@types', 'node'),
        path.join(project, 'node_modules', '@types', 'node'),
        'dir',
      );
      writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }));
      const example = readmeExample();
      writeFileSync(path.join(project, 'example.ts'), example);
      // The same call with an objective the API does not have.
      writeFileSync(
        path.join(project, 'wrong.ts'),
        example.replace("objective: 'awareness'", "objective: 'fame'"),
      );
      writeFileSync(
        path.join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            target: 'ES2023',
            lib: ['ES2023', 'DOM'],
            types: ['node'],
            noEmit: true,
          },
          files: ['example.ts', 'wrong.ts'],
        }),
      );
      const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
      const outcome = await run(tsc, ['-p', '.', '--strict', '--pretty', 'false'], { cwd: project }).then(
        () => ({ stdout: '' }),
        (error: { stdout: string }) => ({ stdout: error.stdout }),
      );
      const errors = outcome.stdout.split('\n').filter((line) => line.includes('error TS'));
      expect(errors.filter((line) => !line.startsWith('wrong.ts'))).toEqual([]);
      expect(errors).toEqual([expect.stringMatching(/^wrong\.ts\(\d+,\d+\): error TS2322: .*"fame"/)]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('makes typed calls to a listening server: sign up, an API key, a campaign, a typed problem', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

    const anonymous = createMccClient({ baseUrl });
    const signUp = await anonymous.POST('/api/auth/register', {
      body: {
        email: `typed-${randomUUID()}@example.com`,
        password: 'typed-client-passphrase-1',
        name: 'Ada',
      },
    });
    expect(signUp.response.status).toBe(201);
    if (!signUp.data || !('access_token' in signUp.data)) throw new Error('Expected a session');
    const person = createMccClient({ baseUrl, apiKey: signUp.data.access_token });

    const workspace = await person.POST('/api/business', { body: { name: 'Typed Bakery' } });
    if (!workspace.data) throw new Error(`No workspace: ${workspace.error?.code}`);
    const key = await person.POST('/api/business/{id}/api-keys', {
      params: { path: { id: workspace.data.id } },
      body: { name: 'integration' },
    });
    if (!key.data) throw new Error(`No API key: ${key.error?.code}`);

    const mcc = createMccClient({ baseUrl, apiKey: key.data.secret });
    const created = await mcc.POST('/api/campaign', {
      body: {
        business_id: workspace.data.id,
        name: 'Spring launch',
        objective: 'awareness',
        channels: ['linkedin'],
        start_date: '2026-04-01',
        end_date: '2026-04-30',
      },
    });
    expect(created.error).toBeUndefined();
    expect(created.data?.status).toBe('draft');

    const listed = await mcc.GET('/api/campaign', { params: { query: { business_id: workspace.data.id } } });
    expect(listed.data?.items.map((campaign) => campaign.name)).toEqual(['Spring launch']);

    const missing = await mcc.GET('/api/campaign/{id}', { params: { path: { id: randomUUID() } } });
    expect(missing.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.error?.code).toBe('not_found');
  });
});
