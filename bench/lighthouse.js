// Lighthouse against the built sign-in page (`npm run lighthouse` builds first). Starts the real server the
// way a self-hoster runs it, audits http://127.0.0.1:<port>/sign-in, prints the four category scores, the
// gzipped JavaScript the page loaded and the machine, and exits non-zero below the targets.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
/** Minimum scores (0–1) per category; SEO is reported but has no target. */
const TARGETS = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
/** The sign-in page's JavaScript budget, gzipped. */
const JS_BUDGET_BYTES = 150 * 1024;

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs `node dist/server/main.js` with its own data directory and waits for /readyz. */
async function startServer() {
  const main = path.join(ROOT, 'dist/server/main.js');
  if (!existsSync(main) || !existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    throw new Error('Build first: npm run build');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-lighthouse-'));
  const child = spawn('node', [main], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MCC_DEMO: '0',
      LOG_LEVEL: 'warn',
      SECRET_KEY: randomBytes(32).toString('hex'),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      return {
        url,
        stop: async () => {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server not ready after 30 s');
}

/** Runs the Lighthouse CLI (the package's own binary) and returns its JSON report. */
async function runLighthouse(url) {
  const bin = path.join(ROOT, 'node_modules/.bin/lighthouse');
  const { stdout } = await promisify(execFile)(
    bin,
    [url, '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${CHROME_FLAGS}`],
    { env: { ...process.env, CHROME_PATH }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout);
}

/** Gzipped size of every script the audited page loaded, read from the build output. */
function loadedJavaScript(report) {
  const requests = report.audits['network-requests']?.details?.items ?? [];
  const scripts = requests.filter((request) => request.resourceType === 'Script');
  return scripts.map((request) => {
    const file = path.join(ROOT, 'dist/web', new URL(request.url).pathname);
    return { file: path.relative(ROOT, file), gzipBytes: gzipSync(readFileSync(file)).length };
  });
}

const server = await startServer();
let failed = false;
try {
  const report = await runLighthouse(`${server.url}/sign-in`);
  const scores = Object.fromEntries(
    Object.entries(report.categories).map(([id, category]) => [id, category.score]),
  );
  const scripts = loadedJavaScript(report);
  const jsBytes = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);

  console.log(`\nLighthouse ${report.lighthouseVersion} on ${report.finalDisplayedUrl}`);
  console.log(
    `machine: ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length} × ${os.cpus()[0]?.model}`,
  );
  console.log(
    `node: ${process.version}, form factor: ${report.configSettings.formFactor}, throttling: ${report.configSettings.throttlingMethod}`,
  );
  for (const [id, score] of Object.entries(scores)) {
    const target = TARGETS[id];
    const verdict =
      target === undefined ? '' : score >= target ? `  ok (≥ ${target})` : `  BELOW TARGET ${target}`;
    if (target !== undefined && score < target) failed = true;
    console.log(`${id.padEnd(16)} ${score.toFixed(2)}${verdict}`);
  }
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ]) {
    console.log(`  ${report.audits[id].title}: ${report.audits[id].displayValue}`);
  }
  console.log(
    `sign-in JavaScript: ${(jsBytes / 1024).toFixed(1)} kB gzip in ${scripts.length} files (budget ${JS_BUDGET_BYTES / 1024} kB)`,
  );
  if (jsBytes > JS_BUDGET_BYTES) failed = true;

  // Name what cost points, so a failing run says where to look.
  for (const category of Object.values(report.categories)) {
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        console.log(`  [${category.id}] ${audit.id}: ${audit.score} ${audit.displayValue ?? ''}`);
        for (const item of (audit.details?.items ?? []).slice(0, 3)) {
          console.log(`      ${JSON.stringify(item).slice(0, 300)}`);
        }
      }
    }
  }
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
