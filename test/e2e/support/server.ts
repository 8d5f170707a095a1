import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MAIN = path.join(ROOT, 'dist/server/main.js');

/** The built server (`node dist/server/main.js`) serving the built SPA, on its own port and data dir. */
export interface BuiltServer {
  url: string;
  /** Stops the process (SIGTERM, graceful) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data and secret, as after a restart. */
  start(): Promise<void>;
  /** Stops it and deletes its data directory. */
  dispose(): Promise<void>;
  /** What the process printed, for failure messages. */
  output(): string;
}

/**
 * The settings of the server the browser files share (started once per run by global-browser.ts). The
 * webhook receivers and contract fakes those files start listen on this machine, which the outbound guard
 * refuses unless allowed. Every file's browser and API calls come from this one address, one file after
 * another within the same minute: the per-address request limit is raised to stay out of their way.
 */
export const RUN_SERVER_ENV: Readonly<Record<string, string>> = {
  OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
  RATE_LIMIT_MAX: '100000',
};

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready after 60 s:\n${output()}`);
}

/**
 * Starts the server built by `npm run build` and waits for `/readyz`. The e2e tests drive it through a real
 * browser exactly as a self-hoster would run it. `extraEnv` adds settings a flow needs (a webhook receiver
 * on this machine needs `OUTBOUND_ALLOWED_HOSTS`). `options.localhost` serves it as `http://localhost:<port>`
 * with that as PUBLIC_URL: WebAuthn needs a domain for its relying party, and an IP address is none.
 */
export async function startBuiltServer(
  extraEnv: Record<string, string> = {},
  options: { localhost?: boolean } = {},
): Promise<BuiltServer> {
  if (!existsSync(MAIN) || !existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    throw new Error('Build first: `npm run build` (or run `npm run test:e2e`, which builds).');
  }
  const port = await freePort();
  const url = `http://${options.localhost ? 'localhost' : '127.0.0.1'}:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-e2e-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    MCC_DEMO: '0',
    LOG_LEVEL: 'warn',
    SECRET_KEY: randomBytes(32).toString('hex'),
    // Every test signs in and reloads from one address; the strict production login limit would trip.
    AUTH_RATE_LIMIT_MAX: '1000',
    // Failed jobs retry after 1 s instead of production's 10 s, so retry flows do not wait out the delay.
    JOBS_RETRY_BASE_MS: '1000',
    // Cheap argon2 for the many sign-ups (passwords.test.ts checks the production cost).
    PASSWORD_HASH_PROFILE: 'test',
    ...(options.localhost ? { PUBLIC_URL: url } : {}),
    ...extraEnv,
  };
  let child: ChildProcess | undefined;
  let log = '';

  const start = async () => {
    const process = spawn('node', [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    process.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    process.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child = process;
    await waitUntilReady(url, process, () => log);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    url,
    start,
    stop,
    output: () => log,
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
