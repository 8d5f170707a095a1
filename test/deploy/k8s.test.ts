import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, servingProblems } from '#server/config/config.js';
import { envSchema } from '#server/config/config.schema.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { DEPLOY_DIR, readCompose, readDeployYaml, readDeployYamlDocuments } from './support/deploy-files.js';

// kubeconform is not installable here, so this checks what it would and what it cannot: that the
// manifests fit the app (routes, ports, commands, settings) and each other (labels, names).

type Labels = Record<string, string>;
interface Probe {
  httpGet: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  args?: string[];
  command?: string[];
  ports?: Array<{ name: string; containerPort: number }>;
  env?: Array<{ name: string; value: string }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}
interface PodTemplate {
  metadata: { labels: Labels };
  spec: { containers: Container[]; restartPolicy?: string; securityContext?: { runAsNonRoot?: boolean } };
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Labels; annotations?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own spec; the tests narrow it.
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

const API_VERSIONS: Record<string, string> = {
  Namespace: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  Service: 'v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
};

const files = readdirSync(path.join(DEPLOY_DIR, 'k8s')).filter((file) => file.endsWith('.yaml'));
const manifests = files
  .filter((file) => file !== 'kustomization.yaml')
  .flatMap((file) => readDeployYamlDocuments<Manifest>(`k8s/${file}`));
const find = (kind: string, name: string) => {
  const found = manifests.find((item) => item.kind === kind && item.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const web = find('Deployment', 'mcc-web');
const worker = find('Deployment', 'mcc-worker');
const migrate = find('Job', 'mcc-migrate');
const config = find('ConfigMap', 'mcc-config');
const secret = find('Secret', 'mcc-secrets');
const podOf = (item: Manifest): PodTemplate => item.spec.template;
const containerOf = (item: Manifest): Container => {
  const container = podOf(item).spec.containers[0];
  if (!container) throw new Error(`${item.metadata.name} has no container`);
  return container;
};
const matches = (selector: Labels, labels: Labels) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

describe('deploy/k8s', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp(await createSqliteTestDatabase());
  });
  afterAll(() => testApp?.close());

  it('every manifest has a known kind, its API version and a name; kustomize lists them all', () => {
    for (const item of manifests) {
      expect(API_VERSIONS[item.kind], item.kind).toBe(item.apiVersion);
      expect(item.metadata.name).toMatch(/^[a-z0-9-]+$/);
    }
    const kustomization = readDeployYaml<{ resources: string[] }>('k8s/kustomization.yaml');
    // The Secret is a template people fill in themselves; everything else is applied.
    expect([...kustomization.resources, 'secret.example.yaml', 'kustomization.yaml'].sort()).toEqual(
      files.sort(),
    );
  });

  it('lets media uploads through up to 501 MiB, streamed, on the same host and backend; everything else keeps 2m', () => {
    const site = find('Ingress', 'mcc-web');
    const media = find('Ingress', 'mcc-media-upload');
    expect(site.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('2m');
    expect(media.metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/proxy-body-size': '501m',
      'nginx.ingress.kubernetes.io/proxy-request-buffering': 'off',
    });
    expect(media.spec.rules[0].host).toBe(site.spec.rules[0].host);
    expect(media.spec.rules[0].http.paths).toEqual([
      { path: '/api/media', pathType: 'Exact', backend: site.spec.rules[0].http.paths[0].backend },
    ]);
  });

  it('selectors match the pod labels, and the Service, Ingress, HPA and PDB point at the web pods', () => {
    for (const deployment of [web, worker]) {
      expect(matches(deployment.spec.selector.matchLabels, podOf(deployment).metadata.labels)).toBe(true);
    }
    expect(matches(web.spec.selector.matchLabels, podOf(worker).metadata.labels)).toBe(false);
    const webLabels = podOf(web).metadata.labels;
    const service = find('Service', 'mcc-web');
    expect(matches(service.spec.selector, webLabels)).toBe(true);
    const portNames = (containerOf(web).ports ?? []).map((port) => port.name);
    for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);

    const backend = find('Ingress', 'mcc-web').spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe('mcc-web');
    expect(service.spec.ports.map((port: { name: string }) => port.name)).toContain(backend.port.name);

    const hpa = find('HorizontalPodAutoscaler', 'mcc-web');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'mcc-web' });
    expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(matches(find('PodDisruptionBudget', 'mcc-web').spec.selector.matchLabels, webLabels)).toBe(true);
  });

  it('runs the commands compose runs, as args so the image keeps tini as PID 1', () => {
    const services = readCompose().services;
    expect(containerOf(web).args).toEqual(services.app?.command);
    expect(containerOf(worker).args).toEqual(services.worker?.command);
    expect(containerOf(migrate).args).toEqual(services.migrate?.command);
    for (const item of [web, worker, migrate]) expect(containerOf(item).command).toBeUndefined();
    expect(['Never', 'OnFailure']).toContain(podOf(migrate).spec.restartPolicy);
  });

  it('sets requests and limits, non-root and a read-only root on every container', () => {
    for (const item of [web, worker, migrate]) {
      const container = containerOf(item);
      for (const kind of ['requests', 'limits'] as const) {
        expect(container.resources?.[kind], `${item.metadata.name} ${kind}`).toMatchObject({
          cpu: expect.any(String),
          memory: expect.any(String),
        });
      }
      expect(podOf(item).spec.securityContext?.runAsNonRoot).toBe(true);
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
    }
  });

  it('probes routes the app serves, on the port it listens on', async () => {
    const container = containerOf(web);
    const http = container.ports?.find((port) => port.name === 'http');
    expect(http?.containerPort).toBe(Number(config.data?.PORT));
    const probes = [container.startupProbe, container.livenessProbe, container.readinessProbe];
    expect(probes.map((probe) => probe?.httpGet.path)).toEqual(['/healthz', '/healthz', '/readyz']);
    for (const probe of probes) {
      expect(probe?.httpGet.port).toBe('http');
      const answer = await testApp.app.inject({ method: 'GET', url: probe?.httpGet.path ?? '' });
      expect(answer.statusCode, probe?.httpGet.path).toBe(200);
    }

    // The worker has no web app: its probes hit the metrics server on METRICS_PORT.
    const workerContainer = containerOf(worker);
    const metricsPort = workerContainer.env?.find((item) => item.name === 'METRICS_PORT')?.value;
    const metrics = workerContainer.ports?.find((port) => port.name === 'metrics');
    expect(metrics?.containerPort).toBe(Number(metricsPort));
    for (const probe of [workerContainer.livenessProbe, workerContainer.readinessProbe]) {
      expect(probe?.httpGet).toEqual({ path: '/healthz', port: 'metrics' });
    }
  });

  it('configures only settings the app reads, from the ConfigMap and the Secret', () => {
    const known = new Set(Object.keys(envSchema.shape));
    const keys = [
      ...Object.keys(config.data ?? {}),
      ...Object.keys(secret.stringData ?? {}),
      ...[web, worker].flatMap((item) => (containerOf(item).env ?? []).map((entry) => entry.name)),
    ];
    expect(keys.filter((key) => !known.has(key))).toEqual([]);
    expect(Object.keys(secret.stringData ?? {})).toEqual(
      expect.arrayContaining(['SECRET_KEY', 'DATABASE_URL', 'REDIS_URL', 'METRICS_TOKEN']),
    );
    for (const item of [web, worker, migrate]) {
      expect(containerOf(item).envFrom).toEqual([
        { configMapRef: { name: 'mcc-config' } },
        { secretRef: { name: 'mcc-secrets' } },
      ]);
    }
  });

  it('passes the production checks once the Secret is filled in: hosts from PUBLIC_URL, the metrics token', () => {
    const filled = { ...secret.stringData, SECRET_KEY: STAND_IN_SECRET, METRICS_TOKEN: STAND_IN_TOKEN };
    for (const item of [web, worker]) {
      const env = Object.fromEntries((containerOf(item).env ?? []).map((entry) => [entry.name, entry.value]));
      const settings = { ...config.data, ...filled, ...env };
      expect(() => loadConfig(settings), item.metadata.name).not.toThrow();
      expect(loadConfig(settings).metrics.token).toBe(STAND_IN_TOKEN);
    }
    // The web pods answer for the host the Ingress routes (PUBLIC_URL's), so `mcc serve` starts.
    const webSettings = { ...config.data, ...filled };
    expect(servingProblems(loadConfig(webSettings))).toEqual([]);
    const ingressHost = find('Ingress', 'mcc-web').spec.rules[0].host;
    expect(loadConfig(webSettings).server.allowedHosts).toEqual([ingressHost]);
    const workerEnv = containerOf(worker).env ?? [];
    expect(workerEnv.find((entry) => entry.name === 'METRICS_HOST')?.value).toBe('0.0.0.0');
    expect(() =>
      loadConfig({
        ...config.data,
        ...filled,
        METRICS_TOKEN: '',
        METRICS_PORT: '9464',
        METRICS_HOST: '0.0.0.0',
      }),
    ).toThrow(/METRICS_TOKEN/);
  });
});

const STAND_IN_SECRET = 'c0ffee11d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1';
const STAND_IN_TOKEN = '9d2c4e6f8a1b3c5d7e9f0a2b4c6d8e1f';
