import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A `redis-server` of the test's own, which it may stop and start again (the machine's Redis is shared). */
export interface OwnRedis {
  /** `redis://127.0.0.1:<port>`: the same address across restarts. */
  url: string;
  /** Stop the server (SIGTERM) and wait until it has exited; its data stays on disk (AOF). */
  stop(): Promise<void>;
  /** Start it again on the same port with the same data; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stop it for good and delete its data. */
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  // AOF with fsync on every write: what was acknowledged before a stop is still there after a start.
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
}

/**
 * Start a private `redis-server` on a free loopback port, with its data in a temporary directory.
 *
 * @example
 * const redis = await startOwnRedis();
 * await redis.stop(); // … Redis is down …
 * await redis.start();
 */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'mcc-redis-'));
  let child: ChildProcess | undefined = await launch(port, dir);

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    async start() {
      if (!child) child = await launch(port, dir);
    },
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
