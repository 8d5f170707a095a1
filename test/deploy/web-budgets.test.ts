import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The budgets for the JavaScript a route makes the browser download, gzipped: the sign-in page (most
// first visits) at most 150 kB, any other page at most 250 kB. A route loads the entry, its page's lazy chunk
// and every chunk those import statically; dynamic imports (loaded later, or on demand) do not count. Read
// from the build's manifest (vite.config.ts writes it), so it holds for what `npm start` serves.

const WEB = path.resolve(import.meta.dirname, '../../dist/web');
const MANIFEST = path.join(WEB, '.vite/manifest.json');
const KB = 1024;
const SIGN_IN_BUDGET = 150 * KB;
const ROUTE_BUDGET = 250 * KB;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

function routeJavaScript(): Map<string, number> {
  if (!existsSync(MANIFEST))
    throw new Error(`${MANIFEST} is missing: build the web app first (npm run build)`);
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk');
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(WEB, file)), { level: 9 }).length;
      gzipped.set(file, size);
    }
    return size;
  };
  const routes = new Map<string, number>();
  for (const page of Object.keys(manifest).filter((key) => /\/pages\/[^/]+-page\.tsx$/.test(key))) {
    const loaded = new Set<string>();
    const pending = [entry, page];
    for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
      if (loaded.has(key)) continue;
      loaded.add(key);
      pending.push(...(manifest[key]?.imports ?? []));
    }
    let bytes = 0;
    for (const key of loaded) bytes += sizeOf(manifest[key]?.file ?? '');
    routes.set(path.basename(page, '.tsx'), bytes);
  }
  return routes;
}

describe('the JavaScript each route loads', () => {
  const routes = routeJavaScript();
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;

  it('finds every page of the app in the build', () => {
    expect(routes.size).toBeGreaterThan(30);
    expect(routes.has('sign-in-page')).toBe(true);
  });

  it('keeps the sign-in page within 150 kB gzipped', () => {
    expect(routes.get('sign-in-page'), 'gzipped bytes').toBeLessThanOrEqual(SIGN_IN_BUDGET);
  });

  it('keeps every other page within 250 kB gzipped', () => {
    const over = [...routes]
      .filter(([, bytes]) => bytes > ROUTE_BUDGET)
      .map(([page, bytes]) => `${page}: ${kb(bytes)}`);
    expect(over).toEqual([]);
  });
});
