/**
 * Resolves once `globalThis.Temporal` exists: at once in a browser that has it, else after the polyfill
 * (a chunk of its own) has installed it. The app's date arithmetic (src/shared/zoned-time.ts, through
 * src/web/lib/temporal.ts) reads the global, so the first render waits for this.
 */
export async function ensureTemporal(): Promise<void> {
  if ('Temporal' in globalThis) return;
  await import('temporal-polyfill/global');
}
