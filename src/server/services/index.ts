import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';

/** What the services need from the outside world; wired once in `buildApp`. */
export interface ServiceDeps {
  database: Database;
  config: Config;
  /** Resolved signing secret (see `resolveSecret`). */
  secret: string;
  now?: () => Date;
}

/** Every service, constructed once per app. */
export type Services = ReturnType<typeof createServices>;

/** Build the services from their dependencies. */
export function createServices(_deps: ServiceDeps) {
  return {};
}
