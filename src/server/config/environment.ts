import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Config, loadConfig } from './config.js';

// Both src/server/config (tsx) and dist/server/config (compiled) sit three levels below the repository.
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** Read `.env` (when present) into the environment, then parse it: the process's one reader of `process.env`. */
export function loadConfigFromProcess(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return loadConfig({
    ...process.env,
    LOG_PRETTY: process.env.LOG_PRETTY ?? (process.stdout.isTTY ? '1' : '0'),
    WEB_DIST_DIR: process.env.WEB_DIST_DIR || DEFAULT_WEB_DIST_DIR,
  });
}
