import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEPLOY_DIR } from './deploy-files.js';

/** Where Debian's nginx keeps the MIME table the shipped config includes (the nginx image has it too). */
const MIME_TYPES = '/etc/nginx/mime.types';

/** A port nothing listens on right now, on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** The shipped nginx config, laid out in a temporary prefix so it runs as this user on loopback. */
export interface NginxPrefix {
  dir: string;
  conf: string;
  httpPort: number;
  httpsPort: number;
  /** The throwaway certificate (PEM) nginx presents; clients trust exactly this. */
  ca: string;
  dispose(): void;
}

/**
 * Copy `deploy/nginx` into a temporary prefix and change only what differs on this machine: the
 * upstream servers (loopback ports instead of the compose service `app`), the listening ports, the
 * certificate directory (a throwaway pair from deploy/nginx/self-signed.sh) and /tmp/nginx.
 */
export async function prepareNginx(upstreams: string[]): Promise<NginxPrefix> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcc-nginx-'));
  // Worker processes run as nobody when the tests run as root; they must reach the temp paths.
  chmodSync(dir, 0o755);
  const confDir = path.join(dir, 'conf');
  mkdirSync(path.join(confDir, 'conf.d'), { recursive: true });
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const tls = path.join(dir, 'tls');
  execFileSync(path.join(DEPLOY_DIR, 'nginx/self-signed.sh'), [tls, 'localhost'], { stdio: 'ignore' });
  const localise = (text: string) =>
    text
      .replaceAll('/tmp/nginx/', `${dir}/run/`)
      .replaceAll('/etc/nginx/tls/', `${tls}/`)
      // Node's stdio pipes are sockets, which nginx cannot open as /dev/stdout; the test reads a file.
      .replaceAll('/dev/stdout', path.join(dir, 'run/access.log'))
      .replace(/^(\s*)server app:8000 (.*);$/m, (_line, indent: string, params: string) =>
        upstreams.map((upstream) => `${indent}server ${upstream} ${params};`).join('\n'),
      )
      .replace(/listen 8080 /, `listen 127.0.0.1:${httpPort} `)
      .replace(/listen 8443 /, `listen 127.0.0.1:${httpsPort} `);
  mkdirSync(path.join(dir, 'run'));
  const conf = path.join(confDir, 'nginx.conf');
  writeFileSync(conf, localise(readFileSync(path.join(DEPLOY_DIR, 'nginx/nginx.conf'), 'utf8')));
  writeFileSync(
    path.join(confDir, 'conf.d/mcc.conf'),
    localise(readFileSync(path.join(DEPLOY_DIR, 'nginx/conf.d/mcc.conf'), 'utf8')),
  );
  copyFileSync(MIME_TYPES, path.join(confDir, 'mime.types'));
  return {
    dir,
    conf,
    httpPort,
    httpsPort,
    ca: readFileSync(path.join(tls, 'fullchain.pem'), 'utf8'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `nginx -t` on a prepared prefix: resolves with what nginx printed, rejects when the test fails. */
export function testNginxConfig(prefix: NginxPrefix): string {
  return execFileSync('nginx', ['-t', '-p', prefix.dir, '-c', prefix.conf], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A running nginx in the foreground; its access log (JSON lines) is a file in the prefix. */
export interface RunningNginx {
  child: ChildProcess;
  output(): string;
  /** The parsed access log so far. */
  accessLog(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Start nginx on a prepared prefix and wait until it accepts HTTPS connections. */
export async function startNginx(prefix: NginxPrefix): Promise<RunningNginx> {
  const child = spawn('nginx', ['-p', prefix.dir, '-c', prefix.conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
    const up = await fetch(`http://127.0.0.1:${prefix.httpPort}/nginx-health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    output: () => output,
    accessLog: () =>
      readFileSync(path.join(prefix.dir, 'run/access.log'), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      // SIGQUIT: graceful; the master waits for its workers and exits.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
