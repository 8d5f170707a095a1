import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.resolve(import.meta.dirname, '../../src/web/app');

/** Each `lazyPage(() => import('./pages/…'), 'Name', [namespaces])` of the route table. */
function lazyPages(): { file: string; namespaces: string[] }[] {
  const routes = readFileSync(path.join(APP, 'app-routes.tsx'), 'utf8');
  const calls = routes.matchAll(
    /lazyPage\(\s*\(\) => import\('(\.\/pages\/[^']+)'\),\s*'\w+'(?:,\s*\[([^\]]*)\])?/g,
  );
  return [...calls].map(([, file = '', list = '']) => ({
    file: file.replace(/\.js$/, '.tsx'),
    namespaces: [...list.matchAll(/'([a-z]+)'/g)].map(([, namespace = '']) => namespace),
  }));
}

describe('the route table', () => {
  it('names the strings of every page, so they load with its code (app/lazy-page.ts)', () => {
    const pages = lazyPages();
    expect(pages.length).toBeGreaterThan(40);
    const missing = pages.flatMap(({ file, namespaces }) => {
      const source = readFileSync(path.join(APP, file), 'utf8');
      const used = [...source.matchAll(/useTranslation\(\[?'([a-z]+)'/g)].map(
        ([, namespace = '']) => namespace,
      );
      return [...new Set(used)]
        .filter((namespace) => !namespaces.includes(namespace))
        .map((n) => `${file}: ${n}`);
    });
    expect(missing).toEqual([]);
  });
});
