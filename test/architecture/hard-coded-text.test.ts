import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findHardCodedText } from './hard-coded-text.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The parts of the web app whose text comes from src/web/locales. A folder joins this list once every
 * string in it is translated (English and French); the test then keeps it that way. Files are listed
 * when their folder mixes converted and unconverted screens (src/web/app/pages).
 */
// Every screen of the web app: its words come from src/web/locales (docs/translations.md).
const CONVERTED = ['src/web/'];

function tsxFiles(entry: string): string[] {
  const absolute = path.join(ROOT, entry);
  if (!entry.endsWith('/')) return [absolute];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.tsx') && !name.endsWith('.test.tsx'))
    .map((name) => path.join(absolute, name));
}

describe('hard-coded text in converted folders', () => {
  it('finds none: every word on screen comes from the translations', () => {
    const files = CONVERTED.flatMap(tsxFiles);
    expect(files.length).toBeGreaterThan(20);
    expect(findHardCodedText(path.join(ROOT, 'tsconfig.web.json'), files)).toEqual([]);
  }, 60_000);
});

describe('findHardCodedText', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcc-hard-coded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports JSX text and text attributes, not translated calls, class names or symbols', () => {
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { jsx: 'react-jsx', noEmit: true, types: [] }, include: ['*.tsx'] }),
    );
    writeFileSync(
      path.join(dir, 'screen.tsx'),
      [
        'declare const t: (key: string) => string;',
        'declare const open: boolean;',
        'export const a = <p className="muted card">Hello there</p>;',
        'export const b = <input placeholder="Search posts" aria-label={t("search.label")} />;',
        'export const c = <span title={open ? `Close the \u0024{"x"} panel` : t("open")}>✓ · —</span>;',
        'export const d = <div>{open ? "Saved" : null}{t("saved")}</div>;',
        'declare const kind: string;',
        'export const e = <p>{kind === "video" && <b className="big">{t("video")}</b>}</p>;',
      ].join('\n'),
    );
    const found = findHardCodedText(path.join(dir, 'tsconfig.json'), [path.join(dir, 'screen.tsx')]);
    expect(found.map(({ line, text }) => [line, text])).toEqual([
      [3, 'Hello there'],
      [4, 'Search posts'],
      [5, 'Close the'],
      [5, 'panel'],
      [6, 'Saved'],
    ]);
  }, 60_000);
});
