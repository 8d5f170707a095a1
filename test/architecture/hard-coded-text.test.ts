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
const CONVERTED = [
  'src/web/app/layout/',
  'src/web/app/routes/',
  'src/web/components/',
  'src/web/features/dashboard/',
  'src/web/app/pages/dashboard-page.tsx',
  'src/web/features/inbox/',
  'src/web/app/pages/inbox-page.tsx',
  'src/web/app/pages/inbox-settings-page.tsx',
  'src/web/features/auth/',
  'src/web/app/pages/sign-in-page.tsx',
  'src/web/app/pages/sign-up-page.tsx',
  'src/web/app/pages/confirm-sign-up-page.tsx',
  'src/web/app/pages/forgot-password-page.tsx',
  'src/web/app/pages/reset-password-page.tsx',
  'src/web/features/notifications/',
  'src/web/app/pages/notifications-page.tsx',
  'src/web/features/content/',
  'src/web/app/pages/calendar-page.tsx',
  'src/web/app/pages/compose-page.tsx',
  'src/web/app/pages/content-item-page.tsx',
  'src/web/app/pages/content-page.tsx',
  'src/web/app/pages/review-page.tsx',
  'src/web/app/pages/studio-page.tsx',
  'src/web/features/workspaces/',
  'src/web/app/pages/general-settings-page.tsx',
  'src/web/app/pages/members-page.tsx',
  'src/web/app/pages/api-keys-page.tsx',
  'src/web/app/pages/audit-log-page.tsx',
  'src/web/app/pages/new-business-page.tsx',
  'src/web/features/channels/',
  'src/web/app/pages/channels-settings-page.tsx',
  'src/web/features/media/',
  'src/web/app/pages/media-page.tsx',
  'src/web/features/analytics/',
  'src/web/app/pages/analytics-page.tsx',
  'src/web/app/pages/analytics-forecast-page.tsx',
  'src/web/features/ai/',
  'src/web/app/pages/ai-settings-page.tsx',
  'src/web/app/pages/ai-usage-page.tsx',
  'src/web/app/pages/notification-settings-page.tsx',
  'src/web/app/pages/unsubscribe-page.tsx',
  'src/web/features/webhooks/',
  'src/web/app/pages/webhooks-page.tsx',
  'src/web/app/pages/webhook-page.tsx',
  'src/web/features/publishing/',
  'src/web/app/pages/publishing-settings-page.tsx',
  'src/web/app/pages/queue-settings-page.tsx',
  'src/web/features/profile/',
  'src/web/app/pages/profile-page.tsx',
  'src/web/features/brand/',
  'src/web/app/pages/brand-page.tsx',
  'src/web/features/campaigns/',
  'src/web/app/pages/campaigns-page.tsx',
  'src/web/app/pages/campaign-page.tsx',
  'src/web/app/pages/new-campaign-page.tsx',
  'src/web/app/pages/edit-campaign-page.tsx',
  'src/web/features/jobs/',
  'src/web/app/pages/jobs-page.tsx',
  'src/web/app/pages/job-page.tsx',
  'src/web/features/onboarding/',
  'src/web/app/pages/onboarding-page.tsx',
];

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
