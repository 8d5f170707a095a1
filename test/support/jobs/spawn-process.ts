import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A child process running a built entry or a TypeScript test helper. */
export interface SpawnedProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Send `signal` and resolve with the exit code (null when killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Start `entry` (relative to the repository) with `args` and `env`; resolve once it prints `ready`. The
 * app's own entries run built (`dist/…js`, as production runs them; `npm test` builds first), which
 * starts in a third of the CPU time tsx needs to compile the sources; a test helper (`…ts`) runs through
 * tsx's loader — `node --import tsx`, not the tsx binary, which runs the script in a grandchild that a
 * SIGKILL would orphan.
 */
export function spawnEntry(
  entry: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<SpawnedProcess> {
  const typescript = entry.endsWith('.ts');
  if (!typescript && !existsSync(path.join(ROOT, entry))) {
    throw new Error(`${entry} does not exist: build first (npm run build:server; npm test builds)`);
  }
  const loader = typescript ? ['--conditions=source', '--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, path.join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_PRETTY: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({
          child,
          pid: child.pid ?? 0,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output}`));
    });
  });
}
