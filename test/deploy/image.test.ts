import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeEntry, DEPLOY_DIR, ROOT, readCompose, readDeployFile } from './support/deploy-files.js';

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(): Array<{ keyword: string; args: string }> {
  return readDeployFile('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The instructions of the last stage, the one that ships. */
function runtimeStage() {
  const all = instructions();
  const lastFrom = all.map((item) => item.keyword).lastIndexOf('FROM');
  return all.slice(lastFrom);
}

describe('deploy/Dockerfile', () => {
  it('passes dockerfilelint', () => {
    const output = execFileSync(
      path.join(ROOT, 'node_modules/.bin/dockerfilelint'),
      ['--output', 'json', path.join(DEPLOY_DIR, 'Dockerfile')],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(output) as { totalIssues: number; files: unknown[] };
    expect(report.totalIssues, output).toBe(0);
  });

  it('builds in one stage and ships a non-root, tini-supervised runtime with a health check', () => {
    const all = instructions();
    // Both stages on the current Node.js LTS (24), Debian slim.
    expect(all.filter((item) => item.keyword === 'FROM').map((item) => item.args)).toEqual([
      'node:24-bookworm-slim AS build',
      'node:24-bookworm-slim AS runtime',
    ]);
    const runtime = runtimeStage();
    const of = (keyword: string) => runtime.filter((item) => item.keyword === keyword).map((i) => i.args);
    expect(of('USER')).toEqual(['node']);
    expect(of('ENTRYPOINT')).toEqual(['["/usr/bin/tini", "--"]']);
    expect(of('HEALTHCHECK').join(' ')).toMatch(/\/healthz/);
    // Only the build output and production dependencies reach the image, never the sources or dev tools.
    expect(of('COPY').every((args) => args.startsWith('--from=build'))).toBe(true);
    expect(all.some((item) => item.keyword === 'RUN' && /npm prune --omit=dev/.test(item.args))).toBe(true);
    // Writable paths are the /data volume and /tmp only, so `read_only: true` works.
    expect(of('VOLUME')).toEqual(['["/data"]']);
    expect(of('ENV').join(' ')).toMatch(/DATA_DIR=\/data/);
  });

  it('runs `mcc serve` by default, the entry the compose stack and the scale-out test run', () => {
    const cmd = runtimeStage().find((item) => item.keyword === 'CMD');
    expect(JSON.parse(cmd?.args ?? '[]')).toEqual(['node', 'dist/cli/mcc.js', 'serve']);
    const services = readCompose().services;
    expect(services.app?.command).toEqual(JSON.parse(cmd?.args ?? '[]'));
    expect(services.worker?.command).toEqual(['node', 'dist/cli/mcc.js', 'worker']);
    expect(services.migrate?.command).toEqual(['node', 'dist/cli/mcc.js', 'migrate']);
    // The process tests run those same built entries (npm test builds first; tsc maps src/ to dist/).
    const tsconfig = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    expect(tsconfig.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
    expect(composeEntry('app')).toEqual({ entry: 'dist/cli/mcc.js', args: ['serve'] });
    expect(composeEntry('worker')).toEqual({ entry: 'dist/cli/mcc.js', args: ['worker'] });
    const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(packageJson.bin.mcc).toBe('dist/cli/mcc.js');
  });

  it('.dockerignore sends exactly what the build stage copies, and each of those exists', () => {
    const ignore = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8');
    expect(ignore).toMatch(/^\*$/m);
    const sent = [...ignore.matchAll(/^!(\S+)$/gm)].map((match) => (match[1] ?? '').replace(/\/$/, ''));
    const copied = instructions()
      .filter((item) => item.keyword === 'COPY' && !item.args.startsWith('--from='))
      .flatMap((item) => item.args.split(/\s+/).slice(0, -1))
      .map((source) => source.replace(/\/$/, ''));
    expect(copied.sort()).toEqual(sent.sort());
    for (const source of copied) expect(existsSync(path.join(ROOT, source)), source).toBe(true);
  });
});
