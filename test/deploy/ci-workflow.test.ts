import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/deploy-files.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { push: { tags: string[] } };
  jobs: Record<
    string,
    {
      services?: Record<string, { image: string }>;
      steps: Step[];
      needs?: string;
      container?: string;
      strategy?: { matrix?: { node?: string[] } };
    }
  >;
}

const WORKFLOW = path.join(ROOT, '.github/workflows/ci.yml');
const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow;
const ciRun = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');

/** Run @action-validator/cli on a workflow file; its exit code and what it said. */
function actionValidator(file: string): { code: number; output: string } {
  try {
    const output = execFileSync(path.join(ROOT, 'node_modules/.bin/action-validator'), [file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('.github/workflows/ci.yml', () => {
  it('passes @action-validator/cli, which rejects a broken workflow', () => {
    const valid = actionValidator(WORKFLOW);
    expect(valid.output).toBe('');
    expect(valid.code).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'mcc-workflow-'));
    try {
      const broken = path.join(dir, 'broken.yml');
      writeFileSync(broken, 'on: push\njobs:\n  test:\n    runs_on: ubuntu-24.04\n    steps: []\n');
      expect(actionValidator(broken).code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('mirrors .ci/run: PostgreSQL and Redis services, the same Debian tools, typecheck, lint, secrets, tests', () => {
    const test = workflow.jobs.test;
    expect(Object.keys(test?.services ?? {}).sort()).toEqual(['postgres', 'redis']);
    const runs = (test?.steps ?? []).map((step) => step.run ?? '').join('\n');
    for (const command of [
      'npm ci',
      'npm run typecheck',
      'npm run lint',
      'npm run lint:secrets',
      'npm test',
    ]) {
      expect(ciRun, `.ci/run runs ${command}`).toContain(command);
      expect(runs, `the workflow runs ${command}`).toContain(command);
    }
    expect(runs).toContain('npm audit --audit-level=high');
    for (const pkg of ['chromium', 'nginx-light', 'prometheus', 'yamllint', 'openssl']) {
      expect(ciRun).toContain(pkg);
      expect(runs).toContain(pkg);
    }
  });

  it('tests on Node 20 (the oldest the engines field allows), 22 and 24, in the matrix’s container', () => {
    const test = workflow.jobs.test;
    expect(test?.strategy?.matrix?.node).toEqual(['20', '22', '24']);
    expect(test?.container).toBe(`node:$\{{ matrix.node }}-bookworm`);
  });

  it('builds the image from deploy/Dockerfile after the tests, and publishes it to GHCR only on v* tags', () => {
    const image = workflow.jobs.image;
    expect(image?.needs).toBe('test');
    const build = image?.steps.find((step) => step.uses?.startsWith('docker/build-push-action@'));
    expect(build?.with).toMatchObject({ context: '.', file: 'deploy/Dockerfile' });
    expect(build?.with?.push).toBe(`$\{{ startsWith(github.ref, 'refs/tags/v') }}`);
    const login = image?.steps.find((step) => step.uses?.startsWith('docker/login-action@'));
    expect(login?.with?.registry).toBe('ghcr.io');
    expect(login?.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(workflow.on.push.tags).toEqual(['v*']);
  });
});
