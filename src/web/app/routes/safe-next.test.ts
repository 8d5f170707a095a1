import { describe, expect, it } from 'vitest';
import { safeNextPath, workspaceIdIn } from './safe-next.js';

describe('safeNextPath', () => {
  it('keeps paths inside the app', () => {
    expect(safeNextPath('/w/1/settings?tab=members')).toBe('/w/1/settings?tab=members');
  });

  it('refuses anything that could leave the site', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});

describe('workspaceIdIn', () => {
  it('names the workspace a path opens', () => {
    expect(workspaceIdIn('/w/abc')).toBe('abc');
    expect(workspaceIdIn('/w/abc/calendar?week=2')).toBe('abc');
    expect(workspaceIdIn('/w/abc?tab=1')).toBe('abc');
  });

  it('is undefined outside a workspace', () => {
    for (const path of ['/', '/profile', '/w/', '/wx/abc', '/w/%E0%A4%A']) {
      expect(workspaceIdIn(path)).toBeUndefined();
    }
  });
});
