import { existsSync } from 'node:fs';
import { type Config, loadConfig } from './config.js';

/** Read `.env` (when present) into the environment, then parse it: the process's one reader of `process.env`. */
export function loadConfigFromProcess(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return loadConfig({
    ...process.env,
    LOG_PRETTY: process.env.LOG_PRETTY ?? (process.stdout.isTTY ? '1' : '0'),
  });
}
