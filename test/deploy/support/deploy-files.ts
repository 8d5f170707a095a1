import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** The repository root and its `deploy/` folder. */
export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const DEPLOY_DIR = path.join(ROOT, 'deploy');

const REQUIRE_SERVICES = process.env.MCC_REQUIRE_SERVICES === '1';

/** A file under `deploy/`, as text. */
export function readDeployFile(relative: string): string {
  return readFileSync(path.join(DEPLOY_DIR, relative), 'utf8');
}

/** A YAML file under `deploy/`, parsed (the first document). */
export function readDeployYaml<T = Record<string, unknown>>(relative: string): T {
  // Compose files share settings through YAML merge keys (`<<: *mcc`), as Docker Compose resolves them.
  return parse(readDeployFile(relative), { merge: true }) as T;
}

/** Every document of a multi-document YAML file under `deploy/`. */
export function readDeployYamlDocuments<T = Record<string, unknown>>(relative: string): T[] {
  return parseAllDocuments(readDeployFile(relative)).map((doc) => doc.toJS() as T);
}

/** The part of a compose service the tests read. */
export interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  read_only?: boolean;
  tmpfs?: string[];
  secrets?: string[];
}

/** `deploy/docker-compose.yml`, parsed. */
export function readCompose(): {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { environment?: string; file?: string }>;
} {
  return readDeployYaml('docker-compose.yml');
}

/**
 * The command a compose service runs (`node dist/cli/mcc.js <args>`), as the TypeScript entry the
 * tests run instead of the build output: tsc maps `dist/` to `src/` (tsconfig.json rootDir/outDir).
 *
 * @example
 * composeEntry('app'); // { entry: 'src/cli/mcc.ts', args: ['serve'] }
 */
export function composeEntry(service: string): { entry: string; args: string[] } {
  const command = readCompose().services[service]?.command;
  const [runtime, script, ...args] = command ?? [];
  if (runtime !== 'node' || !script?.startsWith('dist/') || !script.endsWith('.js')) {
    throw new Error(`compose service ${service} does not run node dist/…js: ${JSON.stringify(command)}`);
  }
  return { entry: script, args };
}

/**
 * Whether a command-line tool from Debian is installed; without it the test is skipped, unless
 * MCC_REQUIRE_SERVICES=1 (CI), where a missing tool fails the run (`.ci/run` installs them).
 */
export function toolSkipReason(tool: string): string | undefined {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return undefined;
  } catch {
    const reason = `${tool} is not installed (apt-get install it; .ci/run does)`;
    if (REQUIRE_SERVICES) throw new Error(`MCC_REQUIRE_SERVICES=1 but ${reason}`);
    console.warn(`Skipping: ${reason}`);
    return reason;
  }
}
