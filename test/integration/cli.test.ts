import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
// The built CLI, as `npx mcc` runs it (npm test builds first).
const CLI = path.join(ROOT, 'dist/cli/mcc.js');

/** Run `mcc …` as a real process with its own data directory. */
function mcc(args: string[], env: Record<string, string>, input?: string) {
  const child = run(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', MCC_DEMO: '0', ...env },
    timeout: 30_000,
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  return child;
}

describe('mcc CLI', { timeout: 60_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-cli-'));
    env = { DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints help for every command', async () => {
    // Side by side: each is a process of its own, and reads nothing the others write.
    const [main, create, reset, backup, mcp] = await Promise.all(
      [
        ['--help'],
        ['user', 'create', '--help'],
        ['user', 'reset-password', '--help'],
        ['backup', '--help'],
        ['mcp', '--help'],
      ].map(async (args) => (await mcc(args, env)).stdout),
    );
    for (const command of ['serve', 'migrate', 'user', 'backup', 'mcp']) expect(main).toContain(command);
    expect(create).toContain('--email');
    expect(reset).toContain('--password-stdin');
    expect(backup).toContain('online backup');
    expect(mcp).toContain('--transport <transport>');
  });

  it('migrates, creates a user, and backs the database up', async () => {
    expect((await mcc(['migrate'], env)).stdout).toMatch(/Success: 0001/);
    expect((await mcc(['migrate'], env)).stdout).toMatch(/up to date/);

    const created = await mcc(['user', 'create', '--email', 'Grace@Example.com', '--name', 'Grace'], env);
    expect(created.stdout).toMatch(/Created grace@example.com/);
    expect(created.stdout).toMatch(/Password \(shown once\): \S{20}/);

    const fromStdin = await mcc(
      [
        'user',
        'create',
        '--email',
        'alan@example.com',
        '--name',
        'Alan',
        '--password-stdin',
        '--language',
        'fr',
      ],
      env,
      'enigma-bombe-1940\n',
    );
    expect(fromStdin.stdout).not.toMatch(/Password/);
    const languageOf = (email: string) => {
      const db = new Database(path.join(dataDir, 'mcc.db'), { readonly: true });
      const row = db.prepare('select language from users where email = ?').get(email);
      db.close();
      return row;
    };
    // The language their emails are written in; none given, English.
    expect([languageOf('alan@example.com'), languageOf('grace@example.com')]).toEqual([
      { language: 'fr' },
      { language: null },
    ]);
    const unknownLanguage = await mcc(
      ['user', 'create', '--email', 'ada@example.com', '--name', 'Ada', '--language', 'de'],
      env,
    ).catch((e: { stderr: string; code: number }) => e);
    expect(unknownLanguage).toMatchObject({ code: 1 });
    expect((unknownLanguage as { stderr: string }).stderr).toMatch(/^language: /m);

    const hashOf = (email: string) => {
      const db = new Database(path.join(dataDir, 'mcc.db'), { readonly: true });
      const row = db.prepare('select password_hash from users where email = ?').get(email);
      db.close();
      return row;
    };
    const before = hashOf('alan@example.com');
    const reset = await mcc(
      ['user', 'reset-password', '--email', 'Alan@Example.com', '--password-stdin'],
      env,
      'universal-machine-1936\n',
    );
    expect(reset.stdout).toMatch(/New password set for alan@example.com; every session was signed out/);
    expect(hashOf('alan@example.com')).not.toEqual(before);
    const unknown = await mcc(['user', 'reset-password', '--email', 'nobody@example.com'], env).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect(unknown).toMatchObject({ code: 1 });
    expect((unknown as { stderr: string }).stderr).toMatch(/No account uses nobody@example.com/);

    const duplicate = await mcc(['user', 'create', '--email', 'grace@example.com', '--name', 'G'], env).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect(duplicate).toMatchObject({ code: 1 });
    expect((duplicate as { stderr: string }).stderr).toMatch(/already exists/);

    const backupFile = path.join(dataDir, 'copy.db');
    expect((await mcc(['backup', backupFile], env)).stdout).toContain(backupFile);
    expect(existsSync(backupFile)).toBe(true);
    const copy = new Database(backupFile, { readonly: true });
    expect(copy.prepare('select email from users order by email').all()).toEqual([
      { email: 'alan@example.com' },
      { email: 'grace@example.com' },
    ]);
    copy.close();
  });

  // The deployment stack sets REDIS_URL, and `mcc user …` is how its operators add people.
  it.skipIf(Boolean(redisSkipReason))('creates a user and exits when Redis is configured', async () => {
    const prefix = testRedisPrefix();
    try {
      const withRedis = { ...env, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
      const created = await mcc(['user', 'create', '--email', 'ada@example.com', '--name', 'Ada'], withRedis);
      expect(created.stdout).toMatch(/Created ada@example.com/);
      const reset = await mcc(['user', 'reset-password', '--email', 'ada@example.com'], withRedis);
      expect(reset.stdout).toMatch(/\S{20}/);
    } finally {
      await deleteRedisPrefix(prefix);
    }
  });

  it('refuses bad configuration, listing every problem', async () => {
    const failure = await mcc(['migrate'], { ...env, PORT: 'abc', NODE_ENV: 'production' }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/PORT/);
  });

  it('exits with the reason when its port is taken, stopping what it had started', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      // Before, the job worker went on polling the closed database and the process never exited.
      const failure = await mcc(['serve'], { ...env, HOST: '127.0.0.1', PORT: String(port) }).catch(
        (e: { stderr: string; code: number | null; killed: boolean }) => e,
      );
      expect(failure).toMatchObject({ code: 1, killed: false });
      expect((failure as { stderr: string }).stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect((failure as { stderr: string }).stderr).not.toMatch(/destroyed/);
    } finally {
      taken.close();
    }
  });

  it('refuses to start in production with a missing or weak SECRET_KEY', async () => {
    const missing = await mcc(['serve'], { ...env, NODE_ENV: 'production' }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect((missing as { stderr: string }).stderr).toMatch(/SECRET_KEY: required/);
    const weak = await mcc(['serve'], {
      ...env,
      NODE_ENV: 'production',
      SECRET_KEY: 'changeme-changeme-changeme-changeme',
    }).catch((e: { stderr: string; code: number }) => e);
    expect((weak as { stderr: string }).stderr).toMatch(/SECRET_KEY: too weak/);
    // Issue 13, item 16: the Host allow-list comes from PUBLIC_URL, so production needs one.
    const hostless = await mcc(['serve'], {
      ...env,
      NODE_ENV: 'production',
      SECRET_KEY: 'c0ffee11d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1',
    }).catch((e: { stderr: string; code: number }) => e);
    expect(hostless).toMatchObject({ code: 1 });
    expect((hostless as { stderr: string }).stderr).toMatch(/PUBLIC_URL: required in production/);
  });
});
