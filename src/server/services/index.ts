import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { createRepositories } from '../repositories/index.js';
import { ApiKeyService } from './api-key.service.js';
import { AuditService } from './audit.service.js';
import { AuthService } from './auth.service.js';
import { BusinessService } from './business.service.js';
import { MemberService } from './member.service.js';
import { AccessTokens } from './security/access-tokens.js';
import { LoginThrottle } from './security/login-throttle.js';

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
export function createServices(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const repos = createRepositories(deps.database.db, deps.database.dialect);
  const accessTokens = new AccessTokens(deps.secret, deps.config.auth.accessTokenTtlSeconds, () =>
    now().getTime(),
  );
  return {
    accessTokens,
    auth: new AuthService({
      repos,
      accessTokens,
      throttle: new LoginThrottle(() => now().getTime()),
      refreshTokenTtlDays: deps.config.auth.refreshTokenTtlDays,
      now,
    }),
    businesses: new BusinessService(repos, now),
    members: new MemberService(repos, now),
    apiKeys: new ApiKeyService(repos, now),
    audit: new AuditService(repos),
  };
}
