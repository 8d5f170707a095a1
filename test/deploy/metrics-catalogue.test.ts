import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteTestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { DEPLOY_DIR, readDeployFile, readDeployYaml, toolSkipReason } from './support/deploy-files.js';

interface Dashboard {
  uid: string;
  panels: Array<{
    type: string;
    title: string;
    datasource?: { uid: string };
    targets?: Array<{ expr: string }>;
  }>;
}
interface AlertRules {
  groups: Array<{ rules: Array<{ alert: string; expr: string; labels: { severity: string } }> }>;
}

/** Series Prometheus makes up itself rather than scraping them. */
const PROMETHEUS_SERIES = new Set(['up']);
const HISTOGRAM_SUFFIX = /_(bucket|count|sum)$/;

const dashboard = JSON.parse(readDeployFile('grafana/dashboards/mcc-overview.json')) as Dashboard;
const alerts = readDeployYaml<AlertRules>('prometheus/alerts.yml');

/** Metric names a PromQL expression reads (the app's all start with mcc_). */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\b(mcc_[a-z0-9_]+|up)\b(?=\s*[{[)\s]|$)/g)].map((match) => match[1] ?? '');
}

const queries = [
  ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
  ...alerts.groups.flatMap((group) => group.rules.map((rule) => rule.expr)),
];

describe('Prometheus rules and the Grafana dashboard', () => {
  let testApp: TestApp;
  let exported: Map<string, string>;
  beforeAll(async () => {
    testApp = await createTestApp(await createSqliteTestDatabase());
    const text = (await testApp.app.inject({ method: 'GET', url: '/metrics' })).body;
    // `# TYPE name kind` lists every registered metric, labelled or not, whether or not it has samples.
    exported = new Map(
      [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']),
    );
  });
  afterAll(() => testApp?.close());

  it('query only metrics the app exports', () => {
    const used = new Set(queries.flatMap(metricsIn));
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((name) => {
      if (PROMETHEUS_SERIES.has(name) || exported.has(name)) return false;
      const base = name.replace(HISTOGRAM_SUFFIX, '');
      return exported.get(base) !== 'histogram';
    });
    expect(missing).toEqual([]);
  });

  it('cover what operators watch: HTTP, AI, jobs, WebSockets and dependency health', () => {
    const used = new Set(queries.flatMap(metricsIn).map((name) => name.replace(HISTOGRAM_SUFFIX, '')));
    for (const name of [
      'mcc_http_request_duration_seconds',
      'mcc_ai_tokens_total',
      'mcc_ai_cost_usd_total',
      'mcc_jobs',
      'mcc_job_failures_total',
      'mcc_ws_connections',
      'mcc_dependency_up',
    ]) {
      expect(used, name).toContain(name);
    }
    expect(alerts.groups.flatMap((group) => group.rules.map((rule) => rule.alert)).sort()).toEqual(
      [
        'MccAiSpendRate',
        'MccDependencyDown',
        'MccHighErrorRate',
        'MccHighLatencyP99',
        'MccInstanceDown',
        'MccJobFailures',
        'MccJobQueueBacklog',
      ].sort(),
    );
  });

  it('the dashboard uses the provisioned datasource', () => {
    const datasource = readDeployYaml<{ datasources: Array<{ uid: string }> }>(
      'grafana/provisioning/datasources/prometheus.yml',
    );
    const uid = datasource.datasources[0]?.uid;
    const panels = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(panels.length).toBeGreaterThan(8);
    for (const panel of panels) {
      expect(panel.datasource?.uid, panel.title).toBe(uid);
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(Boolean(toolSkipReason('promtool')))('promtool', () => {
  const promtool = (...args: string[]) =>
    execFileSync('promtool', args, { cwd: path.join(DEPLOY_DIR, 'prometheus'), encoding: 'utf8' });

  it('accepts the config and the rules, and the alerts fire on the series that should trigger them', () => {
    // promtool checks that the token file exists: in the stack compose mounts it, here a stand-in does.
    const dir = mkdtempSync(path.join(tmpdir(), 'mcc-prometheus-'));
    try {
      const tokenFile = path.join(dir, 'metrics_token');
      writeFileSync(tokenFile, 'stand-in-token');
      const config = readDeployFile('prometheus/prometheus.yml');
      expect(config).toContain('credentials_file: /run/secrets/metrics_token');
      writeFileSync(
        path.join(dir, 'prometheus.yml'),
        config.replaceAll('/run/secrets/metrics_token', tokenFile),
      );
      copyFileSync(path.join(DEPLOY_DIR, 'prometheus/alerts.yml'), path.join(dir, 'alerts.yml'));
      expect(
        execFileSync('promtool', ['check', 'config', 'prometheus.yml'], { cwd: dir, encoding: 'utf8' }),
      ).toMatch(/SUCCESS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(promtool('check', 'rules', 'alerts.yml')).toMatch(/SUCCESS: 7 rules found/);
    expect(promtool('test', 'rules', 'alerts.test.yml')).toMatch(/SUCCESS/);
  });
});
