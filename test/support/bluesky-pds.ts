import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const PDS_DIR = path.resolve(import.meta.dirname, '../bluesky-pds');
const REQUIRE_SERVICES = process.env.MCC_REQUIRE_SERVICES === '1';

/** A real PDS on loopback (test/bluesky-pds/start.mjs) with its account. */
export interface RealPds {
  pdsUrl: string;
  handle: string;
  /** The account's own password, which mcc must refuse in favour of an app password. */
  accountPassword: string;
  appPassword: string;
  /** The DID of a second account, @miller.test, for mentions. */
  miller: string;
  close(): Promise<void>;
}

function skipReason(): string | undefined {
  if (existsSync(path.join(PDS_DIR, 'node_modules/@atproto/dev-env'))) return undefined;
  const reason = 'the real Bluesky PDS is not installed (npm ci --prefix test/bluesky-pds)';
  if (REQUIRE_SERVICES) throw new Error(`MCC_REQUIRE_SERVICES=1 but ${reason}`);
  console.warn(`Skipping the real-PDS Bluesky test: ${reason}`);
  return reason;
}

/** Why the real-PDS tests are skipped, or undefined when @atproto/dev-env is installed. */
export const realPdsSkipReason = skipReason();

/** Start the PDS and its PLC directory in a child process; `close` stops both. */
export async function startRealPds(): Promise<RealPds> {
  const child: ChildProcess = spawn(process.execPath, ['start.mjs'], {
    cwd: PDS_DIR,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test' },
  });
  const exited = new Promise<never>((_resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the PDS exited (${code}) before it was ready`)));
  });
  // Exiting after close is expected: only a race with `ready` below may turn it into a failure.
  exited.catch(() => undefined);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const ready = new Promise<string>((resolve) => lines.once('line', resolve));
  const details = JSON.parse(await Promise.race([ready, exited])) as Omit<RealPds, 'close'>;
  return {
    ...details,
    close: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.stdin?.end();
      await gone;
    },
  };
}
