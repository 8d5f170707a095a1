import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config/config.js';
import { DEPLOY_DIR, readCompose, readDeployFile, readDeployYaml } from './support/deploy-files.js';

const services = readCompose().services;

describe('deploy/docker-compose.yml', () => {
  it('is valid against the Compose Specification JSON schema', () => {
    const schema = JSON.parse(readFileSync(path.join(DEPLOY_DIR, 'schemas/compose-spec.json'), 'utf8'));
    // The schema names draft-07 by an https URL ajv does not know; its keywords are plain draft-07.
    const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
    const validate = ajv.compile(schema);
    const valid = validate(readCompose());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // The schema can fail: a misspelt key is rejected.
    expect(validate({ services: { app: { imagee: 'x' } } })).toBe(false);
  });

  it('runs every service the issue names, each with a health check (the one-shot migration excepted)', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['app', 'grafana', 'migrate', 'nginx', 'postgres', 'prometheus', 'redis', 'worker'].sort(),
    );
    for (const [name, service] of Object.entries(services)) {
      if (name === 'migrate') continue;
      expect(service.healthcheck?.test, `${name} health check`).toBeDefined();
    }
    expect(services.app?.deploy?.replicas).toBe(2);
  });

  it('starts in dependency order: storage, then the migration, then the app, then nginx', () => {
    expect(services.migrate?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.app?.depends_on).toMatchObject({
      migrate: { condition: 'service_completed_successfully' },
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(services.worker?.depends_on).toMatchObject({
      migrate: { condition: 'service_completed_successfully' },
      redis: { condition: 'service_healthy' },
    });
    expect(services.nginx?.depends_on).toEqual({ app: { condition: 'service_healthy' } });
    // The app must not migrate on its own: two replicas racing a migration is what `migrate` prevents.
    expect(services.app?.environment?.MCC_AUTO_MIGRATE).toBe('0');
  });

  it('gives Redis what BullMQ requires: no eviction, and AOF persistence', () => {
    const command = services.redis?.command?.join(' ') ?? '';
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(command).toMatch(/--appendonly yes/);
  });

  it('runs the app containers read-only and takes every secret from deploy/.env', () => {
    for (const name of ['app', 'worker', 'migrate', 'nginx']) {
      expect(services[name]?.read_only, name).toBe(true);
    }
    // Everything nginx writes (pid, temp files, cache) is under /tmp/nginx, which must be a writable mount.
    const nginxConf = `${readDeployFile('nginx/nginx.conf')}${readDeployFile('nginx/conf.d/mcc.conf')}`;
    const written = [...nginxConf.matchAll(/^\s*(?:pid|\w+_temp_path|proxy_cache_path) ([^\s;]+)/gm)];
    expect(written.length).toBe(7);
    for (const [, file] of written) expect(file, file).toMatch(/^\/tmp\/nginx\//);
    expect(services.nginx?.tmpfs).toContain('/tmp/nginx');
    const text = readDeployFile('docker-compose.yml');
    const required = [...text.matchAll(/\$\{([A-Z_]+):\?/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(
      new Set(['POSTGRES_PASSWORD', 'SECRET_KEY', 'METRICS_TOKEN', 'GRAFANA_ADMIN_PASSWORD']),
    );
    const example = readDeployFile('.env.example');
    for (const name of new Set([...text.matchAll(/\$\{([A-Z_]+)[:}]/g)].map((match) => match[1]))) {
      expect(example, `deploy/.env.example documents ${name}`).toMatch(new RegExp(`^${name}=`, 'm'));
    }
  });

  it('scrapes /metrics with the metrics token, which the app and the worker require (issue 13, item 13)', () => {
    const compose = readCompose();
    const token = compose.secrets?.metrics_token;
    expect(token).toEqual({ environment: 'METRICS_TOKEN' });
    expect(services.prometheus?.secrets).toEqual(['metrics_token']);
    const prometheus = readDeployYaml<{
      scrape_configs: Array<{ job_name: string; authorization?: { type: string; credentials_file: string } }>;
    }>('prometheus/prometheus.yml');
    for (const job of ['mcc-web', 'mcc-worker']) {
      expect(prometheus.scrape_configs.find((config) => config.job_name === job)?.authorization, job).toEqual(
        {
          type: 'Bearer',
          credentials_file: '/run/secrets/metrics_token',
        },
      );
    }
    const text = readDeployFile('docker-compose.yml');
    expect(text).toMatch(/METRICS_TOKEN: \$\{METRICS_TOKEN:\?/);
    // With deploy/.env filled in, both commands pass the production checks (a worker metrics port on
    // every interface needs the token).
    for (const name of ['app', 'worker']) {
      const environment = Object.fromEntries(
        Object.entries(services[name]?.environment ?? {}).map(([key, value]) => [key, filledIn(value)]),
      );
      expect(() => loadConfig(environment), name).not.toThrow();
      expect(loadConfig(environment).metrics.token, name).toBe(STAND_INS.METRICS_TOKEN);
    }
    expect(services.worker?.environment?.METRICS_HOST).toBe('0.0.0.0');
  });

  it('leaves compression to nginx and answers for PUBLIC_URL’s host (issue 13, item 16)', () => {
    expect(services.app?.environment?.COMPRESSION).toBe('0');
    expect(readDeployFile('nginx/nginx.conf')).toMatch(/^\s*gzip on;/m);
    const environment = Object.fromEntries(
      Object.entries(services.app?.environment ?? {}).map(([key, value]) => [key, filledIn(value)]),
    );
    const config = loadConfig(environment);
    expect(config.server.compression).toBe(false);
    expect(config.server.allowedHosts).toEqual(['localhost']);
  });
});

const STAND_INS: Record<string, string> = {
  SECRET_KEY: 'c0ffee11d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1',
  METRICS_TOKEN: '9d2c4e6f8a1b3c5d7e9f0a2b4c6d8e1f',
};

/**
 * A compose value with `${NAME…}` replaced as a filled-in deploy/.env would: stand-ins for the secrets,
 * `${NAME:-default}` defaults for the rest.
 */
function filledIn(value: string): string {
  return value.replace(
    /\$\{([A-Z_]+)(?::-([^}]*))?[^}]*\}/g,
    (_match, name: string, fallback: string | undefined) => STAND_INS[name] ?? fallback ?? '',
  );
}
