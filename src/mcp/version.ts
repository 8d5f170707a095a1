import { readFileSync } from 'node:fs';

/** mcc's version, from package.json (two folders up from both src/mcp and dist/mcp). */
export function mccVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
