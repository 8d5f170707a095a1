import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

// What every bench suite prints the same way: the machine it ran on, and plain-text tables.

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A positive integer from the environment, for shorter or longer runs (`BENCH_DURATION=3`). */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

/** CPU, memory, OS, Node, commit and load: what a figure needs next to it to mean anything. */
export function machine(): Record<string, string> {
  const cpus = os.cpus();
  let distro = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) distro = `${pretty} (${os.type()} ${os.release()}, ${os.arch()})`;
  } catch {
    // not Linux
  }
  const commit = git(['rev-parse', '--short=12', 'HEAD']) || 'unknown';
  const dirty = git(['status', '--porcelain', '--', 'src', 'bench', 'package.json']) !== '';
  return {
    CPU: `${cpus[0]?.model ?? 'unknown'} (${cpus.length} logical cores)`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    OS: distro,
    Node: process.version,
    commit: `${commit}${dirty ? ' + uncommitted changes in src/, bench/ or package.json' : ''}`,
    'load average at start': loadAverage(),
  };
}

/** The 1, 5 and 15 minute load averages. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

export const fmt = (value: number, digits = 1) => value.toFixed(digits);

/** Rows of cells as aligned columns: the first left-aligned, the others right-aligned, a rule under the header. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row, index) => {
      const line = row.map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      );
      return index === 0
        ? `${line.join('  ')}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`
        : line.join('  ');
    })
    .join('\n');
}

/** User + system CPU seconds a process has used so far (Linux /proc), or undefined. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}
/** `getconf CLK_TCK`: 100 on every mainstream Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** One target: what it asks, what was measured, and whether it holds. */
export interface Check {
  target: string;
  actual: string;
  pass: boolean;
}

export function printChecks(checks: readonly Check[]): void {
  log('Targets:');
  for (const check of checks) log(`  ${check.pass ? 'PASS' : 'FAIL'}  ${check.target}: ${check.actual}`);
}
