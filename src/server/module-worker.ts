import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Start a worker thread on a module beside the caller, given as its `.js` URL: the compiled file in
 * `dist/` when it exists, or else (running from TypeScript sources under vitest or tsx) the `.ts` file,
 * loaded through tsx's loader registered inside the new thread, with the `source` condition so `#shared/…`
 * and `#server/…` imports resolve to the sources too (package.json "imports").
 *
 * @example
 * startModuleWorker(new URL('./forecast.worker.js', import.meta.url));
 */
export function startModuleWorker(compiled: URL, options: Pick<WorkerOptions, 'workerData'> = {}): Worker {
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, options);
  const source = compiled.href.replace(/\.js$/, '.ts');
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, {
    ...options,
    eval: true,
    execArgv: [...process.execArgv, '--conditions=source'],
  });
}
