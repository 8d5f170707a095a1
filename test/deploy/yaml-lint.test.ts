import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, toolSkipReason } from './support/deploy-files.js';

/** Run yamllint with the repository's config; resolve with its exit code and output. */
function yamllint(targets: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(
      'yamllint',
      ['--strict', '-f', 'parsable', '-c', path.join(ROOT, '.yamllint.yml'), ...targets],
      { cwd: ROOT, encoding: 'utf8' },
    );
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, output: failed.stdout };
  }
}

describe.skipIf(Boolean(toolSkipReason('yamllint')))('yamllint', () => {
  it('passes on every YAML file of the deployment and CI', () => {
    const { code, output } = yamllint(['deploy', '.github', '.yamllint.yml']);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('fails on a broken file, so the check above means something', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcc-yamllint-'));
    try {
      writeFileSync(path.join(dir, 'bad.yml'), 'key: value\nkey: again\n  indented: wrong\n');
      expect(yamllint([dir]).code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
